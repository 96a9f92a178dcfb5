/**
 * Changing a cell between text (markdown) and network (spec). Both kinds contain one text, so
 * the change keeps the cell's id and its text exactly as it is, with no fence added or removed.
 * A fence would make the round trip lossy in one direction: text that went to network and back
 * would come back fenced, because a network cell cannot record whether its text had a fence.
 * So text → network → text and network → text → network both return the same text. The one
 * exception is a text cell that is empty or whitespace only, which becomes the network cell a
 * new one would be.
 *
 * Run cells are left out. A run cell has settings and a link to a network cell but no text, so
 * changing one to or from another kind would keep nothing, and deleting and adding a cell
 * already does that.
 */
import { newCell, type MarkdownCell, type NotebookCell, type SpecCell } from './cells';

export type TextCell = MarkdownCell | SpecCell;

export function isTextCell(cell: NotebookCell): cell is TextCell {
  return cell.type === 'markdown' || cell.type === 'spec';
}

/** Returns the cell as the other text kind, with the same id and the same text. */
export function switchCellType(cell: TextCell): TextCell {
  if (cell.type === 'spec') return { id: cell.id, type: 'markdown', source: cell.source };

  if (cell.source.trim() === '') {
    const fresh = newCell('spec');
    return { id: cell.id, type: 'spec', source: fresh.type === 'spec' ? fresh.source : '' };
  }
  return { id: cell.id, type: 'spec', source: cell.source };
}
