import { parseDocument } from 'yaml';

export interface SpecNames {
  populations: string[];
  projections: string[];
}

const NAME_LINE = /^\s*-\s+name:\s*([A-Za-z][\w-]*)/;
/** Maximum length of a text parsed in full for completions. */
const MAX_PARSED_CHARS = 20_000;

/**
 * Returns the population and projection names written so far. A half-typed document often fails to parse,
 * so names are then taken line by line from `- name:` entries under each list.
 */
export function specNames(text: string): SpecNames {
  // The full parser takes a second or more on specs with long explicit lists; the scan does not.
  if (text.length > MAX_PARSED_CHARS) return scanNames(text);

  try {
    // Half-typed documents are the normal case here, so the parser's console warnings are off.
    const document = parseDocument(text, { logLevel: 'silent' });
    const value: unknown = document.errors.length === 0 ? document.toJS() : null;
    if (isRecord(value)) {
      return { populations: namesOf(value.populations), projections: namesOf(value.projections) };
    }
  } catch {
    // Fall through to the line scan, which tolerates any text.
  }
  return scanNames(text);
}

function scanNames(text: string): SpecNames {
  const names: SpecNames = { populations: [], projections: [] };
  let list: keyof SpecNames | null = null;
  for (const line of text.split('\n')) {
    const top = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (top) list = top[1] === 'populations' || top[1] === 'projections' ? top[1] : null;
    const name = NAME_LINE.exec(line)?.[1];
    if (list && name) names[list].push(name);
  }
  return names;
}

function namesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isRecord(item) && typeof item.name === 'string' ? [item.name] : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
