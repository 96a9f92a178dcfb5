/**
 * Spec issues: paths, value descriptions and the conversion of zod's issues.
 *
 * Every issue names its path in the form users see in messages (`projections[0].delay`) and
 * ends with the offending value (`expected an integer in 0..62, got 63`), so a one-line message
 * is enough to fix the spec.
 */
import type { z } from 'zod';

import type { SpecIssue } from '../errors';

export type PathSegment = string | number;

const TYPE_NAMES: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

/** Lists whose items have a `name` that messages repeat. */
const NAMED_LISTS: Record<string, string> = { populations: 'population', projections: 'projection' };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_DESCRIPTION_CHARS = 60;

/** Formats path segments as `projections[0].delay`; odd keys are quoted, like `["a b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Describes a value for a one-line message, cut to a readable length. */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number') text = Number.isNaN(value) ? 'NaN' : String(value);
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'symbol' || typeof value === 'function') text = `a ${typeof value}`;
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else if (value === null || typeof value === 'boolean') text = String(value);
  else text = 'an object';

  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  return oneLine.length > MAX_DESCRIPTION_CHARS
    ? `${oneLine.slice(0, MAX_DESCRIPTION_CHARS - 3)}...`
    : oneLine;
}

/** Creates an issue whose message ends with the offending value, or reports a missing field. */
export function issueAt(segments: readonly PathSegment[], expectation: string, value: unknown): SpecIssue {
  if (value === undefined) return issueWithMessage(segments, `missing: ${expectation}`);
  return {
    path: formatPath(segments),
    segments: [...segments],
    message: `${expectation}, got ${describeValue(value)}`,
    value,
  };
}

/** Creates an issue whose message is complete as given (it already names the value). */
export function issueWithMessage(
  segments: readonly PathSegment[],
  message: string,
  value?: unknown,
): SpecIssue {
  const issue: SpecIssue = { path: formatPath(segments), segments: [...segments], message };
  if (value !== undefined) issue.value = value;
  return issue;
}

/** Reads the value at `segments` in an untrusted input, or undefined when the path breaks off. */
export function valueAt(input: unknown, segments: readonly PathSegment[]): unknown {
  let current = input;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** Converts zod issues found in `input` to spec issues. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown): SpecIssue[] {
  return issues.flatMap((issue) => convertIssue(issue, [], input));
}

function convertIssue(issue: z.core.$ZodIssue, prefix: PathSegment[], input: unknown): SpecIssue[] {
  const segments = [...prefix, ...(issue.path as PathSegment[])];
  const value = valueAt(input, segments);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        issueWithMessage(
          [...segments, key],
          'unknown field; check its spelling',
          valueAt(input, [...segments, key]),
        ),
      );

    case 'invalid_union':
      return convertUnion(issue, segments, input, value);

    case 'invalid_value':
      return [issueAt(segments, `expected ${issue.values.map((v) => describeValue(v)).join(' or ')}`, value)];

    case 'custom':
      // Cross-field checks write complete messages; they describe the value themselves.
      return [issueWithMessage(segments, issue.message, value)];

    default:
      return [describeByCode(issue, segments, value)];
  }
}

/** Reports the branch of a union that got furthest into the input, or the discriminator. */
function convertUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  segments: PathSegment[],
  input: unknown,
  value: unknown,
): SpecIssue[] {
  // A discriminated union whose tag matches no branch carries the allowed tags as `options`.
  const { options } = issue as { options?: unknown[] };
  if (options !== undefined || issue.errors.length === 0) {
    const expectation =
      options !== undefined && options.length > 0
        ? `expected ${options.map((o) => describeValue(o)).join(' or ')}`
        : 'expected a valid value';
    return [issueAt(segments, expectation, value)];
  }

  const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
  let best = issue.errors[0]!;
  for (const branch of issue.errors) {
    const deeper = depth(branch) > depth(best);
    const sameDepthFewer = depth(branch) === depth(best) && branch.length < best.length;
    if (deeper || sameDepthFewer) best = branch;
  }
  return best.flatMap((inner) => convertIssue(inner, segments, input));
}

function describeByCode(issue: z.core.$ZodIssue, segments: PathSegment[], value: unknown): SpecIssue {
  // Field builders set messages that start with "expected"; zod's defaults are rephrased.
  if (issue.message.startsWith('expected')) return issueAt(segments, issue.message, value);

  if (issue.code === 'invalid_type') {
    return issueAt(
      segments,
      `expected ${TYPE_NAMES[issue.expected] ?? `a value of type ${issue.expected}`}`,
      value,
    );
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return issueAt(segments, `expected at least ${String(issue.minimum)} items`, value);
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return issueAt(segments, `expected at most ${String(issue.maximum)} items`, value);
  }
  return issueAt(segments, issue.message, value);
}

/**
 * Prefixes each issue inside a named population or projection with the item's name, read from
 * the raw input (`projection "in-out": ...`), so a message names the item as well as its index.
 */
export function nameIssueItems(issues: SpecIssue[], input: unknown): SpecIssue[] {
  return issues.map((issue) => {
    const [list, index, field] = issue.segments;
    if (typeof list !== 'string' || typeof index !== 'number' || field === 'name') return issue;
    const noun = NAMED_LISTS[list];
    if (noun === undefined) return issue;

    const name = valueAt(input, [list, index, 'name']);
    if (typeof name !== 'string' || name === '') return issue;
    return { ...issue, message: `${noun} ${describeValue(name)}: ${issue.message}` };
  });
}
