import { describe, expect, it } from 'vitest';

import { CompileError } from '../errors';
import type { ChipProfileName } from '../profiles';
import { parseSpec } from '../spec/parse';
import { thrownBy } from '../spec/test-support';
import { compile } from './compile';
import type { ServiceLimits } from './limits';

const LIF = { model: 'lif', registers: { du: 0, dv: 0, vth: 10 } };

interface Edge {
  from: string;
  to: string;
  connectivity?: unknown;
  learning?: unknown;
}

/** Compiles an input population `in` of `inputSize`, optional LIF `out`, and the given edges. */
function place(
  profile: ChipProfileName,
  inputSize: number,
  outSize: number,
  edges: Edge[],
  limits: Partial<ServiceLimits> = {},
) {
  const populations: unknown[] = [{ name: 'in', size: inputSize, kind: 'input' }];
  if (outSize > 0) populations.push({ name: 'out', size: outSize, neuron: LIF });
  const spec = parseSpec({
    apiVersion: 'livenet/v1',
    name: 'placement',
    chip: { profile },
    dtMs: 1,
    populations,
    projections: edges.map((edge, i) => ({
      name: `p${i}`,
      from: edge.from,
      to: edge.to,
      connectivity: edge.connectivity ?? { kind: 'dense' },
      weights: { init: 'constant', value: 1 },
      ...(edge.learning === undefined ? {} : { learning: edge.learning }),
    })),
  });
  return compile(spec, { limits });
}

const neuronsPerCore = (program: ReturnType<typeof place>) =>
  program.placement.cores.map((core) => core.neuronCount);

const RSTDP = {
  rule: 'rstdp',
  aPlus: 0.01,
  aMinus: 0.01,
  tauPreMs: 20,
  tauPostMs: 20,
  wMin: 0,
  wMax: 127,
  tauEligibilityMs: 1000,
  eta: 0.1,
};

describe('placement core counts', () => {
  it('splits 2500 inputs on loihi1-like', () => {
    expect(neuronsPerCore(place('loihi1-like', 2500, 0, []))).toEqual([1024, 1024, 452]);
  });

  it('keeps 2500 inputs on one loihi2-like core', () => {
    expect(neuronsPerCore(place('loihi2-like', 2500, 0, []))).toEqual([2500]);
  });

  it('limits dense 784 x 1000 by memory', () => {
    // A core of n targets stores n * 784 one-byte weights and 784 four-byte input axons:
    // 784 n + 3136 <= 131072 gives n = 163, so 1000 targets take 6 cores of 163 and one of 22.
    const program = place('loihi2-like', 784, 1000, [{ from: 'in', to: 'out' }]);
    expect(neuronsPerCore(program)).toEqual([784, 163, 163, 163, 163, 163, 163, 22]);
    expect(program.placement.cores[1]!.synapseBytes).toBe(163 * 784 + 784 * 4);
    expect(program.placement.cores[1]!.inputAxons).toBe(784);
    expect(program.placement.coresUsed).toBe(8);
  });

  it('places dense 784 x 1000 alike on loihi1-like', () => {
    expect(place('loihi1-like', 784, 1000, [{ from: 'in', to: 'out' }]).placement.coresUsed).toBe(8);
  });

  it('adds eligibility bytes for rstdp', () => {
    // 3 bytes per synapse: 2352 n + 3136 <= 131072 gives n = 54; 1000 = 18 * 54 + 28.
    const program = place('loihi2-like', 784, 1000, [{ from: 'in', to: 'out', learning: RSTDP }]);
    expect(program.placement.coresUsed).toBe(1 + 19);
    expect(neuronsPerCore(program).slice(-2)).toEqual([54, 28]);
  });

  it('limits one-to-one 3000 by neurons', () => {
    // 7 bytes a neuron (3 for the synapse, 4 for its axon) never fills a core's memory.
    const loihi1 = place('loihi1-like', 3000, 3000, [
      { from: 'in', to: 'out', connectivity: { kind: 'one-to-one' } },
    ]);
    expect(neuronsPerCore(loihi1)).toEqual([1024, 1024, 952, 1024, 1024, 952]);
    expect(loihi1.placement.cores[3]!.synapseBytes).toBe(1024 * 7);
    const loihi2 = place('loihi2-like', 3000, 3000, [
      { from: 'in', to: 'out', connectivity: { kind: 'one-to-one' } },
    ]);
    expect(neuronsPerCore(loihi2)).toEqual([3000, 3000]);
  });

  it('maps every neuron to its core', () => {
    const program = place('loihi1-like', 2500, 0, []);
    expect([
      program.coreOfNeuron[0],
      program.coreOfNeuron[1023],
      program.coreOfNeuron[1024],
      program.coreOfNeuron[2499],
    ]).toEqual([0, 0, 1, 2]);
    expect(program.placement.cores.map((core) => core.firstNeuron)).toEqual([0, 1024, 2048]);
  });
});

describe('placement report', () => {
  it('reports fan-in and fan-out', () => {
    const populations = place('loihi2-like', 784, 1000, [{ from: 'in', to: 'out' }]).placement.populations;
    expect(populations).toEqual([
      { name: 'in', size: 784, cores: 1, fanIn: 0, fanOut: 1000 },
      { name: 'out', size: 1000, cores: 7, fanIn: 784, fanOut: 0 },
    ]);
  });

  it('warns about output axons', () => {
    // Each of the 784 inputs routes to 7 target cores: 5,488 output axons on core 0.
    const program = place('loihi2-like', 784, 1000, [{ from: 'in', to: 'out' }]);
    expect(program.placement.cores[0]!.outputAxons).toBe(5488);
    expect(program.placement.warnings).toHaveLength(1);
    expect(program.placement.warnings[0]).toContain('5,488 output axons');
  });

  it('counts east-west hops', () => {
    // Inputs on core (0, 0) reach targets on cores (1, 0) and (2, 0): 1 + 2 = 3 hops a spike.
    const placement = place('loihi1-like', 2, 2048, [{ from: 'in', to: 'out' }]).placement;
    expect(placement.estimatedHopsPerSpikeEastWest).toBe(3);
    expect(placement.estimatedHopsPerSpikeNorthSouth).toBe(0);
    expect(placement.estimatedHopsPerSpike).toBe(3);
  });

  it('counts north-south hops', () => {
    // 8193 inputs fill cores 0..7 (row 0) and 1 neuron of core 8 at (0, 1); the target sits on
    // core 9 at (1, 1). East-west: 1024 * (1+0+1+2+3+4+5+6) + 1 = 22529; north-south: 8 * 1024.
    const placement = place('loihi1-like', 8193, 1, [{ from: 'in', to: 'out' }]).placement;
    expect(placement.estimatedHopsPerSpikeEastWest).toBeCloseTo(22529 / 8193, 12);
    expect(placement.estimatedHopsPerSpikeNorthSouth).toBeCloseTo(8192 / 8193, 12);
    expect(placement.cores[9]).toMatchObject({ chip: 0, core: 9, x: 1, y: 1 });
  });

  it('continues the mesh on the next chip', () => {
    // 129 full loihi1-like cores: core 128 is core 0 of chip 1, one chip east of chip 0.
    const placement = place('loihi1-like', 129 * 1024, 0, [], { maxChips: 2 }).placement;
    expect(placement.chipsUsed).toBe(2);
    expect(placement.cores[128]).toMatchObject({ chip: 1, core: 0, x: 8, y: 0 });
  });
});

describe('placement errors', () => {
  it('fits fan-in 26214 in one core', () => {
    // 5 bytes per dense synapse with its axon: 26214 * 5 = 131070 <= 131072. The inputs take
    // 4 cores (3 * 8192 + 1638), so the target is core 4.
    const cores = place('loihi2-like', 26214, 1, [{ from: 'in', to: 'out' }]).placement.cores;
    expect(cores.map((core) => core.neuronCount)).toEqual([8192, 8192, 8192, 1638, 1]);
    expect(cores[4]!.synapseBytes).toBe(131070);
  });

  it('rejects fan-in 26215', () => {
    const error = thrownBy(() => place('loihi2-like', 26215, 1, [{ from: 'in', to: 'out' }]));
    expect(error).toBeInstanceOf(CompileError);
    const { code, details, message } = error as CompileError;
    expect(code).toBe('does-not-fit');
    expect(details).toEqual({
      population: 'out',
      limit: 'synapseBytesPerCore',
      allowed: 131072,
      needed: 131075,
    });
    expect(message).toContain('population "out"');
    expect(message).toContain('131,075 bytes');
    expect(message).toContain('131,072');
  });

  it('rejects more chips than allowed', () => {
    const error = thrownBy(() => place('loihi1-like', 128 * 1024 + 1, 0, [], { maxChips: 1 }));
    expect(error).toBeInstanceOf(CompileError);
    const { code, details, message } = error as CompileError;
    expect(code).toBe('does-not-fit');
    expect(details).toEqual({ population: 'in', limit: 'maxChips', allowed: 1, needed: 2 });
    expect(message).toContain('129 cores');
    expect(message).toContain('limits.maxChips');
  });
});
