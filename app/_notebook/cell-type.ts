/**
 * Changing a cell between text (markdown) and network (spec). Both kinds contain one text, so
 * the change keeps the cell's id and its text and loses nothing. Run cells are left out. A run
 * cell has settings and a link to a network cell but no text, so changing one to or from
 * another kind would keep nothing, and deleting and adding a cell already does that.
 */
import { newCell, type MarkdownCell, type NotebookCell, type SpecCell } from './cells';

export type TextCell = MarkdownCell | SpecCell;

/** The fence around YAML shown in a text cell, which a change back to a network cell removes. */
const YAML_FENCE = /^```ya?ml\n((?:(?!\n```)[\s\S])*)\n```\s*$/;

export function isTextCell(cell: NotebookCell): cell is TextCell {
  return cell.type === 'markdown' || cell.type === 'spec';
}

/**
 * Returns the cell as the other text kind, with the same id. Network YAML becomes a fenced
 * `yaml` block, so it reads as code in the text cell, and a text cell that holds only such a
 * block becomes a network cell with the YAML inside. An empty text cell becomes the network
 * cell a new one would be.
 */
export function switchCellType(cell: TextCell): TextCell {
  if (cell.type === 'spec') {
    const yaml = cell.source.replace(/\n+$/, '');
    return { id: cell.id, type: 'markdown', source: yaml === '' ? '' : `\`\`\`yaml\n${yaml}\n\`\`\`\n` };
  }

  if (cell.source.trim() === '') {
    const fresh = newCell('spec');
    return { id: cell.id, type: 'spec', source: fresh.type === 'spec' ? fresh.source : '' };
  }
  const fenced = YAML_FENCE.exec(cell.source.trim());
  return { id: cell.id, type: 'spec', source: fenced ? `${fenced[1] ?? ''}\n` : cell.source };
}
