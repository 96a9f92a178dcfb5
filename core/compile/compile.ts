/**
 * The compiler: a checked spec becomes the chip program the simulator runs.
 *
 * Order of the steps: the options and service limits are checked first. Then the spec is
 * checked again for the numeric mode of this compile, since a float spec replayed in fixed mode
 * must have mantissa weights. Sizes are checked against the limits before anything large is
 * allocated. Then neurons, synapses (CSR) and weights are built, and finally the network is
 * placed on the chip profile.
 *
 * `compile` throws only `SpecError` (the spec is invalid for this mode) and `CompileError`
 * (invalid options, a service limit, or a network that does not fit the profile).
 */
import { CompileError } from '../errors';
import type { NumericMode, PopulationProgram, Program, ProjectionProgram } from '../program';
import { parseSpec } from '../spec/parse';
import type { Spec } from '../spec/schema';
import { buildConnectivity, plannedSynapses } from './connectivity';
import { enforceLimit, enforceSpecBytes, resolveLimits, type ServiceLimits } from './limits';
import { placeNetwork } from './placement';
import { inputConstants, neuronConstants } from './registers';
import { buildWeights } from './weights';

export interface CompileOptions {
  /** Run seed, a non-negative safe integer; 0 (the default) is a valid seed. */
  seed?: number;
  /** Numeric mode; defaults to the spec's `chip.mode`. */
  mode?: NumericMode;
  /** Service limits to apply instead of the defaults. */
  limits?: Partial<ServiceLimits>;
}

/** Compiles `spec` into a program; throws `SpecError` or `CompileError`. */
export function compile(spec: Spec, options: CompileOptions = {}): Program {
  const limits = resolveLimits(options.limits);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new CompileError(
      'invalid-option',
      `seed must be a non-negative safe integer, got ${String(seed)}`,
      {
        limit: 'seed',
        allowed: Number.MAX_SAFE_INTEGER,
        needed: Number(seed),
      },
    );
  }

  if (options.mode !== undefined && options.mode !== 'fixed' && options.mode !== 'float') {
    throw new CompileError('invalid-option', `mode must be 'fixed' or 'float', got ${String(options.mode)}`, {
      limit: 'mode',
      allowed: 0,
      needed: 0,
    });
  }

  // The spec is read only after it is checked, since a caller may pass an object of any shape.
  const checked = parseSpec(spec, options.mode === undefined ? {} : { mode: options.mode });
  const mode = options.mode ?? checked.chip.mode;
  enforceSpecBytes(limits, new TextEncoder().encode(JSON.stringify(checked)).length);

  const populations = buildPopulations(checked, limits);
  const neuronCount = populations.reduce((sum, population) => sum + population.size, 0);
  const projections = buildProjections(checked, populations, mode, seed, limits);
  const placement = placeNetwork(
    checked.chip.profile,
    populations,
    projections,
    neuronCount,
    limits.maxChips,
  );

  return {
    spec: checked,
    mode,
    seed,
    dtMs: checked.dtMs,
    populations,
    projections,
    neuronCount,
    maxDelayTicks: projections.reduce((max, projection) => Math.max(max, projection.delayTicks), 0),
    placement: placement.report,
    coreOfNeuron: placement.coreOfNeuron,
  };
}

function buildPopulations(spec: Spec, limits: ServiceLimits): PopulationProgram[] {
  const neuronCount = spec.populations.reduce((sum, population) => sum + population.size, 0);
  enforceLimit(limits, 'maxNeurons', neuronCount, 'the network');

  let offset = 0;
  return spec.populations.map((population, index) => {
    const constants =
      population.kind === 'input' || population.neuron === undefined
        ? inputConstants()
        : neuronConstants(population.neuron, spec.dtMs);
    const program: PopulationProgram = {
      name: population.name,
      index,
      offset,
      size: population.size,
      kind: population.kind,
      model: population.kind === 'input' ? null : (population.neuron?.model ?? null),
      registers: constants.registers,
      float: constants.float,
    };
    offset += population.size;
    return program;
  });
}

function buildProjections(
  spec: Spec,
  populations: readonly PopulationProgram[],
  mode: NumericMode,
  seed: number,
  limits: ServiceLimits,
): ProjectionProgram[] {
  const indexOf = new Map(populations.map((population) => [population.name, population]));
  const endpoints = spec.projections.map((projection) => ({
    from: indexOf.get(projection.from)!,
    to: indexOf.get(projection.to)!,
  }));

  // Exact for every kind but sparse, whose expected count is checked here and its drawn count below.
  const planned = spec.projections.reduce(
    (sum, projection, i) => sum + plannedSynapses(projection, endpoints[i]!.from.size, endpoints[i]!.to.size),
    0,
  );
  enforceLimit(limits, 'maxSynapses', Math.ceil(planned), 'the network');

  let synapses = 0;
  return spec.projections.map((projection, index) => {
    const { from, to } = endpoints[index]!;
    const csr = buildConnectivity(projection, from.size, to.size, seed, limits, synapses);
    synapses += csr.post.length;
    return {
      name: projection.name,
      index,
      from: from.index,
      to: to.index,
      wExp: projection.wExp,
      delayTicks: projection.delay,
      rowPtr: csr.rowPtr,
      post: csr.post,
      weights: buildWeights(projection, csr, mode, seed),
      learning: projection.learning ?? null,
    };
  });
}
