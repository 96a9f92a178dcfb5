/**
 * Typed errors of the core.
 *
 * Every expected failure of parsing or compiling a network is a `LivenetError` with a stable
 * `code`, so the API can map it to a transport status in one place. Messages are one line and
 * name the offending field or population, the value and the allowed limit.
 */

/** Base class of the expected core errors; `code` is stable across versions. */
export abstract class LivenetError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem found in a spec. */
export interface SpecIssue {
  /** Location in the spec, like `projections[0].delay`; empty for the document itself. */
  path: string;
  /** The same location as keys and list indices, for tools that walk the document. */
  segments: (string | number)[];
  /** Description of the problem, with the allowed range or values. */
  message: string;
  /** The offending value when there is one (absent for a missing field). */
  value?: unknown;
}

/** A spec that fails the schema or a semantic rule; `issues` lists every problem found. */
export class SpecError extends LivenetError {
  readonly code = 'invalid-spec';
  readonly issues: SpecIssue[];

  constructor(issues: SpecIssue[]) {
    super(summarizeIssues(issues));
    this.issues = issues;
  }
}

export type CompileErrorCode =
  /** The network needs more of the chip profile than it has (cores, memory, axons, chips). */
  | 'does-not-fit'
  /** The network exceeds a service limit (neurons, synapses, ticks, spec size). */
  | 'limit-exceeded'
  /** A compile option, such as the seed, is invalid. */
  | 'invalid-option';

export interface CompileErrorDetails {
  /** The population that could not be placed, when one is to blame. */
  population?: string;
  /** Name of the limit, like `synapseBytesPerCore` or `maxNeurons`. */
  limit: string;
  /** Value of the limit. */
  allowed: number;
  /** Amount the network needs. */
  needed: number;
}

/** A valid spec that cannot be compiled: it does not fit the chip or the service limits. */
export class CompileError extends LivenetError {
  readonly code: CompileErrorCode;
  readonly details: CompileErrorDetails;

  constructor(code: CompileErrorCode, message: string, details: CompileErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** Builds the one-line summary of a list of issues: the first one in full, then a count. */
function summarizeIssues(issues: SpecIssue[]): string {
  const first = issues[0];
  if (first === undefined) return 'invalid spec';

  const where = first.path === '' ? 'spec' : first.path;
  const others = issues.length - 1;
  const more = others === 0 ? '' : ` (and ${others} more ${others === 1 ? 'issue' : 'issues'})`;
  return `invalid spec: ${where}: ${first.message}${more}`.replace(/[\r\n]+/g, ' ');
}
