/**
 * Expected failures of the domain, as typed errors. Services throw them; `toTRPCError` maps
 * them to tRPC codes, and that function is the only place where the mapping lives.
 */
import { TRPCError } from '@trpc/server';

import { CompileError, SpecError } from '../core';

export interface Issue {
  /** Location in the input, like `projections[0].delay`; empty for the input as a whole. */
  path: string;
  message: string;
  value?: unknown;
  /** Position in YAML source, counted from 1, when the input was YAML. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'not-found' | 'forbidden' | 'invalid' | 'limit-exceeded' | 'conflict';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or the caller may not know that it exists. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';

  constructor(entity: string, id?: string) {
    super(id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Input that fails a domain rule; `issues` lists each problem with its path and value. */
export class InvalidError extends DomainError {
  readonly kind = 'invalid';

  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  static fromSpecError(error: SpecError, pathPrefix = ''): InvalidError {
    const issues = error.issues.map((issue) => ({
      path: pathPrefix + issue.path,
      message: issue.message,
      ...('value' in issue ? { value: issue.value } : {}),
    }));
    return new InvalidError(error.message, issues);
  }

  static fromCompileError(error: CompileError): InvalidError {
    const { population, limit, allowed, needed } = error.details;
    const path = population === undefined ? '' : `populations.${population}`;
    return new InvalidError(error.message, [
      { path, message: `${limit} allows ${allowed}, the network needs ${needed}`, value: needed },
    ]);
  }
}

/** A per-user quota is used up (for example, runs queued or running at once). */
export class LimitExceededError extends DomainError {
  readonly kind = 'limit-exceeded';

  constructor(
    readonly limit: string,
    readonly allowed: number,
    message: string,
  ) {
    super(message);
  }
}

/** The state changed under the caller (an old notebook version, a run already finished). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

const CODES = {
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  invalid: 'BAD_REQUEST',
  'limit-exceeded': 'TOO_MANY_REQUESTS',
  conflict: 'CONFLICT',
} as const satisfies Record<DomainError['kind'], TRPCError['code']>;

/** Converts core errors to domain errors, so callers need to know only the domain ones. */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof SpecError) return InvalidError.fromSpecError(error);
  if (error instanceof CompileError) return InvalidError.fromCompileError(error);
  return null;
}

/** Maps an expected failure to its tRPC error; returns null for anything unexpected. */
export function toTRPCError(error: unknown): TRPCError | null {
  const domain = toDomainError(error);
  if (!domain) return null;
  return new TRPCError({ code: CODES[domain.kind], message: domain.message, cause: domain });
}
