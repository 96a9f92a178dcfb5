/**
 * Fixed and float modes on the same random networks, below threshold: the distance between
 * them stays within a bound derived from the truncation of each decay.
 *
 * Each fixed-mode decay truncates toward zero, losing less than 1 per tick, while the float model
 * decays exactly. With f = 1 - (du + 1)/4096 the current error obeys e_u[t] <= f e_u[t-1] + 1, so
 * e_u < 1 / (1 - f) = 4096 / (du + 1). With g = 1 - dv/4096 the membrane error obeys
 * e_v[t] <= g e_v[t-1] + 1 + e_u[t], so e_v < (1 + 4096 / (du + 1)) * 4096 / dv. The bound holds
 * while no neuron spikes, wraps or saturates, which the generated ranges guarantee: at most 3
 * inputs of weight <= 60 per neuron keep |u| < 11,520 * 4096 / 101 < 467,000 and |v| < 1.92e6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { compile } from '../compile/compile';
import { Simulator } from '../sim/simulator';
import { buildStimuli } from '../sim/build-stimuli';
import { convertProgram } from './replay';

const TICKS = 150;

const networkArbitrary = fc.record({
  du: fc.integer({ min: 100, max: 4095 }),
  dv: fc.integer({ min: 1000, max: 4095 }),
  outputs: fc.integer({ min: 1, max: 4 }),
  weights: fc.array(fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 4, maxLength: 4 }), {
    minLength: 3,
    maxLength: 3,
  }),
  spikes: fc.array(fc.tuple(fc.integer({ min: 1, max: TICKS }), fc.integer({ min: 0, max: 2 })), {
    maxLength: 120,
  }),
});

describe('fixed and float agreement', () => {
  it('stays within the truncation bound below threshold', () => {
    fc.assert(
      fc.property(networkArbitrary, ({ du, dv, outputs, weights, spikes }) => {
        const spec = parseSpec({
          apiVersion: 'livenet/v1',
          name: 'agreement',
          dtMs: 1,
          populations: [
            { name: 'in', size: 3, kind: 'input' },
            { name: 'out', size: outputs, neuron: { model: 'lif', registers: { du, dv, vth: 131071 } } },
          ],
          projections: [
            {
              name: 'in-out',
              from: 'in',
              to: 'out',
              connectivity: { kind: 'dense' },
              weights: { values: weights.map((row) => row.slice(0, outputs)) },
            },
          ],
          stimulus: [
            {
              population: 'in',
              spikes: [...new Set(spikes.map((s) => s.join()))].map((s) => s.split(',').map(Number)),
            },
          ],
          record: { state: [{ population: 'out', vars: ['u', 'v'] }] },
        });
        const fixedProgram = compile(spec, { seed: 3, mode: 'fixed' });
        const floatProgram = convertProgram(fixedProgram, 'float');
        const fixed = new Simulator(fixedProgram, { seed: 3, stimuli: buildStimuli(fixedProgram, 3) });
        const float = new Simulator(floatProgram, { seed: 3, stimuli: buildStimuli(floatProgram, 3) });
        fixed.run(TICKS);
        float.run(TICKS);

        const [fixedU, fixedV] = fixed.stateRecorder.drain();
        const [floatU, floatV] = float.stateRecorder.drain();
        const currentBound = 4096 / (du + 1);
        const voltageBound = ((1 + currentBound) * 4096) / dv;
        for (let t = 0; t < TICKS; t++) {
          for (let j = 0; j < outputs; j++) {
            expect(Math.abs(fixedU!.values[t]![j]! - floatU!.values[t]![j]!)).toBeLessThan(currentBound);
            expect(Math.abs(fixedV!.values[t]![j]! - floatV!.values[t]![j]!)).toBeLessThan(voltageBound);
          }
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
