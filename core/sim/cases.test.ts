/**
 * Whole-network cases: delivery timing, refractory counting at large tick numbers, ring reuse,
 * and weight exponents, each worked out by hand from the chip's equations.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { simulate } from '../run/simulate';
import { compile } from '../compile/compile';
import { CompileError, SpecError } from '../errors';
import { Simulator } from './simulator';
import { buildStimuli } from './build-stimuli';

/** A source that spikes at the given ticks into one neuron that fires on any input. */
function relaySpec(delay: number, sourceTicks: number[], extra: Record<string, unknown> = {}) {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'relay',
    dtMs: 1,
    populations: [
      { name: 'src', size: 1, kind: 'input' },
      { name: 'dst', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 0, vth: 0 } } },
    ],
    projections: [
      {
        name: 'src-dst',
        from: 'src',
        to: 'dst',
        connectivity: { kind: 'dense' },
        weights: { values: [[1]] },
        wExp: 0,
        delay,
        ...extra,
      },
    ],
    stimulus: [{ population: 'src', spikes: sourceTicks.map((t) => [t, 0]) }],
    record: { spikes: ['dst'] },
  });
}

function spikeTicks(
  spec: ReturnType<typeof parseSpec>,
  ticks: number,
  mode: 'fixed' | 'float' = 'fixed',
): number[] {
  return simulate(spec, { ticks, seed: 1, mode }).spikes['dst']!.map(([tick]) => tick);
}

describe('F02 spike delivery', () => {
  it.each([
    [0, 6],
    [1, 7],
    [4, 10],
    [62, 68],
  ])('delay %i delivers a tick-5 spike at %i', (delay, expected) => {
    // du = 4095 makes u exactly aIn * 64 each tick; dv = 0 keeps v; vth 0 fires on any input.
    expect(spikeTicks(relaySpec(delay, [5]), 80)).toEqual([expected]);
    expect(spikeTicks(relaySpec(delay, [5]), 80, 'float')).toEqual([expected]);
  });

  it('rejects delay 63 when compiling', () => {
    let error: unknown;
    try {
      compile(relaySpec(63, [5]), { seed: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error instanceof SpecError || error instanceof CompileError).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('projections[0].delay');
    expect(message).toContain('63');
    expect(message).toContain('0..62');
  });

  it('reuses ring slots without leftovers', () => {
    // With delay 62 the ring has 64 slots; spikes 64 ticks apart land in the same slot.
    expect(spikeTicks(relaySpec(62, [1, 65, 129]), 200)).toEqual([64, 128, 192]);
  });

  it('scales weights by two to the wExp', () => {
    // Weight 1 with wExp 3 adds 8 * 64 = 512 to u; du 4095 keeps u = 512 for one tick, so
    // with vth 7 (threshold 448) the neuron fires and with vth 8 (threshold 512, strict) it does not.
    const fires = (vth: number) =>
      spikeTicks(
        parseSpec({
          ...relaySpec(0, [1]),
          populations: [
            { name: 'src', size: 1, kind: 'input' },
            { name: 'dst', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 4095, vth } } },
          ],
          projections: [{ ...relaySpec(0, [1]).projections[0]!, wExp: 3 }],
        }),
        5,
      );
    expect(fires(7)).toEqual([2]);
    expect(fires(8)).toEqual([]);
  });
});

describe('F03 refractory ticks', () => {
  const biased = () =>
    parseSpec({
      apiVersion: 'livenet/v1',
      name: 'biased',
      dtMs: 1,
      populations: [
        {
          name: 'dst',
          size: 1,
          neuron: { model: 'lif', registers: { du: 4095, dv: 0, vth: 0, biasMant: 1, refractory: 2 } },
        },
      ],
      projections: [],
      record: { spikes: ['dst'] },
    });

  it('fires every third tick from tick 1', () => {
    expect(spikeTicks(biased(), 12)).toEqual([1, 4, 7, 10]);
  });

  it('keeps the interval past ten million ticks', () => {
    const program = compile(biased(), { seed: 0 });
    const simulator = new Simulator(program, { seed: 0, stimuli: buildStimuli(program, 0) });
    simulator.tick = 10_000_000;
    simulator.run(12);
    const ticks = Array.from(simulator.spikeRecorder.drain()[0]!.spikes).filter((_, k) => k % 2 === 0);
    expect(ticks).toEqual([10_000_001, 10_000_004, 10_000_007, 10_000_010]);
  });
});
