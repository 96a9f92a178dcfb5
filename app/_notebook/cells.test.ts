import { describe, expect, it } from 'vitest';

import { MNIST_STDP } from '../_templates/mnist-stdp';
import {
  cellsFromTemplate,
  ensureRunCells,
  newRunCell,
  resolveSpecCell,
  runCellFor,
  specCellLabel,
  type NotebookCell,
} from './cells';

const specA = { id: 'a', type: 'spec' as const, source: 'name: first\n' };
const specB = { id: 'b', type: 'spec' as const, source: 'dtMs: 1\n' };

describe('resolveSpecCell', () => {
  it('uses the chosen network cell', () => {
    const run = { ...newRunCell('a'), id: 'r' };
    expect(resolveSpecCell([specA, specB, run], 'r')?.id).toBe('a');
  });

  it('falls back to the nearest above', () => {
    const run = { ...newRunCell('gone'), id: 'r' };
    expect(resolveSpecCell([specA, specB, run], 'r')?.id).toBe('b');
  });

  it('returns null with no network above', () => {
    const run = { ...newRunCell(null), id: 'r' };
    expect(resolveSpecCell([run, specA], 'r')).toBeNull();
  });
});

describe('runCellFor', () => {
  it('finds the first run cell below', () => {
    const cells: NotebookCell[] = [specA, { ...newRunCell('a'), id: 'r1' }, { ...newRunCell('a'), id: 'r2' }];
    expect(runCellFor(cells, 'a')?.id).toBe('r1');
  });

  it('skips run cells of another network', () => {
    const cells: NotebookCell[] = [specA, specB, { ...newRunCell('b'), id: 'r1' }];
    expect(runCellFor(cells, 'a')).toBeNull();
  });
});

describe('cellsFromTemplate', () => {
  it('points the run cell at the spec cell', () => {
    const cells = cellsFromTemplate(MNIST_STDP);
    const spec = cells.find((cell) => cell.type === 'spec');
    const run = cells.find((cell) => cell.type === 'run');
    expect(run?.type === 'run' ? run.specCellId : undefined).toBe(spec?.id);
  });
});

describe('specCellLabel', () => {
  it('names a cell by its network', () => {
    expect(specCellLabel([specA, specB], specA)).toBe('first (network 1)');
  });

  it('numbers a cell without a name', () => {
    expect(specCellLabel([specA, specB], specB)).toBe('network 2');
  });
});

describe('ensureRunCells', () => {
  it('adds run cells to a notebook without any', () => {
    const cells = ensureRunCells([specA, specB]);
    expect(cells.map((cell) => (cell.type === 'run' ? `run:${cell.specCellId}` : cell.id))).toEqual([
      'a',
      'run:a',
      'b',
      'run:b',
    ]);
  });

  it('keeps stored run cells as saved', () => {
    // A network cell without a run cell, as a text cell changed to a network cell leaves it.
    const stored = [specA, specB, { ...newRunCell('b'), id: 'r' }];
    expect(ensureRunCells(stored)).toEqual(stored);
  });
});
