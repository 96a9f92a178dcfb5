/**
 * Parses a spec written as YAML and maps every issue to a line and column of the source, so an
 * editor can underline the node at fault.
 *
 * YAML syntax errors (bad indentation, duplicate keys, several documents) are issues too. A
 * value issue points at the value (`63` in `delay: 63`), an unknown field at its key, and a
 * missing field at the object that lacks it. Lines and columns count from 1.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

import { SpecError, type SpecIssue } from '../errors';
import { issueWithMessage, type PathSegment } from './issues';
import { parseSpec, type ParseSpecOptions } from './parse';
import type { Spec } from './schema';

/** Aliases a document may expand, so a few lines cannot expand into gigabytes. */
const MAX_ALIAS_COUNT = 100;

export interface YamlSpecIssue extends SpecIssue {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type SpecYamlResult = { spec: Spec } | { issues: YamlSpecIssue[] };

/** Parses YAML `text` as a spec; returns the spec, or every issue with its source position. */
export function parseSpecYaml(text: string, options: ParseSpecOptions = {}): SpecYamlResult {
  const lineCounter = new LineCounter();
  const locate = (offset: number) => lineCounter.linePos(offset);
  const at = (issue: SpecIssue, start: number, end: number): YamlSpecIssue => {
    const from = locate(start);
    const to = locate(Math.max(start, end));
    return { ...issue, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  };

  let document: Document.Parsed;
  let value: unknown;
  try {
    document = parseDocument(String(text), { lineCounter, uniqueKeys: true });
    if (document.errors.length > 0) {
      return {
        issues: document.errors.map((error) =>
          at(issueWithMessage([], firstLine(error.message)), error.pos[0], error.pos[1]),
        ),
      };
    }
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      issues: [at(issueWithMessage([], `the YAML could not be read: ${firstLine(errorText(error))}`), 0, 0)],
    };
  }

  try {
    return { spec: parseSpec(value, options) };
  } catch (error) {
    const issues = error instanceof SpecError ? error.issues : [issueWithMessage([], errorText(error))];
    return {
      issues: issues.map((issue) => {
        const [start, end] = locateIssue(document, issue);
        return at(issue, start, end);
      }),
    };
  }
}

/** Returns the source range of the node an issue is about. */
function locateIssue(document: Document.Parsed, issue: SpecIssue): [number, number] {
  let node: unknown = document.contents;
  let range = rangeOf(node) ?? [0, 0];
  const pointsAtKey = issue.message.includes('unknown field');

  for (let i = 0; i < issue.segments.length; i++) {
    const segment = issue.segments[i]!;
    const last = i === issue.segments.length - 1;
    node = isAlias(node) ? node.resolve(document) : node;

    const next = childOf(node, segment);
    if (next === undefined) break;

    const keyRange = rangeOf(next.key);
    if (last && pointsAtKey && keyRange !== undefined) return keyRange;
    node = next.value;
    range = rangeOf(node) ?? keyRange ?? range;
  }
  return range;
}

function childOf(node: unknown, segment: PathSegment): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair === undefined ? undefined : { key: pair.key, value: pair.value };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : [range[0], range[1]];
}

/** Returns the first line of a message, without the colon that introduces the `yaml` package's excerpt. */
function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? text).replace(/:\s*$/, '');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
