import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NeuronRegisters } from '../program';
import { RandomStream } from '../random';
import { createFixedNeuronState, stepFixedLif } from '../neuron/lif';
import type { SpikingModel } from '../neuron/lif';
import { createWasmLifKernel } from './lif-wasm';

// 4 * 16 + 3 neurons: sixteen four-lane steps and a scalar tail of three.
const SIZE = 67;
const TICKS = 150;

const wideRegisters: fc.Arbitrary<NeuronRegisters> = fc.record({
  du: fc.oneof(fc.integer({ min: 0, max: 4095 }), fc.constantFrom(0, 2047, 4095)),
  dv: fc.oneof(fc.integer({ min: 0, max: 4095 }), fc.constantFrom(0, 4095)),
  vth: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 17 - 1 })),
  biasMant: fc.integer({ min: -4096, max: 4095 }),
  biasExp: fc.integer({ min: 0, max: 7 }),
  refractory: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 255 })),
  dThreshold: fc.integer({ min: 0, max: 4095 }),
  adaptInc: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2 ** 17 - 1 })),
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

/** Draws a signed integer in [-range, range], or any int32 one draw in eight. */
function drawInput(random: RandomStream, range: number): number {
  if (random.nextInt(8) === 0) return random.nextUint32() | 0;
  return random.nextInt(2 * range + 1) - range;
}

/** Draws a value in [-(2^23 - 1), 2^23 - 1] whose bit width is uniform in 1..23. */
function drawSigned24(random: RandomStream): number {
  const magnitude = random.nextInt(2 ** (1 + random.nextInt(23)));
  return random.nextInt(2) === 0 ? magnitude : -magnitude;
}

/** Describes the first element where two arrays differ, or returns null; much faster than toEqual. */
function firstMismatch(name: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tick: number) {
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) {
      return `${name}[${i}] at tick ${tick}: wasm ${actual[i]}, TypeScript ${expected[i]}`;
    }
  }
  return null;
}

function compareOverTicks(
  model: SpikingModel,
  vectorized: boolean,
  regs: NeuronRegisters,
  seed: number,
): void {
  const random = new RandomStream(seed, 'wasm-kernel-test');
  const kernel = createWasmLifKernel(SIZE, { vectorized });
  const wasmState = kernel.createFixedNeuronState(SIZE);
  const wasmInput = kernel.allocateInt32(SIZE);
  const wasmSpiked = kernel.allocateUint8(SIZE);
  const state = createFixedNeuronState(SIZE);
  const input = new Int32Array(SIZE);
  const spiked = new Uint8Array(SIZE);

  // Random 24-bit states; the offset is non-negative because adaptation steps are.
  for (let i = 0; i < SIZE; i++) {
    // Magnitudes spread over all bit widths, so small states are as common as large ones.
    state.u[i] = random.nextInt(16) === 0 ? -(2 ** 23) : drawSigned24(random);
    state.v[i] = drawSigned24(random);
    state.refractoryLeft[i] = random.nextInt(2) === 0 ? 0 : random.nextInt(256);
    state.thresholdOffset[i] = model === 'alif' ? random.nextInt(2 ** (1 + random.nextInt(23))) : 0;
  }
  wasmState.u.set(state.u);
  wasmState.v.set(state.v);
  wasmState.refractoryLeft.set(state.refractoryLeft);
  wasmState.thresholdOffset.set(state.thresholdOffset);

  const inputRange = [2, 300, 2 ** 17][random.nextInt(3)]!;
  for (let tick = 1; tick <= TICKS; tick++) {
    for (let i = 0; i < SIZE; i++) input[i] = drawInput(random, inputRange);
    wasmInput.set(input);

    const expectedActivity = { active: -1 };
    const activity = { active: -1 };
    const expectedCount = stepFixedLif(state, regs, model, input, spiked, expectedActivity);
    const count = kernel.stepFixedLif(wasmState, regs, model, wasmInput, wasmSpiked, activity);

    expect(count).toBe(expectedCount);
    expect(activity.active).toBe(expectedActivity.active);
    expect(activity.active).toBe(countNonZero(state.u, state.v, spiked));
    expect(firstMismatch('spiked', wasmSpiked, spiked, tick)).toBeNull();
    expect(firstMismatch('u', wasmState.u, state.u, tick)).toBeNull();
    expect(firstMismatch('v', wasmState.v, state.v, tick)).toBeNull();
    expect(firstMismatch('refractoryLeft', wasmState.refractoryLeft, state.refractoryLeft, tick)).toBeNull();
    expect(
      firstMismatch('thresholdOffset', wasmState.thresholdOffset, state.thresholdOffset, tick),
    ).toBeNull();
  }
}

describe('wasm kernel against TypeScript kernel', () => {
  const cases: [SpikingModel, boolean][] = [
    ['lif', true],
    ['alif', true],
    ['lif', false],
    ['alif', false],
  ];
  for (const [model, vectorized] of cases) {
    it(`matches for ${model}, ${vectorized ? 'SIMD' : 'scalar'}`, () => {
      fc.assert(
        fc.property(registersArbitrary, fc.nat(), (regs, seed) => {
          compareOverTicks(model, vectorized, regs, seed);
        }),
        { numRuns: 30 },
      );
    });
  }

  it('fires every third tick with refractory 2', () => {
    const regs: NeuronRegisters = {
      du: 4095,
      dv: 0,
      vth: 0,
      biasMant: 1,
      biasExp: 0,
      refractory: 2,
      dThreshold: 0,
      adaptInc: 0,
    };
    // Five identical neurons cover one SIMD step and the scalar tail.
    const kernel = createWasmLifKernel(5);
    const state = kernel.createFixedNeuronState(5);
    const aIn = kernel.allocateInt32(5);
    const spiked = kernel.allocateUint8(5);
    const counts: number[] = [];
    for (let tick = 1; tick <= 12; tick++) counts.push(kernel.stepFixedLif(state, regs, 'lif', aIn, spiked));
    expect(counts).toEqual([5, 0, 0, 5, 0, 0, 5, 0, 0, 5, 0, 0]);
  });
});

interface EdgeCase {
  name: string;
  registers: Partial<NeuronRegisters>;
  u: number;
  v: number;
  aIn: number;
  expected: { u: number; v: number; spiked: number };
}

// Hand-computed single-tick values at the rounding, wrapping, saturation and threshold edges.
const edgeCases: EdgeCase[] = [
  {
    name: 'rounds current decay toward zero',
    registers: { du: 2047 },
    u: -5,
    v: 0,
    aIn: 0,
    expected: { u: -2, v: -2, spiked: 0 },
  },
  {
    // 8388607 * 4095 / 4096 -> 8386559, + 6400 = 8392959, minus 2^24; v takes the wrapped u.
    name: 'wraps the current past the top',
    registers: { du: 0 },
    u: 8388607,
    v: 0,
    aIn: 100,
    expected: { u: -8384257, v: -8384257, spiked: 0 },
  },
  {
    name: 'keeps -2^23 as the lowest current',
    registers: {},
    u: 0,
    v: 0,
    aIn: -(2 ** 17),
    expected: { u: -8388608, v: -8388607, spiked: 0 },
  },
  {
    name: 'saturates the membrane at the bottom',
    registers: {},
    u: 0,
    v: -8388600,
    aIn: -100,
    expected: { u: -6400, v: -8388607, spiked: 0 },
  },
  {
    // vth 1 is 64 on the membrane scale; an input of 1 brings v to exactly 64.
    name: 'does not fire at equality',
    registers: { vth: 1 },
    u: 0,
    v: 0,
    aIn: 1,
    expected: { u: 64, v: 64, spiked: 0 },
  },
  {
    name: 'fires one above threshold',
    registers: { vth: 1, biasMant: 1 },
    u: 0,
    v: 0,
    aIn: 1,
    expected: { u: 64, v: 0, spiked: 1 },
  },
];

describe('wasm kernel edge values', () => {
  for (const vectorized of [true, false]) {
    for (const c of edgeCases) {
      it(`${c.name}, ${vectorized ? 'SIMD' : 'scalar'}`, () => {
        const regs: NeuronRegisters = {
          du: 4095,
          dv: 0,
          vth: 2 ** 17 - 1,
          biasMant: 0,
          biasExp: 0,
          refractory: 0,
          dThreshold: 0,
          adaptInc: 0,
          ...c.registers,
        };
        // Five copies of the neuron cover one four-lane step and the scalar tail.
        const kernel = createWasmLifKernel(5, { vectorized });
        const state = kernel.createFixedNeuronState(5);
        const aIn = kernel.allocateInt32(5);
        const spiked = kernel.allocateUint8(5);
        state.u.fill(c.u);
        state.v.fill(c.v);
        aIn.fill(c.aIn);
        kernel.stepFixedLif(state, regs, 'lif', aIn, spiked);
        expect(Array.from(state.u)).toEqual(new Array<number>(5).fill(c.expected.u));
        expect(Array.from(state.v)).toEqual(new Array<number>(5).fill(c.expected.v));
        expect(Array.from(spiked)).toEqual(new Array<number>(5).fill(c.expected.spiked));
      });
    }
  }
});

describe('wasm kernel memory', () => {
  it('rejects arrays outside its memory', () => {
    const kernel = createWasmLifKernel(4);
    const state = kernel.createFixedNeuronState(4);
    const regs = { du: 0, dv: 0, vth: 0, biasMant: 0, biasExp: 0, refractory: 0, dThreshold: 0, adaptInc: 0 };
    expect(() => kernel.stepFixedLif(state, regs, 'lif', new Int32Array(4), kernel.allocateUint8(4))).toThrow(
      /aIn: array is not in this kernel's WebAssembly memory/,
    );
  });

  it('rejects allocations beyond its capacity', () => {
    const kernel = createWasmLifKernel(10);
    expect(() => kernel.allocateInt32(kernel.freeBytes / 4 + 1)).toThrow(
      /allocateInt32: .*larger neuronCapacity/,
    );
  });

  it('fits the state, input and spikes of its capacity', () => {
    const kernel = createWasmLifKernel(1000);
    kernel.createFixedNeuronState(600);
    kernel.createFixedNeuronState(400);
    kernel.allocateInt32(1000);
    kernel.allocateUint8(1000);
    expect(kernel.freeBytes).toBeGreaterThanOrEqual(0);
  });

  it('rejects a capacity beyond 4 GiB', () => {
    // 18 bytes per neuron: 2^28 neurons need 4.5 GiB.
    expect(() => createWasmLifKernel(2 ** 28)).toThrow(/neuronCapacity: 268435456 neurons exceed .*4 GiB/);
  });

  it('keeps states of two kernels apart', () => {
    const first = createWasmLifKernel(4).createFixedNeuronState(4);
    const second = createWasmLifKernel(4).createFixedNeuronState(4);
    first.u[0] = 7;
    expect(second.u[0]).toBe(0);
  });
});

describe('WebAssembly spike list', () => {
  it('lists set bytes in order', () => {
    const kernel = createWasmLifKernel(0, { extraBytes: 40 * 5 + 64 });
    const spiked = kernel.allocateUint8(37);
    const list = kernel.allocateInt32(37);
    // Indices in the first and second 16-byte block, on block edges and in the scalar tail.
    for (const i of [0, 5, 15, 16, 31, 32, 36]) spiked[i] = 1;
    const count = kernel.listSpikes(spiked, list);
    expect(count).toBe(7);
    expect(Array.from(list.subarray(0, count))).toEqual([0, 5, 15, 16, 31, 32, 36]);
  });

  it('lists nothing when silent', () => {
    const kernel = createWasmLifKernel(0, { extraBytes: 40 * 5 + 64 });
    expect(kernel.listSpikes(kernel.allocateUint8(40), kernel.allocateInt32(40))).toBe(0);
  });
});

/** Neurons whose u or v is non-zero, or that spiked: the definition of an active update. */
function countNonZero(u: Int32Array, v: Int32Array, spiked: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < u.length; i++) {
    if (u[i] !== 0 || v[i] !== 0 || spiked[i] !== 0) count++;
  }
  return count;
}
