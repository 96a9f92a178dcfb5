import { describe, expect, it } from 'vitest';

import { newRunCell, type NotebookCell } from './cells';
import { mergeCells, runCellPlacements } from './persistence';

const markdown = { id: 'm1', type: 'markdown' as const, source: '# Hi' };
const spec = { id: 's1', type: 'spec' as const, source: 'name: a' };
const withoutRunCells = (cells: NotebookCell[]) => cells.filter((cell) => cell.type !== 'run');

describe('legacy run cell merge', () => {
  it('restores run cells in place', () => {
    const run = { ...newRunCell('s1'), id: 'r1' };
    const cells: NotebookCell[] = [markdown, spec, run];
    const merged = mergeCells(withoutRunCells(cells), runCellPlacements(cells));
    expect(merged.map((cell) => cell.id)).toEqual(['m1', 's1', 'r1']);
  });

  it('restores consecutive run cells in order', () => {
    const first = { ...newRunCell('s1'), id: 'r1' };
    const second = { ...newRunCell('s1'), id: 'r2' };
    const cells: NotebookCell[] = [spec, first, second, markdown];
    const merged = mergeCells(withoutRunCells(cells), runCellPlacements(cells));
    expect(merged.map((cell) => cell.id)).toEqual(['s1', 'r1', 'r2', 'm1']);
  });

  it('restores a run cell at the top', () => {
    const run = { ...newRunCell(null), id: 'r0' };
    const cells: NotebookCell[] = [run, spec];
    const merged = mergeCells(withoutRunCells(cells), runCellPlacements(cells));
    expect(merged.map((cell) => cell.id)).toEqual(['r0', 's1']);
  });

  it('appends a run cell whose neighbour is gone', () => {
    const run = { ...newRunCell('s1'), id: 'r1' };
    const merged = mergeCells([markdown], [{ afterCellId: 'deleted', cell: run }]);
    expect(merged.map((cell) => cell.id)).toEqual(['m1', 'r1']);
  });

  it('server run cells win over browser ones', () => {
    const server = { ...newRunCell('s1'), id: 'r-server', seed: 3 };
    const browser = { ...newRunCell('s1'), id: 'r-browser', seed: 9 };
    const merged = mergeCells([spec, server], [{ afterCellId: 's1', cell: browser }]);
    expect(merged).toEqual([spec, server]);
  });
});
