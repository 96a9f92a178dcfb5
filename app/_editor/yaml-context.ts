/**
 * Finds what the cursor is editing in a YAML document that may not parse yet: the chain of keys
 * from the root, whether a key or a value is being typed, and the keys already present beside
 * it. It reads indentation line by line, so it works while the document is half written, and it
 * understands block mappings, block sequences (`- `) and one level of flow collections on the
 * cursor's line (`chip: { mode: fi`, `spikes: [in, ou`).
 */

/** A step of the path: a mapping key, or `[]` for "an item of this list". */
export type PathStep = string;
export const LIST_ITEM: PathStep = '[]';

export interface YamlContext {
  /** Keys from the root down to the mapping or list being edited. */
  path: PathStep[];
  /** `key`: a key of the mapping at `path`; `value`: the value of `key`; `item`: an item of the list at `path`. */
  kind: 'key' | 'value' | 'item';
  key?: string;
  /** The partial word before the cursor and the offset where it starts. */
  prefix: string;
  from: number;
  /** Keys already in the same mapping, with their scalar values (empty for nested values). */
  siblings: Map<string, string>;
  /** True inside `{ }` or `[ ]` on one line, where a completed key takes no line break. */
  flow: boolean;
}

interface LineShape {
  /** Column of the first key character (after any `- ` markers). */
  keyColumn: number;
  /** Column of the last `- ` marker, or -1. */
  dashColumn: number;
  key: string | null;
  /** Text after `key:`, trimmed, without a trailing comment. */
  rest: string;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*)$/;

function shapeOf(line: string): LineShape | null {
  const indent = line.length - line.trimStart().length;
  let body = line.slice(indent);
  if (body === '' || body.startsWith('#')) return null;

  let column = indent;
  let dashColumn = -1;
  while (body.startsWith('- ') || body === '-') {
    dashColumn = column;
    const after = body.slice(1);
    const spaces = after.length - after.trimStart().length;
    column += 1 + spaces;
    body = after.trimStart();
  }

  const match = KEY_LINE.exec(body);
  const rest = (match?.[2] ?? '').replace(/\s+#.*$/, '').trim();
  return { keyColumn: column, dashColumn, key: match?.[1] ?? null, rest };
}

/**
 * Walks up from the line above the cursor to find the path of the block being edited. The walk
 * is inside a mapping whose keys start at `column`, or inside a list whose `- ` markers are at
 * `column`. Each line above belongs to that block (a sibling), is nested deeper (skipped), or is
 * the key that owns the block (one step up the path).
 */
function enclosingPath(lines: string[], start: { mode: 'mapping' | 'list'; column: number }) {
  const path: PathStep[] = start.mode === 'list' ? [LIST_ITEM] : [];
  const siblings = new Map<string, string>();
  let { mode, column } = start;
  let collectingSiblings = mode === 'mapping';

  for (let index = lines.length - 1; index >= 0; index--) {
    const shape = shapeOf(lines[index] ?? '');
    if (!shape) continue;

    if (mode === 'mapping') {
      if (shape.keyColumn > column) continue;
      if (shape.keyColumn === column && shape.key !== null) {
        if (collectingSiblings) siblings.set(shape.key, shape.rest);
        // The first key of a list item shares its line with the `- ` marker.
        if (shape.dashColumn >= 0) {
          path.unshift(LIST_ITEM);
          mode = 'list';
          column = shape.dashColumn;
          collectingSiblings = false;
        }
        continue;
      }
    } else if (shape.dashColumn === column || shape.keyColumn > column) {
      continue;
    }

    if (shape.key === null) continue;
    path.unshift(shape.key);
    collectingSiblings = false;
    if (shape.dashColumn >= 0) {
      path.unshift(LIST_ITEM);
      mode = 'list';
      column = shape.dashColumn;
    } else {
      mode = 'mapping';
      column = shape.keyColumn;
    }
  }
  return { path, siblings };
}

/** Returns the editing context at `offset`, or null inside a comment or a quoted string. */
export function yamlContextAt(text: string, offset: number): YamlContext | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/#/.test(before) || /["']/.test(before)) return null;

  const lines = text.slice(0, lineStart).split('\n');
  const lineIndex = lines.length - 1;
  const word = /[\w-]*$/.exec(before)?.[0] ?? '';
  const from = offset - word.length;

  const flow = flowContext(before, word);
  // A placeholder replaces the word being typed, so an empty key still has a shape.
  const shape = shapeOf(before.slice(0, before.length - word.length) + 'x');
  const isItemStart = (shape?.dashColumn ?? -1) >= 0;
  const parent = enclosingPath(
    lines.slice(0, lineIndex),
    isItemStart
      ? { mode: 'list', column: shape?.dashColumn ?? 0 }
      : { mode: 'mapping', column: shape?.keyColumn ?? 0 },
  );

  if (flow) {
    const path = [...parent.path, ...flow.pathTail];
    if (flow.kind === 'item')
      return { path, kind: 'item', prefix: word, from, siblings: new Map(), flow: true };
    if (flow.kind === 'value') {
      return { path, kind: 'value', key: flow.key, prefix: word, from, siblings: flow.siblings, flow: true };
    }
    return { path, kind: 'key', prefix: word, from, siblings: flow.siblings, flow: true };
  }

  const keyValue = /^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:\s+([\w-]*)$/.exec(before);
  if (keyValue) {
    return {
      path: parent.path,
      kind: 'value',
      key: keyValue[1],
      prefix: word,
      from,
      siblings: parent.siblings,
      flow: false,
    };
  }
  if (/^\s*(?:-\s+)*[\w-]*$/.test(before)) {
    // A bare `- word` may start a mapping item or be a scalar item; the caller decides by schema.
    return {
      path: parent.path,
      kind: isItemStart ? 'item' : 'key',
      prefix: word,
      from,
      siblings: parent.siblings,
      flow: false,
    };
  }
  return null;
}

interface FlowContext {
  kind: 'key' | 'value' | 'item';
  key?: string;
  pathTail: PathStep[];
  siblings: Map<string, string>;
}

/** Reads an unclosed `key: { ...` or `key: [ ...` on the cursor's line. */
function flowContext(before: string, word: string): FlowContext | null {
  const open = /^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:\s*([[{])([^\]}]*)$/.exec(before);
  if (!open) return null;

  const [, key = '', bracket, inner = ''] = open;
  if (bracket === '[') return { kind: 'item', pathTail: [key], siblings: new Map() };

  const entries = inner.slice(0, inner.length - word.length).split(',');
  const current = entries.pop() ?? '';
  const siblings = new Map<string, string>();
  for (const entry of entries) {
    const [name, ...value] = entry.split(':');
    if (name?.trim()) siblings.set(name.trim(), value.join(':').trim());
  }

  const valueOf = /^\s*([A-Za-z_][\w-]*)\s*:\s*$/.exec(current);
  if (valueOf) return { kind: 'value', key: valueOf[1], pathTail: [key], siblings };
  return { kind: 'key', pathTail: [key], siblings };
}
