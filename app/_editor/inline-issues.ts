import { forEachDiagnostic } from '@codemirror/lint';
import type { Extension, Range } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  WidgetType,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';

/** The first issue's message, shown after the end of its line. */
class IssueMessage extends WidgetType {
  constructor(
    readonly message: string,
    readonly extra: number,
  ) {
    super();
  }

  override eq(other: IssueMessage): boolean {
    return other.message === this.message && other.extra === this.extra;
  }

  toDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'cm-inline-issue';
    element.textContent = this.extra > 0 ? `${this.message} (+${this.extra} more)` : this.message;
    return element;
  }
}

function buildDecorations(view: EditorView): DecorationSet {
  const perLine = new Map<number, string[]>();
  forEachDiagnostic(view.state, (diagnostic, from) => {
    const line = view.state.doc.lineAt(Math.min(from, view.state.doc.length));
    perLine.set(line.number, [...(perLine.get(line.number) ?? []), diagnostic.message]);
  });

  const ranges: Range<Decoration>[] = [];
  for (const [lineNumber, messages] of [...perLine.entries()].sort(([a], [b]) => a - b)) {
    const line = view.state.doc.line(lineNumber);
    ranges.push(
      Decoration.line({
        class: 'cm-issue-line',
        attributes: { 'data-issue-line': String(lineNumber) },
      }).range(line.from),
    );
    ranges.push(
      Decoration.widget({ widget: new IssueMessage(messages[0] ?? '', messages.length - 1), side: 1 }).range(
        line.to,
      ),
    );
  }
  return Decoration.set(ranges, true);
}

/**
 * Shows each lint message at the end of the line it belongs to, so an error is readable while
 * typing without hovering. The lint gutter and underline still mark the exact spot.
 */
export function inlineIssues(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;

      constructor(view: EditorView) {
        this.decorations = buildDecorations(view);
      }

      update(update: ViewUpdate) {
        this.decorations = buildDecorations(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
