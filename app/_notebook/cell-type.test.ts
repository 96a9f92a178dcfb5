import { describe, expect, it } from 'vitest';

import { applyChange, emptyHistory, recordChange, undo } from './cell-history';
import type { NotebookCell } from './cells';
import { isTextCell, switchCellType } from './cell-type';

describe('switchCellType', () => {
  it('keeps markdown text in a network cell', () => {
    const cell = { id: 'a', type: 'markdown', source: '# Notes\nsome text' } as const;
    expect(switchCellType(cell)).toEqual({ id: 'a', type: 'spec', source: '# Notes\nsome text' });
  });

  it('keeps network YAML unfenced in a text cell', () => {
    const cell = { id: 'b', type: 'spec', source: 'name: pair\ndtMs: 1\n' } as const;
    expect(switchCellType(cell)).toEqual({ id: 'b', type: 'markdown', source: 'name: pair\ndtMs: 1\n' });
  });

  it('round-trips network YAML unchanged', () => {
    const cell = { id: 'c', type: 'spec', source: 'name: pair\ndtMs: 1\n' } as const;
    expect(switchCellType(switchCellType(cell))).toEqual(cell);
  });

  it('round-trips markdown unchanged', () => {
    const cell = { id: 'g', type: 'markdown', source: '# Notes\n\nSome *text*.\n' } as const;
    expect(switchCellType(switchCellType(cell))).toEqual(cell);
  });

  it('round-trips a fenced block unchanged', () => {
    const cell = { id: 'h', type: 'markdown', source: '```yaml\na: 1\n```\n' } as const;
    const network = switchCellType(cell);
    expect(network.source).toBe(cell.source);
    expect(switchCellType(network)).toEqual(cell);
  });

  it('keeps text with two fences whole', () => {
    const source = '```yaml\na: 1\n```\nbetween\n```yaml\nb: 2\n```';
    expect(switchCellType({ id: 'f', type: 'markdown', source }).source).toBe(source);
  });

  it('gives an empty text cell the new-network YAML', () => {
    const converted = switchCellType({ id: 'd', type: 'markdown', source: '  \n' });
    expect(converted.type).toBe('spec');
    expect(converted.source.startsWith('apiVersion: livenet/v1\n')).toBe(true);
  });

  it('leaves an empty network cell empty as text', () => {
    expect(switchCellType({ id: 'e', type: 'spec', source: '' })).toEqual({
      id: 'e',
      type: 'markdown',
      source: '',
    });
  });

  it('excludes run cells', () => {
    const run: NotebookCell = {
      id: 'r',
      type: 'run',
      specCellId: null,
      mode: null,
      seed: null,
      ticks: null,
      split: null,
      samples: null,
      lastRunId: null,
    };
    expect(isTextCell(run)).toBe(false);
  });
});

describe('type change in history', () => {
  it('undo restores the markdown cell', () => {
    const before: NotebookCell = { id: 'm', type: 'markdown', source: 'hello' };
    const after = switchCellType(before);
    const applied = applyChange([before], { kind: 'update', before, after });
    expect(applied?.cells).toEqual([{ id: 'm', type: 'spec', source: 'hello' }]);

    const history = recordChange(emptyHistory, applied!.applied, 0);
    const undone = undo(applied!.cells, history);
    expect(undone?.cells).toEqual([{ id: 'm', type: 'markdown', source: 'hello' }]);
  });
});
