import { describe, expect, it } from 'vitest';
import { trainDiehlCook } from './diehl-cook-run';
import { RunSession } from '../session/run-session';
import { answerOf, readoutMatrix, runReadout } from './readout-run';
import { readoutDelayPairs, rstdpReadoutSpec } from './rstdp-readout';

const SEED = 4;

describe('rstdp-readout template', () => {
  it('readout learns with rstdp', () => {
    const spec = rstdpReadoutSpec({ features: { neurons: 10, samples: 1 } });
    const learning = spec.projections.find((p) => p.name === 'exc-out')!.learning;
    expect(learning?.rule).toBe('rstdp');
  });

  it('output decay sets the leak', () => {
    // A decay register d leaks d / 4096 of the potential per tick: 20 is a time constant of
    // 0.5 ms * 4096 / 20 = 102 ms, and 4 one of 512 ms.
    const out = (outputDecay?: number) =>
      rstdpReadoutSpec({ features: { neurons: 10, samples: 1 }, outputDecay }).populations.find(
        (p) => p.name === 'out',
      )!;
    expect(out().neuron?.registers?.dv).toBe(20);
    expect(out(4).neuron?.registers?.dv).toBe(4);
  });

  it('frozen readout has no learning', () => {
    const spec = rstdpReadoutSpec({ features: { neurons: 10, samples: 1 }, plastic: false });
    expect(spec.projections.find((p) => p.name === 'exc-out')!.learning).toBeUndefined();
  });

  it('features frozen by default', () => {
    const spec = rstdpReadoutSpec({ features: { neurons: 10, samples: 1 } });
    expect(spec.projections.find((p) => p.name === 'input-exc')!.learning).toBeUndefined();
  });

  it('plastic features carry their envelope', () => {
    const envelope = {
      driftBudget: 1,
      windowTicks: 1000,
      cadence: { kind: 'every-event' as const },
      rollback: { metric: 'accuracy' as const, floor: 0.14 },
    };
    const spec = rstdpReadoutSpec({
      features: { neurons: 10, samples: 1, thetaMv: 0.5 },
      featuresPlastic: true,
      featureEnvelope: envelope,
    });
    const learning = spec.projections.find((p) => p.name === 'input-exc')!.learning;
    expect(learning?.rule).toBe('stdp');
    expect(learning?.envelope).toEqual(envelope);
    // 0.5 mV is 0.5 * 254 = 127 threshold units per spike.
    const exc = spec.populations.find((p) => p.name === 'exc')!;
    expect(exc.neuron?.registers?.adaptInc).toBe(127);
  });

  it('delay groups split every synapse once', () => {
    const groups = readoutDelayPairs(7, 3);
    const seen = groups.flat().map(([i, c]) => i * 10 + c);
    expect(seen.length).toBe(70);
    expect(new Set(seen).size).toBe(70);
    expect(readoutDelayPairs(7, 1)[0]!.length).toBe(70);
  });

  it('delay groups are projections', () => {
    // Group g delays by 2 * g ticks: 0, 2 and 4 for three groups.
    const spec = rstdpReadoutSpec({ features: { neurons: 7, samples: 1 }, delayGroups: 3 });
    const readout = spec.projections.filter((p) => p.to === 'out' && p.from === 'exc');
    expect(readout.map((p) => p.name)).toEqual(['exc-out', 'exc-out-1', 'exc-out-2']);
    expect(readout.map((p) => p.delay)).toEqual([0, 2, 4]);
    expect(readout.every((p) => p.learning?.rule === 'rstdp')).toBe(true);
  });

  it('delay groups keep explicit weights', () => {
    // Distinct values in, the same matrix out through the three list projections.
    const matrix = Array.from({ length: 7 }, (_, i) => Array.from({ length: 10 }, (_, c) => i * 10 + c - 35));
    const options = {
      features: { neurons: 7, samples: 1 },
      delayGroups: 3,
      plastic: false,
      readoutWeights: matrix,
    };
    const session = RunSession.create(rstdpReadoutSpec(options), { seed: SEED });
    expect(readoutMatrix(session.program, session.simulator.weights, 7, 3)).toEqual(matrix);
  });

  it('delay groups out of range', () => {
    for (const groups of [0, 1.5, 33]) {
      expect(() => readoutDelayPairs(7, groups)).toThrow(
        `delayGroups: expected an integer in 1..32, got ${groups}`,
      );
    }
  });

  it('answer is the most active class', () => {
    const counts = Float64Array.from([0, 3, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect(answerOf(counts, new Float64Array(10).fill(1))).toBe(2);
  });

  it('answer tie goes to first spike', () => {
    const counts = Float64Array.from([0, 4, 4, 0, 0, 0, 0, 0, 0, 0]);
    const first = Float64Array.from([Infinity, 30, 12, Infinity, 0, 0, 0, 0, 0, 0]);
    expect(answerOf(counts, first)).toBe(2);
  });

  it('no spike gives no answer', () => {
    expect(answerOf(new Float64Array(10), new Float64Array(10).fill(Infinity))).toBe(-1);
  });

  it('presentation sets the stimulus', () => {
    const spec = rstdpReadoutSpec({ features: { neurons: 7, samples: 1 }, presentTicks: 2800 });
    expect(spec.stimulus[0]!.data?.presentTicks).toBe(2800);
  });

  it('presentation sets the ticks per digit', () => {
    // Two digits of 100 presentation and 300 rest ticks: 800 updates of the 5 layer and 10 output
    // neurons (the stimulus drives the inputs, which take no update).
    const base = { neurons: 5, samples: 0 };
    const run = runReadout(
      { features: base, presentTicks: 100 },
      'train',
      2,
      SEED,
      new Int32Array(5),
      () => {},
    );
    const { activeNeuronUpdates, idleNeuronUpdates } = run.counters;
    expect(activeNeuronUpdates + idleNeuronUpdates).toBe(800 * (5 + 10));
  });

  it('short reward run beats chance', () => {
    // Features: 20 neurons after 200 digits. Readout: 2000 rewarded training digits, then 200
    // frozen test digits. Chance is 10%, with a standard deviation of 2.1 points at 200 digits.
    // The readout left at its random start weights scores 7% with this seed, the trained one
    // 39.5%. The bound of 17% is 3.3 deviations above chance and 4.7 above the untrained
    // readout, and 6.5 below the trained one (3.5 points at 39.5%).
    const features = trainDiehlCook({ neurons: 20 }, 200, SEED, () => {});
    const base = { neurons: 20, inputWeights: features.inputWeights, samples: 0 };
    const trained = runReadout({ features: base }, 'train', 2000, SEED, features.thresholdOffset, () => {});
    const frozen = { features: base, plastic: false, readoutWeights: trained.readoutWeights };
    const test = runReadout(frozen, 'test', 200, SEED, features.thresholdOffset, () => {});
    expect(test.accuracy).toBeGreaterThanOrEqual(0.17);
  }, 120_000);
});
