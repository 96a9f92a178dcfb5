import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStream } from '../random';
import type { ResetMode } from '../program';
import { createEpropLearner } from './eprop';
import { surrogateOfDistance } from './surrogate';
import type { EpropConfig, EpropLearner } from './types';

/**
 * A feed-forward layer of float LIF/ALIF neurons with a leaky readout, simulated forward as the
 * simulator does and differentiated backward through time, independently of the learner.
 */
interface Layer {
  inputs: number;
  neurons: number;
  classes: number;
  weightScale: number;
  /** Input weights, `[input * neurons + neuron]` (the CSR order of a dense projection). */
  weights: number[];
  readoutWeights: number[];
  readoutBias: number[];
  readoutDecay: number;
  currentDecay: number;
  voltageDecay: number;
  thresholdDecay: number;
  threshold: number;
  bias: number;
  adaptInc: number;
  refractory: number;
  reset: ResetMode;
  resetInGradient: boolean;
  slope: number;
  damping: number;
}

interface Trace {
  vPre: number[][];
  spikes: number[][];
  offset: number[][];
  refractory: boolean[][];
  probabilities: number[][];
  loss: number;
}

function surrogate(layer: Layer, distance: number): number {
  return layer.damping / (1 + layer.slope * Math.abs(distance)) ** 2;
}

function forward(layer: Layer, arrivals: number[][], targets: number[]): Trace {
  const { inputs, neurons, classes } = layer;
  const u = new Array<number>(neurons).fill(0);
  const v = new Array<number>(neurons).fill(0);
  const stored = new Array<number>(neurons).fill(0);
  const left = new Array<number>(neurons).fill(0);
  const y = new Array<number>(classes).fill(0);
  const trace: Trace = { vPre: [], spikes: [], offset: [], refractory: [], probabilities: [], loss: 0 };

  arrivals.forEach((arriving, t) => {
    const vPre: number[] = [];
    const spikes: number[] = [];
    const offsets: number[] = [];
    const refractory: boolean[] = [];
    for (let j = 0; j < neurons; j++) {
      let input = 0;
      for (let i = 0; i < inputs; i++) input += layer.weights[i * neurons + j]! * arriving[i]!;
      u[j] = layer.currentDecay * u[j]! + layer.weightScale * input;
      const offset = layer.thresholdDecay * stored[j]!;
      stored[j] = offset;
      offsets.push(offset);
      refractory.push(left[j]! > 0);
      if (left[j]! > 0) {
        left[j]!--;
        vPre.push(v[j]!);
        spikes.push(0);
        continue;
      }
      const potential = layer.voltageDecay * v[j]! + u[j]! + layer.bias;
      vPre.push(potential);
      const spike = potential > layer.threshold + offset ? 1 : 0;
      spikes.push(spike);
      if (spike === 1) {
        v[j] = layer.reset === 'zero' ? 0 : potential - (layer.threshold + offset);
        left[j] = layer.refractory;
        stored[j] = offset + layer.adaptInc;
      } else {
        v[j] = potential;
      }
    }

    for (let k = 0; k < classes; k++) {
      let input = layer.readoutBias[k]!;
      for (let j = 0; j < neurons; j++) input += layer.readoutWeights[k * neurons + j]! * spikes[j]!;
      y[k] = layer.readoutDecay * y[k]! + input;
    }
    const total = y.reduce((sum, value) => sum + Math.exp(value), 0);
    const probabilities = y.map((value) => Math.exp(value) / total);
    if (targets[t]! >= 0) trace.loss -= Math.log(probabilities[targets[t]!]!);

    trace.vPre.push(vPre);
    trace.spikes.push(spikes);
    trace.offset.push(offsets);
    trace.refractory.push(refractory);
    trace.probabilities.push(probabilities);
  });
  return trace;
}

/** Gradients of the summed cross-entropy by reverse-mode differentiation of `forward`. */
function backpropagate(layer: Layer, arrivals: number[][], targets: number[], trace: Trace) {
  const { inputs, neurons, classes } = layer;
  const T = arrivals.length;
  const gradWeights = new Array<number>(inputs * neurons).fill(0);
  const gradReadout = new Array<number>(classes * neurons).fill(0);
  const gradBias = new Array<number>(classes).fill(0);
  // Adjoints of the next tick's values: y, vPre, the tested offset and u.
  let gyNext = new Array<number>(classes).fill(0);
  const gvPreNext = new Array<number>(neurons).fill(0);
  const gOffsetNext = new Array<number>(neurons).fill(0);
  const guNext = new Array<number>(neurons).fill(0);

  for (let t = T - 1; t >= 0; t--) {
    const gy = gyNext.map((g, k) => {
      let error = 0;
      if (targets[t]! >= 0) {
        const onehot = k === targets[t] ? 1 : 0;
        error = trace.probabilities[t]![k]! - onehot;
      }
      return error + layer.readoutDecay * g;
    });
    for (let k = 0; k < classes; k++) {
      gradBias[k]! += gy[k]!;
      for (let j = 0; j < neurons; j++) gradReadout[k * neurons + j]! += gy[k]! * trace.spikes[t]![j]!;
    }

    for (let j = 0; j < neurons; j++) {
      const vPre = trace.vPre[t]![j]!;
      const z = trace.spikes[t]![j]!;
      const offset = trace.offset[t]![j]!;
      const psi = trace.refractory[t]![j] ? 0 : surrogate(layer, vPre - layer.threshold - offset);
      // The next tick reads v through its decay, or holds it unchanged when refractory.
      let gv = 0;
      if (t + 1 < T) {
        const factor = trace.refractory[t + 1]![j] ? 1 : layer.voltageDecay;
        gv = factor * gvPreNext[j]!;
      }
      const gStored = layer.thresholdDecay * gOffsetNext[j]!;

      // Partial derivatives of the reset v = R(vPre, z, offset).
      let dVdPre = 1;
      let dVdZ = 0;
      let dVdOffset = 0;
      if (layer.resetInGradient && layer.reset === 'zero') {
        dVdPre = 1 - z;
        dVdZ = -vPre;
      } else if (layer.resetInGradient) {
        dVdZ = -(layer.threshold + offset);
        dVdOffset = -z;
      }

      let gz = layer.adaptInc * gStored + gv * dVdZ;
      for (let k = 0; k < classes; k++) gz += layer.readoutWeights[k * neurons + j]! * gy[k]!;
      const gvPre = gv * dVdPre + psi * gz;
      gOffsetNext[j] = gStored + gv * dVdOffset - psi * gz;
      const gu = (trace.refractory[t]![j] ? 0 : gvPre) + layer.currentDecay * guNext[j]!;

      for (let i = 0; i < inputs; i++)
        gradWeights[i * neurons + j]! += gu * layer.weightScale * arrivals[t]![i]!;
      gvPreNext[j] = gvPre;
      guNext[j] = gu;
    }
    gyNext = gy;
  }
  return { gradWeights, gradReadout, gradBias };
}

function learnerFor(layer: Layer, feedback: 'symmetric' | 'random' = 'symmetric'): EpropLearner {
  const { inputs, neurons } = layer;
  const rowPtr = Int32Array.from({ length: inputs + 1 }, (_, i) => i * neurons);
  const post = Int32Array.from({ length: inputs * neurons }, (_, s) => s % neurons);
  const config: EpropConfig = {
    recurrentSize: neurons,
    neuron: {
      currentDecay: layer.currentDecay,
      voltageDecay: layer.voltageDecay,
      thresholdDecay: layer.thresholdDecay,
      threshold: layer.threshold,
      bias: layer.bias,
      adaptInc: layer.adaptInc,
      refractory: layer.refractory,
      reset: layer.reset,
    },
    input: {
      preSize: inputs,
      rowPtr,
      post,
      weights: Float64Array.from(layer.weights),
      weightScale: layer.weightScale,
    },
    recurrent: null,
    readout: {
      size: layer.classes,
      decay: layer.readoutDecay,
      weights: Float64Array.from(layer.readoutWeights),
      bias: Float64Array.from(layer.readoutBias),
    },
    feedback,
    learningRate: 0.01,
    updateEveryTicks: null,
    surrogate: surrogateOfDistance({ kind: 'fast-sigmoid', slope: layer.slope }),
    surrogateDamping: layer.damping,
    resetInGradient: layer.resetInGradient,
    bounds: null,
  };
  return createEpropLearner(config, createStream(4, 'feedback'));
}

function feed(
  learner: EpropLearner,
  layer: Layer,
  arrivals: number[][],
  targets: number[],
  trace: Trace,
): void {
  arrivals.forEach((arriving, t) => {
    learner.step(t + 1, {
      inputArrivals: Uint8Array.from(arriving),
      recurrentArrivals: null,
      spikes: Uint8Array.from(trace.spikes[t]!),
      membraneBeforeReset: Float64Array.from(trace.vPre[t]!),
      thresholdOffset: layer.adaptInc === 0 ? null : Float64Array.from(trace.offset[t]!),
      target: targets[t]!,
    });
  });
}

function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, n) => {
    expect(Math.abs(actual[n]! - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  });
}

const layerArbitrary = (neurons: fc.Arbitrary<number>) =>
  fc
    .record({
      inputs: fc.integer({ min: 1, max: 4 }),
      neurons,
      classes: fc.integer({ min: 2, max: 3 }),
      weightScale: fc.constantFrom(1, 64),
      readoutDecay: fc.double({ min: 0, max: 0.95, noNaN: true }),
      currentDecay: fc.double({ min: 0, max: 0.95, noNaN: true }),
      voltageDecay: fc.double({ min: 0.5, max: 1, noNaN: true }),
      thresholdDecay: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
      threshold: fc.double({ min: 0.5, max: 2, noNaN: true }),
      bias: fc.double({ min: 0, max: 0.2, noNaN: true }),
      adaptInc: fc.constantFrom(0, 0.3, 1),
      refractory: fc.integer({ min: 0, max: 2 }),
      reset: fc.constantFrom<ResetMode>('zero', 'subtract'),
      resetInGradient: fc.boolean(),
      slope: fc.double({ min: 0.5, max: 5, noNaN: true }),
      damping: fc.constantFrom(1, 0.3),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      ticks: fc.integer({ min: 5, max: 40 }),
    })
    .map(({ seed, ticks, ...shape }) => {
      const random = createStream(seed, 'case');
      const uniform = (low: number, high: number) => low + (high - low) * random.nextFloat();
      const scale = shape.threshold / shape.weightScale;
      const layer: Layer = {
        ...shape,
        weights: Array.from({ length: shape.inputs * shape.neurons }, () => uniform(-0.5, 1.5) * scale),
        readoutWeights: Array.from({ length: shape.classes * shape.neurons }, () => uniform(-1, 1)),
        readoutBias: Array.from({ length: shape.classes }, () => uniform(-0.5, 0.5)),
      };
      const arrivals = Array.from({ length: ticks }, () =>
        Array.from({ length: shape.inputs }, () => (random.nextFloat() < 0.4 ? 1 : 0)),
      );
      const targets = Array.from({ length: ticks }, () =>
        random.nextFloat() < 0.3 ? -1 : random.nextInt(shape.classes),
      );
      return { layer, arrivals, targets };
    });

describe('e-prop against back-propagation through time', () => {
  it('one LIF neuron matches BPTT', () => {
    fc.assert(
      fc.property(layerArbitrary(fc.constant(1)), ({ layer, arrivals, targets }) => {
        const lif = { ...layer, adaptInc: 0 };
        const trace = forward(lif, arrivals, targets);
        const learner = learnerFor(lif);
        feed(learner, lif, arrivals, targets, trace);
        expectClose(learner.gradients().input, backpropagate(lif, arrivals, targets, trace).gradWeights);
      }),
      { numRuns: 150 },
    );
  });

  it('ALIF layer matches BPTT everywhere', () => {
    fc.assert(
      fc.property(layerArbitrary(fc.integer({ min: 1, max: 3 })), ({ layer, arrivals, targets }) => {
        const trace = forward(layer, arrivals, targets);
        const learner = learnerFor(layer);
        feed(learner, layer, arrivals, targets, trace);
        const expected = backpropagate(layer, arrivals, targets, trace);
        const gradients = learner.gradients();
        expectClose(gradients.input, expected.gradWeights);
        expectClose(gradients.readout, expected.gradReadout);
        expectClose(gradients.readoutBias, expected.gradBias);
        expect(learner.loss()).toBeCloseTo(trace.loss, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('random feedback equal to readout matches', () => {
    // With readout weights set to the drawn feedback matrix, random feedback is exact too.
    fc.assert(
      fc.property(layerArbitrary(fc.integer({ min: 1, max: 3 })), ({ layer, arrivals, targets }) => {
        const feedback = learnerFor(layer, 'random').getState()['feedback']!;
        const readoutWeights = layer.readoutWeights.map((_, n) => {
          const k = Math.floor(n / layer.neurons);
          const j = n % layer.neurons;
          return feedback[j * layer.classes + k]!;
        });
        const matched = { ...layer, readoutWeights };
        const trace = forward(matched, arrivals, targets);
        const learner = learnerFor(matched, 'random');
        feed(learner, matched, arrivals, targets, trace);
        expectClose(learner.gradients().input, backpropagate(matched, arrivals, targets, trace).gradWeights);
      }),
      { numRuns: 50 },
    );
  });
});

/** Two memoryless LIF neurons: input 0 -> neuron 0, recurrent 0 -> 1, readout over both. */
function twoNeuronConfig(overrides: Partial<EpropConfig> = {}): EpropConfig {
  return {
    recurrentSize: 2,
    neuron: {
      currentDecay: 0,
      voltageDecay: 0,
      thresholdDecay: 0,
      threshold: 1,
      bias: 0,
      adaptInc: 0,
      refractory: 0,
      reset: 'zero',
    },
    input: {
      preSize: 1,
      rowPtr: Int32Array.from([0, 1]),
      post: Int32Array.from([0]),
      weights: Float64Array.from([2]),
      weightScale: 1,
    },
    recurrent: {
      preSize: 2,
      rowPtr: Int32Array.from([0, 1, 1]),
      post: Int32Array.from([1]),
      weights: Float64Array.from([0.8]),
      weightScale: 1,
    },
    readout: { size: 2, decay: 0.5, weights: Float64Array.from([1, 2, 3, -1]), bias: new Float64Array(2) },
    feedback: 'symmetric',
    learningRate: 0.1,
    updateEveryTicks: null,
    surrogate: surrogateOfDistance({ kind: 'fast-sigmoid', slope: 2 }),
    surrogateDamping: 1,
    resetInGradient: false,
    bounds: null,
    ...overrides,
  };
}

function runTwoNeurons(learner: EpropLearner, fromTick = 1, toTick = 2): void {
  // Neuron 0 spikes at tick 1; its spike reaches neuron 1 at tick 2, whose membrane is 0.8.
  const ticks = [
    { input: [1], recurrent: [0, 0], spikes: [1, 0], membrane: [2, 0], target: -1 },
    { input: [0], recurrent: [1, 0], spikes: [0, 0], membrane: [0, 0.8], target: 0 },
  ];
  for (let t = fromTick; t <= toTick; t++) {
    const tick = ticks[t - 1]!;
    learner.step(t, {
      inputArrivals: Uint8Array.from(tick.input),
      recurrentArrivals: Uint8Array.from(tick.recurrent),
      spikes: Uint8Array.from(tick.spikes),
      membraneBeforeReset: Float64Array.from(tick.membrane),
      thresholdOffset: null,
      target: tick.target,
    });
  }
}

describe('e-prop learner', () => {
  // Readout at tick 2: y = 0.5 * [1, 3] = [0.5, 1.5]; err = [pi0 - 1, pi1]; L[1] = 2 err0 - err1.
  const pi0 = 1 / (1 + Math.exp(1));
  const signal1 = 2 * (pi0 - 1) - (1 - pi0);
  const psi1 = 1 / (1 + 2 * 0.2) ** 2;

  it('recurrent synapse gradient by hand', () => {
    const learner = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    runTwoNeurons(learner);
    expect(learner.gradients().recurrent![0]).toBeCloseTo(signal1 * psi1, 14);
  });

  it('input gradient sees the readout leak', () => {
    // e of input 0 -> neuron 0 is psi(2 - 1) = 1/9 at tick 1 and 0 at tick 2 (no arrival, no
    // memory); ebar at tick 2 is 0.5 / 9, times L[0] = err0 + 3 err1.
    const learner = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    runTwoNeurons(learner);
    const signal0 = pi0 - 1 + 3 * (1 - pi0);
    expect(learner.gradients().input[0]).toBeCloseTo((signal0 * 0.5) / 9, 14);
  });

  it('applies gradients within bounds', () => {
    const config = twoNeuronConfig({ bounds: { wMin: -1, wMax: 1.9, soft: false } });
    const learner = createEpropLearner(config, createStream(1, 'feedback'));
    runTwoNeurons(learner);
    learner.applyGradients();
    expect(config.recurrent!.weights[0]).toBeCloseTo(0.8 - 0.1 * signal1 * psi1, 14);
    // The input weight 2 starts above wMax and is clamped by its first update.
    expect(config.input.weights[0]).toBe(1.9);
    // The bias enters y at both ticks: dy[2]/db = 0.5 + 1.
    expect(config.readout.bias[0]).toBeCloseTo(-0.1 * 1.5 * (pi0 - 1), 14);
  });

  it('clears sums after applying', () => {
    const learner = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    runTwoNeurons(learner);
    learner.applyGradients();
    expect(learner.gradients().recurrent![0]).toBe(0);
    expect(learner.loss()).toBe(0);
  });

  it('applies every N ticks inside step', () => {
    const config = twoNeuronConfig({ updateEveryTicks: 2 });
    const learner = createEpropLearner(config, createStream(1, 'feedback'));
    runTwoNeurons(learner, 1, 1);
    expect(config.recurrent!.weights[0]).toBe(0.8);
    runTwoNeurons(learner, 2, 2);
    expect(config.recurrent!.weights[0]).toBeCloseTo(0.8 - 0.1 * signal1 * psi1, 14);
  });

  it('restored state continues the run', () => {
    const whole = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    runTwoNeurons(whole);
    const first = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    runTwoNeurons(first, 1, 1);
    const second = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback'));
    second.setState(first.getState());
    runTwoNeurons(second, 2, 2);
    expect(second.gradients().recurrent![0]).toBe(whole.gradients().recurrent![0]);
    expect(second.gradients().input[0]).toBe(whole.gradients().input[0]);
  });

  it('random feedback stays in its range', () => {
    const config = twoNeuronConfig({ feedback: 'random', recurrentSize: 2 });
    const feedback = createEpropLearner(config, createStream(8, 'feedback')).getState()['feedback']!;
    const range = Math.sqrt(3 / 2);
    expect(Math.max(...Array.from(feedback, Math.abs))).toBeLessThan(range);
    expect(new Set(feedback).size).toBe(4);
  });

  it('rejects a spike while refractory', () => {
    const base = twoNeuronConfig();
    const learner = createEpropLearner(
      { ...base, neuron: { ...base.neuron, refractory: 2 } },
      createStream(1, 'feedback'),
    );
    const spike = {
      inputArrivals: Uint8Array.from([1]),
      recurrentArrivals: Uint8Array.from([0, 0]),
      spikes: Uint8Array.from([1, 0]),
      membraneBeforeReset: Float64Array.from([2, 0]),
      thresholdOffset: null,
      target: -1,
    };
    learner.step(1, spike);
    expect(() => learner.step(2, spike)).toThrow(/spikes\[0\]: neuron 0 spiked at tick 2 while refractory/);
  });
});

describe('e-prop options', () => {
  const EPSILON = 1e-8;

  it('adam first step is rate times sign', () => {
    // After one step Adam's m / (1 - beta1) = g and v / (1 - beta2) = g^2, so each weight moves by
    // -rate * g / (|g| + epsilon): rate * sign(g) up to rate * epsilon / |g|.
    const config = twoNeuronConfig({ optimizer: 'adam', learningRate: 0.001 });
    const learner = createEpropLearner(config, createStream(1, 'feedback'));
    runTwoNeurons(learner);
    const recurrent = learner.gradients().recurrent![0]!;
    const readout = Array.from(learner.gradients().readout);
    const readoutBefore = Array.from(config.readout.weights);
    learner.applyGradients();

    expect(recurrent).toBeCloseTo(signal1Of() * psiOf(), 14);
    const step = 0.8 - config.recurrent!.weights[0]!;
    expect(Math.abs(step - (0.001 * recurrent) / (Math.abs(recurrent) + EPSILON))).toBeLessThan(1e-15);
    const signBound = (g: number) => (0.001 * EPSILON) / Math.abs(g) + 1e-15;
    expect(Math.abs(step - 0.001 * Math.sign(recurrent))).toBeLessThan(signBound(recurrent));
    readout.forEach((g, n) => {
      const moved = readoutBefore[n]! - config.readout.weights[n]!;
      expect(Math.abs(moved - 0.001 * Math.sign(g))).toBeLessThan(signBound(g));
    });
  });

  it('held readout bias stays at zero', () => {
    const config = twoNeuronConfig({ trainReadoutBias: false });
    const learner = createEpropLearner(config, createStream(1, 'feedback'));
    runTwoNeurons(learner);
    expect(learner.gradients().readoutBias[0]).not.toBe(0);
    learner.applyGradients();
    expect(Array.from(config.readout.bias)).toEqual([0, 0]);
  });

  it('sequence reset equals a fresh learner', () => {
    const config = twoNeuronConfig({ neuron: { ...twoNeuronConfig().neuron, refractory: 3 } });
    const learner = createEpropLearner(config, createStream(1, 'feedback'));
    runTwoNeurons(learner);
    const gradients = learner.getState();
    learner.resetSequence();
    const reset = learner.getState();
    const fresh = createEpropLearner(twoNeuronConfig(), createStream(1, 'feedback')).getState();

    // The gradient sums and the summed loss carry over; everything else is as at creation.
    const carriedKeys = ['0.gradient', '1.gradient', 'readout.gradWeights', 'readout.gradBias'];
    for (const key of Object.keys(fresh)) {
      if (carriedKeys.includes(key)) expect(Array.from(reset[key]!)).toEqual(Array.from(gradients[key]!));
      else if (key === 'readout.scalars') expect(reset[key]![0]).toBe(0);
      else expect(Array.from(reset[key]!)).toEqual(Array.from(fresh[key]!));
    }
    expect(Array.from(learner.readout())).toEqual([0, 0]);
  });

  it('adam state restores bit for bit', () => {
    const run = (learner: EpropLearner, from: number, to: number) => {
      for (let n = from; n < to; n++) {
        runTwoNeurons(learner);
        learner.applyGradients();
      }
    };
    const whole = twoNeuronConfig({ optimizer: 'adam' });
    run(createEpropLearner(whole, createStream(1, 'feedback')), 0, 3);

    const first = twoNeuronConfig({ optimizer: 'adam' });
    const firstLearner = createEpropLearner(first, createStream(1, 'feedback'));
    run(firstLearner, 0, 2);
    const second = twoNeuronConfig({
      optimizer: 'adam',
      input: { ...first.input, weights: first.input.weights.slice() },
      recurrent: { ...first.recurrent!, weights: first.recurrent!.weights.slice() },
      readout: { ...first.readout, weights: first.readout.weights.slice(), bias: first.readout.bias.slice() },
    });
    const secondLearner = createEpropLearner(second, createStream(1, 'feedback'));
    secondLearner.setState(firstLearner.getState());
    run(secondLearner, 2, 3);

    expect(Array.from(second.input.weights)).toEqual(Array.from(whole.input.weights));
    expect(Array.from(second.recurrent!.weights)).toEqual(Array.from(whole.recurrent!.weights));
    expect(Array.from(second.readout.weights)).toEqual(Array.from(whole.readout.weights));
    expect(secondLearner.getState()['adam.steps']![0]).toBe(3);
  });
});

/** L[1] and psi[1] of the two-neuron case at tick 2 (see the learner tests above). */
function signal1Of(): number {
  const pi0 = 1 / (1 + Math.exp(1));
  return 2 * (pi0 - 1) - (1 - pi0);
}

function psiOf(): number {
  return 1 / (1 + 2 * 0.2) ** 2;
}
