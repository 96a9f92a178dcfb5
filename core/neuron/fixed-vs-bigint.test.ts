import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NeuronRegisters } from '../program';
import { createFixedNeuronState, stepFixedLif } from './lif';
import type { SpikingModel } from './lif';

// An independent model of the fixed-point neuron, written from the chip's equations in BigInt
// arithmetic so that no float rounding or int32 shortcut is shared with the kernel.
const TWO_23 = 2n ** 23n;
const TWO_24 = 2n ** 24n;
const MAX24 = TWO_23 - 1n;

function trunc0(x: bigint): bigint {
  const magnitude = x < 0n ? -x : x;
  return x < 0n ? -(magnitude / 4096n) : magnitude / 4096n;
}

function wrap24(x: bigint): bigint {
  return ((((x + TWO_23) % TWO_24) + TWO_24) % TWO_24) - TWO_23;
}

function clip24(x: bigint): bigint {
  if (x > MAX24) return MAX24;
  if (x < -MAX24) return -MAX24;
  return x;
}

interface NeuronReference {
  u: bigint;
  v: bigint;
  refractoryLeft: bigint;
  offset: bigint;
}

function referenceStep(n: NeuronReference, r: NeuronRegisters, model: SpikingModel, aIn: bigint): boolean {
  n.u = wrap24(trunc0(n.u * (4096n - (BigInt(r.du) + 1n))) + aIn * 64n);
  if (model === 'alif') {
    n.offset = trunc0(n.offset * (4096n - BigInt(r.dThreshold)));
  }
  if (n.refractoryLeft > 0n) {
    n.refractoryLeft -= 1n;
    n.v = 0n;
    return false;
  }

  n.v = clip24(trunc0(n.v * (4096n - BigInt(r.dv))) + n.u + BigInt(r.biasMant) * 2n ** BigInt(r.biasExp));
  const threshold = BigInt(r.vth) * 64n + (model === 'alif' ? n.offset : 0n);
  if (n.v <= threshold) {
    return false;
  }
  n.v = 0n;
  n.refractoryLeft = BigInt(r.refractory);
  if (model === 'alif') {
    n.offset = clip24(n.offset + BigInt(r.adaptInc) * 64n);
  }
  return true;
}

const wideRegisters: fc.Arbitrary<NeuronRegisters> = fc.record({
  du: fc.oneof(fc.integer({ min: 0, max: 4095 }), fc.constantFrom(0, 2047, 4095)),
  dv: fc.oneof(fc.integer({ min: 0, max: 4095 }), fc.constantFrom(0, 4095)),
  vth: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2 ** 17 - 1 })),
  biasMant: fc.integer({ min: -4096, max: 4095 }),
  biasExp: fc.integer({ min: 0, max: 7 }),
  refractory: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 255 })),
  dThreshold: fc.integer({ min: 0, max: 4095 }),
  adaptInc: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 ** 17 - 1 })),
});

// Tiny thresholds, biases and steps make a membrane equal to its threshold a frequent event.
const tinyRegisters: fc.Arbitrary<NeuronRegisters> = fc.record({
  du: fc.constantFrom(4095, 2047),
  dv: fc.constantFrom(0, 2048, 4095),
  vth: fc.integer({ min: 0, max: 2 }),
  biasMant: fc.integer({ min: -2, max: 2 }),
  biasExp: fc.integer({ min: 0, max: 6 }),
  refractory: fc.integer({ min: 0, max: 2 }),
  dThreshold: fc.constantFrom(0, 2048, 4095),
  adaptInc: fc.integer({ min: 0, max: 2 }),
});

const registersArbitrary = fc.oneof(wideRegisters, tinyRegisters);

const neuronArbitrary = fc.record({
  u: fc.oneof(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -(2 ** 23), max: 2 ** 23 - 1 })),
  v: fc.oneof(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -(2 ** 23 - 1), max: 2 ** 23 - 1 })),
  refractoryLeft: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })),
  offset: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 23 - 1 })),
});

const inputArbitrary = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: -300, max: 300 }),
  fc.integer({ min: -(2 ** 17), max: 2 ** 17 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);

const SIZE = 6;
const TICKS = 25;

function checkAgainstReference(model: SpikingModel): void {
  fc.assert(
    fc.property(
      registersArbitrary,
      fc.array(neuronArbitrary, { minLength: SIZE, maxLength: SIZE }),
      fc.array(fc.array(inputArbitrary, { minLength: SIZE, maxLength: SIZE }), {
        minLength: TICKS,
        maxLength: TICKS,
      }),
      (regs, neurons, inputs) => {
        const state = createFixedNeuronState(SIZE);
        const reference = neurons.map((n) => ({
          u: BigInt(n.u),
          v: BigInt(n.v),
          refractoryLeft: BigInt(n.refractoryLeft),
          offset: model === 'alif' ? BigInt(n.offset) : 0n,
        }));
        neurons.forEach((n, i) => {
          state.u[i] = n.u;
          state.v[i] = n.v;
          state.refractoryLeft[i] = n.refractoryLeft;
          state.thresholdOffset[i] = model === 'alif' ? n.offset : 0;
        });

        const spiked = new Uint8Array(SIZE);
        for (const tickInput of inputs) {
          const count = stepFixedLif(state, regs, model, Int32Array.from(tickInput), spiked);
          const expectedSpikes = reference.map((n, i) =>
            referenceStep(n, regs, model, BigInt(tickInput[i]!)) ? 1 : 0,
          );

          expect(Array.from(spiked)).toEqual(expectedSpikes);
          expect(count).toBe(expectedSpikes.reduce((sum: number, s) => sum + s, 0));
          expect(Array.from(state.u)).toEqual(reference.map((n) => Number(n.u)));
          expect(Array.from(state.v)).toEqual(reference.map((n) => Number(n.v)));
          expect(Array.from(state.refractoryLeft)).toEqual(reference.map((n) => Number(n.refractoryLeft)));
          expect(Array.from(state.thresholdOffset)).toEqual(reference.map((n) => Number(n.offset)));
        }
      },
    ),
    { numRuns: 150 },
  );
}

describe('fixed kernel against BigInt model', () => {
  it('matches for LIF', () => {
    checkAgainstReference('lif');
  });

  it('matches for ALIF', () => {
    checkAgainstReference('alif');
  });
});
