/**
 * Fixed-mode e-prop: single ticks worked by hand from the formulas of `./eprop-fixed`, with
 * values chosen so that no rounding is stochastic (every dropped fraction is zero).
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../random';
import type { NeuronRegisters } from '../program';
import { createFixedEpropLearner } from './eprop-fixed';
import type { FixedEpropConfig } from './eprop-fixed';

// du 2047 and dv 2048 halve u's trace and P each tick; vth 10 is a threshold of 640.
const REGISTERS: NeuronRegisters = {
  du: 2047,
  dv: 2048,
  vth: 10,
  biasMant: 0,
  biasExp: 0,
  refractory: 0,
  dThreshold: 0,
  adaptInc: 0,
};

function config(inputWeight: number): FixedEpropConfig {
  return {
    recurrentSize: 1,
    registers: REGISTERS,
    input: {
      preSize: 1,
      rowPtr: Int32Array.from([0, 1]),
      post: Int32Array.from([0]),
      weights: Int8Array.from([inputWeight]),
      wExp: 0,
    },
    recurrent: null,
    // Readout weights +16 and -16 (12 fraction bits), leak 1/2.
    readout: { size: 2, decayRegister: 2048, weights: Int32Array.from([65536, -65536]) },
    feedback: 'symmetric',
    learningRate: 2 ** -9,
    updateEveryTicks: null,
    surrogateWidth: 0.5,
    surrogateDamping: 0.25,
    bounds: { wMin: -128, wMax: 127, soft: false },
  };
}

function tickInput(arrival: number, spike: number, membrane: number, target: number) {
  return {
    inputArrivals: Uint8Array.from([arrival]),
    recurrentArrivals: null,
    spikes: Uint8Array.from([spike]),
    refractory: Uint8Array.from([0]),
    membraneBeforeReset: Int32Array.from([membrane]),
    thresholdOffset: null,
    target,
  };
}

describe('fixed-mode e-prop', () => {
  it('first tick matches hand values', () => {
    const random = createStream(3, 'test');
    const learner = createFixedEpropLearner(config(5), random);
    const before = random.getState();

    // Arrival: U = 64. At the threshold (v = 640) psi = 65536 * 1024 / 4096 = 16384 (0.25),
    // e = 16384 * 64 / 2^12 = 256 (16.0 with 4 fraction bits). The spike makes y = [16, -16]:
    // the second class reads EXP[2^17 / 16] = 0, so pi = [1, 0]; target 1 gives err = [1, -1],
    // L = 16 * 1 + (-16) * (-1) = 32, gradient L * e = 512 (2^25 with 16 fraction bits).
    learner.step(1, tickInput(1, 1, 640, 1));
    const gradients = learner.gradients();
    expect(Array.from(learner.probabilities())).toEqual([65536, 0]);
    expect(Array.from(gradients.input)).toEqual([2 ** 25]);
    // Readout: err * zbar = (+-1) * 1.0, 28 fraction bits.
    expect(Array.from(gradients.readout)).toEqual([2 ** 28, -(2 ** 28)]);

    // Rate 2^-9: the input weight moves by 512 / 512 = 1 mantissa, the readout weights by
    // 2^-9 = 8 / 4096 toward less error.
    learner.applyGradients();
    const state = learner.getState();
    expect(Array.from(state['readout.weights']!)).toEqual([65528, -65528]);
    // Nothing was rounded stochastically, so no draw was taken.
    expect(Array.from(random.getState())).toEqual(Array.from(before));
  });

  it('input weight steps by one', () => {
    const cfg = config(5);
    const learner = createFixedEpropLearner(cfg, createStream(3, 'test'));
    learner.step(1, tickInput(1, 1, 640, 1));
    learner.applyGradients();
    expect(Array.from(cfg.input.weights)).toEqual([4]);
  });

  it('second tick decays traces by half', () => {
    const learner = createFixedEpropLearner(config(5), createStream(3, 'test'));
    learner.step(1, tickInput(1, 0, 640, -1));
    // No arrival: U = 64 / 2 = 32, Vpre = P / 2 + U = 32 + 32 = 64; at the threshold e = 256
    // again, ebar = 256 / 2 + 256 = 384. No target, so no gradient.
    learner.step(2, tickInput(0, 0, 640, -1));
    const state = learner.getState();
    expect(Array.from(state['0.presynapticTrace']!)).toEqual([32]);
    expect(Array.from(state['0.membraneDerivative']!)).toEqual([64]);
    expect(Array.from(state['0.filteredEligibility']!)).toEqual([384]);
    expect(Array.from(learner.gradients().input)).toEqual([0]);
  });

  it('surrogate follows the fast sigmoid', () => {
    // One width (W = round(0.5 * 640) = 320) below the threshold: q = 65536 * 320 / 640 = 32768,
    // psi = 32768^2 / 65536 * 1024 / 4096 = 4096 (1/16 = 1/4 * 1/4). e = 4096 * 64 / 2^12 = 64.
    const learner = createFixedEpropLearner(config(5), createStream(3, 'test'));
    learner.step(1, tickInput(1, 0, 320, -1));
    expect(Array.from(learner.getState()['0.filteredEligibility']!)).toEqual([64]);
  });

  it('adaptive offset follows hand values', () => {
    // ALIF with adaptInc 1 (64 state units) and dThreshold 2048 (the offset derivative halves).
    // Tick 1 at the threshold: e = 256 (16.0), S = 0 + 64 * 256 / 2^4 = 1024.
    // Tick 2, no arrival: A = 1024 / 2 = 512, Vpre = 64 as before; at the tested threshold
    // e = 16384 * (64 - 512) / 2^12 = -1792 (-112.0), S = 512 + 64 * (-1792) / 2^4 = -6656.
    const adaptive = { ...config(5), registers: { ...REGISTERS, dThreshold: 2048, adaptInc: 1 } };
    const learner = createFixedEpropLearner(adaptive, createStream(3, 'test'));
    learner.step(1, { ...tickInput(1, 0, 640, -1), thresholdOffset: Int32Array.from([0]) });
    expect(Array.from(learner.getState()['0.offsetDerivative']!)).toEqual([1024]);

    learner.step(2, { ...tickInput(0, 0, 640 + 100, -1), thresholdOffset: Int32Array.from([100]) });
    const state = learner.getState();
    expect(Array.from(state['0.offsetDerivative']!)).toEqual([-6656]);
    // ebar = 256 / 2 + (-1792).
    expect(Array.from(state['0.filteredEligibility']!)).toEqual([128 - 1792]);
  });

  it('rejects a rate below resolution', () => {
    expect(() =>
      createFixedEpropLearner({ ...config(5), learningRate: 1e-8 }, createStream(3, 'test')),
    ).toThrow(/learningRate: 1e-8 is outside/);
  });
});
