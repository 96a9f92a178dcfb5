/**
 * Service limits: sizes a single run may reach, so one request cannot take a worker's memory or
 * time. They are policy, not chip limits, and each is raised through the `limits` option of
 * `compile` (the server passes its own settings there).
 *
 * Defaults and why:
 * - `maxNeurons` 1,000,000: neuron state is a few Int32Arrays, about 40 MB at this size.
 * - `maxSynapses` 20,000,000: CSR indices (4 bytes) plus float64 weights (8 bytes) and learning
 *   state stay under about 0.5 GB, inside one worker.
 * - `maxTicksPerRun` 10,000,000: the whole 8,000-digit MNIST training split at 500 ticks a digit
 *   takes 4,000,000 ticks.
 * - `maxSpecBytes` 8 MiB: a dense 784 x 1,000 weight matrix written as JSON is about 4 MB.
 * - `maxChips` 32: chips a placement may use (4,096 cores of the default profile). A system of
 *   Hala Point's size would need 1,152.
 */
import { CompileError } from '../errors';

export interface ServiceLimits {
  maxNeurons: number;
  maxSynapses: number;
  maxTicksPerRun: number;
  maxSpecBytes: number;
  maxChips: number;
}

export const DEFAULT_SERVICE_LIMITS: Readonly<ServiceLimits> = Object.freeze({
  maxNeurons: 1_000_000,
  maxSynapses: 20_000_000,
  maxTicksPerRun: 10_000_000,
  maxSpecBytes: 8 * 1024 * 1024,
  maxChips: 32,
});

const LIMIT_NOUNS: Record<keyof ServiceLimits, string> = {
  maxNeurons: 'neurons',
  maxSynapses: 'synapses',
  maxTicksPerRun: 'ticks',
  maxSpecBytes: 'bytes of spec',
  maxChips: 'chips',
};

/** Largest value each limit may be raised to: neuron and synapse indices live in Int32Arrays. */
const LIMIT_CEILINGS: Record<keyof ServiceLimits, number> = {
  maxNeurons: 2 ** 31 - 1,
  maxSynapses: 2 ** 31 - 1,
  maxTicksPerRun: Number.MAX_SAFE_INTEGER,
  maxSpecBytes: Number.MAX_SAFE_INTEGER,
  maxChips: 1_000_000,
};

/** Fills in the defaults and checks that every limit is an integer in 1..its ceiling. */
export function resolveLimits(overrides: Partial<ServiceLimits> = {}): ServiceLimits {
  const limits: ServiceLimits = { ...DEFAULT_SERVICE_LIMITS };
  for (const key of Object.keys(DEFAULT_SERVICE_LIMITS) as (keyof ServiceLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;

    const ceiling = LIMIT_CEILINGS[key];
    if (!Number.isSafeInteger(value) || value < 1 || value > ceiling) {
      throw new CompileError(
        'invalid-option',
        `limits.${key} must be an integer in 1..${formatCount(ceiling)}, got ${String(value)}`,
        { limit: key, allowed: ceiling, needed: Number(value) },
      );
    }
    limits[key] = value;
  }
  return limits;
}

/** Throws `limit-exceeded` when `needed` is above the limit `key`; `subject` (like "the network") starts the message. */
export function enforceLimit(
  limits: ServiceLimits,
  key: keyof ServiceLimits,
  needed: number,
  subject?: string,
): void {
  const allowed = limits[key];
  if (needed <= allowed) return;

  const prefix = subject === undefined ? '' : `${subject} `;
  throw new CompileError(
    'limit-exceeded',
    `${prefix}needs ${formatCount(needed)} ${LIMIT_NOUNS[key]}, above the service limit ${key} = ${formatCount(allowed)}; ` +
      `raise limits.${key} (a compile option, or the server's limit setting)`,
    { limit: key, allowed, needed },
  );
}

/** Throws `limit-exceeded` when a run requests more ticks than the service allows. */
export function enforceRunTicks(limits: ServiceLimits, ticks: number): void {
  enforceLimit(limits, 'maxTicksPerRun', ticks, 'the run');
}

/** Throws `limit-exceeded` when a spec document is larger than the service accepts. */
export function enforceSpecBytes(limits: ServiceLimits, bytes: number): void {
  enforceLimit(limits, 'maxSpecBytes', bytes, 'the spec');
}

/** Formats a count with thousands separators, like 131,072. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
