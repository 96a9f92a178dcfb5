/**
 * Reading specs from what users send (YAML text or a JSON value) and checking them with the core:
 * parse (schema and semantic rules), then compile (placement on the chip and service limits).
 * Issues in YAML carry the line and column of the node at fault.
 */
import type { Env } from '../env';
import { InvalidError, type Issue, toDomainError } from '../errors';
import {
  type NumericMode,
  type PlacementReport,
  type Spec,
  compile,
  parseSpec,
  parseSpecYaml,
} from './core-api';
import { type NetworkSizeLimits, assertNetworkWithinLimits } from './spec-limits';

export type SpecSource = { format: 'yaml'; text: string } | { format: 'json'; value: unknown };

export interface SpecLimits extends NetworkSizeLimits {
  maxSpecBytes: number;
}

/** Reads the spec limits from the server's environment. */
export function specLimitsOf(env: Env): SpecLimits {
  return {
    maxSpecBytes: env.LIVENET_MAX_SPEC_BYTES,
    maxNeurons: env.LIVENET_MAX_NEURONS_PER_RUN,
    maxSynapses: env.LIVENET_MAX_SYNAPSES_PER_RUN,
  };
}

function sizeOf(source: SpecSource): number {
  if (source.format === 'yaml') return Buffer.byteLength(source.text);

  // The API's transformer (superjson) can deliver values JSON cannot hold, such as a BigInt,
  // on which JSON.stringify throws a TypeError.
  let text: string | undefined;
  try {
    text = JSON.stringify(source.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidError(`the spec is not a JSON value: ${reason}`, [
      {
        path: '',
        message: 'must be a JSON value (objects, arrays, strings, finite numbers, booleans, null)',
      },
    ]);
  }
  return Buffer.byteLength(text ?? '');
}

/**
 * Parses and checks a spec, then its size against the service limits; throws InvalidError with
 * every issue the core found, or with the limit that was exceeded.
 */
export function readSpec(source: SpecSource, limits: SpecLimits): Spec {
  const spec = parseSource(source, limits);
  assertNetworkWithinLimits(spec, limits);
  return spec;
}

function parseSource(source: SpecSource, limits: SpecLimits): Spec {
  const bytes = sizeOf(source);
  if (bytes > limits.maxSpecBytes) {
    throw new InvalidError(`the spec is ${bytes} bytes, more than the limit of ${limits.maxSpecBytes}`, [
      { path: '', message: `at most ${limits.maxSpecBytes} bytes`, value: bytes },
    ]);
  }

  if (source.format === 'yaml') {
    const result = parseSpecYaml(source.text);
    if ('spec' in result) return result.spec;
    const first = result.issues[0];
    const where = first ? `${first.path || 'spec'} (line ${first.line}, column ${first.column})` : 'spec';
    throw new InvalidError(`invalid spec: ${where}: ${first?.message ?? 'unknown problem'}`, result.issues);
  }

  try {
    return parseSpec(source.value);
  } catch (error) {
    throw toDomainError(error) ?? error;
  }
}

export type SpecCheck =
  | { valid: true; spec: Spec; placement: PlacementReport }
  | { valid: false; message: string; issues: Issue[] };

/**
 * Validates and compiles a spec, returning the placement report or the issues. Issues are a
 * result here, not an error, because reporting them is this function's job.
 */
export function checkSpec(
  source: SpecSource,
  options: { seed: number; mode?: NumericMode },
  limits: SpecLimits,
): SpecCheck {
  try {
    const spec = readSpec(source, limits);
    const program = compile(spec, { seed: options.seed, mode: options.mode ?? spec.chip.mode });
    return { valid: true, spec, placement: program.placement };
  } catch (error) {
    const domain = toDomainError(error);
    if (domain instanceof InvalidError)
      return { valid: false, message: domain.message, issues: domain.issues };
    throw error;
  }
}
