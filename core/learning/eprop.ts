/**
 * e-prop for recurrent LIF/ALIF networks with a leaky readout, fully online (Bellec et al. 2020,
 * "A solution to the learning dilemma for recurrent networks of spiking neurons", Nature
 * Communications 11:3625).
 *
 * One `step` per tick, after the simulator's step 3, in this order:
 *   1. neuron values of the tick: refractory flags (tracked here from the spikes and the
 *      refractory period, as the simulator does), tested thresholds, and the surrogate
 *      psi[j] = damping * surrogate(vPre[j] - threshold - a[j]) (0 on refractory ticks);
 *   2. the readout (`./eprop-readout`) takes z[t] and the target, giving err[k] = pi[k] - onehot;
 *   3. the learning signal L[j] = sum_k B[j, k] * err[k], with B the readout weights transposed
 *      (`symmetric`) or a fixed random matrix (`random`);
 *   4. every input and recurrent synapse advances its eligibility and adds L[j] * ebar to its
 *      gradient (`./eprop-eligibility`);
 *   5. every `updateEveryTicks` ticks (when set), `applyGradients` runs.
 * `applyGradients` does w -= learningRate * gradient on the input, recurrent and readout weights
 * and the readout bias, clamps the input and recurrent weights to the bounds, and clears the sums.
 * With `optimizer: 'adam'` every gradient array is first rescaled by Adam (`./adam`, default
 * betas 0.9 and 0.999, epsilon 1e-8), whose step count and moments are part of the state, so the
 * step becomes Adam's with the same rates. `trainReadoutBias: false` leaves the bias unchanged.
 * The bias enters the leaky readout on every tick, so a bias step moves the readout by about
 * step / (1 - leak). That overshoots at rates that suit the weights, so the e-prop experiment
 * keeps the bias at zero.
 * `resetSequence` clears the traces one sequence leaves behind, for training on separate
 * sequences (the simulator calls it at each sample boundary when the rule asks for it).
 *
 * With symmetric feedback and no recurrent projection, the summed gradient equals back-propagation
 * through time with the same surrogate and reset treatment (the tests check this to 1e-9).
 * Random feedback B[j, k] is uniform on [-r, r) with r = sqrt(3 / recurrentSize) (variance
 * 1 / recurrentSize), drawn once from the stream given at creation.
 *
 * Float mode only; `./eprop-fixed` is the integer twin for `fixed` mode, and the simulator drives
 * either through `core/sim/eprop-driver`.
 */
import type { RandomStream } from '../random';
import type { WeightBounds } from './bounds';
import { changeFloatWeight } from './bounds';
import type { EligibilityConstants, NeuronTick } from './eprop-eligibility';
import { ProjectionEligibility } from './eprop-eligibility';
import { LeakyReadout } from './eprop-readout';
import { AdamPreconditioner } from './adam';
import { restoreArray } from './projection-setup';
import type { EpropConfig, EpropGradients, EpropLearner, EpropTickInput, RuleState } from './types';

function checkFactor(value: number, path: string): void {
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(`${path}: expected a per-tick decay factor in 0..1, got ${value}`);
  }
}

function checkConfig(config: EpropConfig): void {
  const { recurrentSize, neuron, learningRate, updateEveryTicks, surrogateDamping } = config;
  if (!Number.isInteger(recurrentSize) || recurrentSize < 1) {
    throw new RangeError(`recurrentSize: expected an integer >= 1, got ${recurrentSize}`);
  }
  checkFactor(neuron.currentDecay, 'neuron.currentDecay');
  checkFactor(neuron.voltageDecay, 'neuron.voltageDecay');
  checkFactor(neuron.thresholdDecay, 'neuron.thresholdDecay');
  if (!Number.isFinite(learningRate) || learningRate <= 0) {
    throw new RangeError(`learningRate: expected a finite number > 0, got ${learningRate}`);
  }
  if (updateEveryTicks !== null && (!Number.isInteger(updateEveryTicks) || updateEveryTicks < 1)) {
    throw new RangeError(`updateEveryTicks: expected an integer >= 1 or null, got ${updateEveryTicks}`);
  }
  if (!Number.isFinite(surrogateDamping) || surrogateDamping <= 0) {
    throw new RangeError(`surrogateDamping: expected a finite number > 0, got ${surrogateDamping}`);
  }
}

/** Creates an e-prop learner; `random` draws the random feedback weights. */
export function createEpropLearner(config: EpropConfig, random: RandomStream): EpropLearner {
  checkConfig(config);
  const { recurrentSize: size, neuron } = config;
  const readout = new LeakyReadout(config.readout, size);
  const projections = [new ProjectionEligibility(config.input, 'input', size)];
  if (config.recurrent !== null) {
    projections.push(new ProjectionEligibility(config.recurrent, 'recurrent', size));
  }

  const feedback = new Float64Array(size * readout.size);
  if (config.feedback === 'random') {
    const range = Math.sqrt(3 / size);
    for (let n = 0; n < feedback.length; n++) feedback[n] = (2 * random.nextFloat() - 1) * range;
  }

  const constants: EligibilityConstants = {
    currentDecay: neuron.currentDecay,
    voltageDecay: neuron.voltageDecay,
    thresholdDecay: neuron.thresholdDecay,
    adaptInc: neuron.adaptInc,
    readoutDecay: config.readout.decay,
    reset: config.resetInGradient ? neuron.reset : 'detached',
  };
  const adam = config.optimizer === 'adam' ? new AdamPreconditioner() : null;
  const trainBias = config.trainReadoutBias ?? true;
  const refractoryLeft = new Int32Array(size);
  const tick: NeuronTick = {
    refractory: new Uint8Array(size),
    spikes: new Uint8Array(size),
    membraneBeforeReset: new Float64Array(size),
    effectiveThreshold: new Float64Array(size),
    surrogate: new Float64Array(size),
    learningSignal: new Float64Array(size),
  };

  function prepareNeurons(t: number, input: EpropTickInput): void {
    const { spikes, membraneBeforeReset, thresholdOffset } = input;
    if (spikes.length !== size || membraneBeforeReset.length !== size) {
      throw new RangeError(`spikes, membraneBeforeReset: expected ${size} values each`);
    }
    if (neuron.adaptInc !== 0 && (thresholdOffset === null || thresholdOffset.length !== size)) {
      throw new RangeError(`thresholdOffset: an adaptive population needs ${size} tested offsets per tick`);
    }

    for (let j = 0; j < size; j++) {
      const offset = thresholdOffset === null ? 0 : thresholdOffset[j]!;
      const refractory = refractoryLeft[j]! > 0;
      if (refractory && spikes[j] !== 0) {
        throw new RangeError(`spikes[${j}]: neuron ${j} spiked at tick ${t} while refractory`);
      }
      if (refractory) refractoryLeft[j]!--;
      if (spikes[j] !== 0) refractoryLeft[j] = neuron.refractory;

      tick.refractory[j] = refractory ? 1 : 0;
      tick.spikes[j] = spikes[j]!;
      tick.membraneBeforeReset[j] = membraneBeforeReset[j]!;
      tick.effectiveThreshold[j] = neuron.threshold + offset;
      tick.surrogate[j] = refractory
        ? 0
        : config.surrogateDamping * config.surrogate(membraneBeforeReset[j]! - neuron.threshold - offset);
    }
  }

  function computeLearningSignal(): void {
    const classes = readout.size;
    const error = readout.error;
    for (let j = 0; j < size; j++) {
      let signal = 0;
      for (let k = 0; k < classes; k++) {
        const weight =
          config.feedback === 'symmetric' ? readout.weights[k * size + j]! : feedback[j * classes + k]!;
        signal += weight * error[k]!;
      }
      tick.learningSignal[j] = signal;
    }
  }

  function applyGradients(): number {
    adam?.precondition({
      input: projections[0]!.gradient,
      recurrent: projections[1]?.gradient ?? null,
      readout: readout.gradWeights,
      readoutBias: trainBias ? readout.gradBias : null,
    });
    let updates = 0;
    for (const eligibility of projections) {
      const { weights } = eligibility.projection;
      const gradient = eligibility.gradient;
      for (let s = 0; s < weights.length; s++) {
        weights[s] = boundedStep(weights[s]!, -config.learningRate * gradient[s]!, config.bounds);
      }
      gradient.fill(0);
      updates += weights.length;
    }
    return updates + readout.applyGradients(config.readoutLearningRate ?? config.learningRate, trainBias);
  }

  function resetSequence(): void {
    refractoryLeft.fill(0);
    readout.resetSequence();
    for (const eligibility of projections) {
      eligibility.presynapticTrace.fill(0);
      eligibility.membraneDerivative.fill(0);
      eligibility.offsetDerivative.fill(0);
      eligibility.filteredEligibility.fill(0);
    }
  }

  return {
    step(t, input) {
      prepareNeurons(t, input);
      if (readout.step(input.spikes, input.target)) {
        computeLearningSignal();
      } else {
        tick.learningSignal.fill(0);
      }

      let updates = projections[0]!.advance(input.inputArrivals, tick, constants);
      if (projections[1] !== undefined) {
        if (input.recurrentArrivals === null) {
          throw new RangeError(
            'recurrentArrivals: a network with a recurrent projection needs them every tick',
          );
        }
        updates += projections[1].advance(input.recurrentArrivals, tick, constants);
      }

      if (config.updateEveryTicks !== null && t % config.updateEveryTicks === 0) {
        updates += applyGradients();
      }
      return updates;
    },

    readout: () => readout.values,
    probabilities: () => readout.probabilities,
    loss: () => readout.scalars[1]!,

    gradients(): EpropGradients {
      return {
        input: projections[0]!.gradient,
        recurrent: projections[1]?.gradient ?? null,
        readout: readout.gradWeights,
        readoutBias: readout.gradBias,
      };
    },

    applyGradients,
    resetSequence,

    getState(): RuleState {
      const state: RuleState = {
        refractoryLeft: refractoryLeft.slice(),
        feedback: feedback.slice(),
        'readout.values': readout.values.slice(),
        'readout.filteredSpikes': readout.filteredSpikes.slice(),
        'readout.gradWeights': readout.gradWeights.slice(),
        'readout.gradBias': readout.gradBias.slice(),
        'readout.scalars': readout.scalars.slice(),
      };
      projections.forEach((p, n) => {
        for (const [key, array] of eligibilityArrays(p)) state[`${n}.${key}`] = array.slice();
      });
      if (adam !== null) {
        for (const [key, array] of Object.entries(adam.getState())) state[`adam.${key}`] = array;
      }
      return state;
    },

    setState(state) {
      restoreArray(state, 'refractoryLeft', refractoryLeft);
      restoreArray(state, 'feedback', feedback);
      restoreArray(state, 'readout.values', readout.values);
      restoreArray(state, 'readout.filteredSpikes', readout.filteredSpikes);
      restoreArray(state, 'readout.gradWeights', readout.gradWeights);
      restoreArray(state, 'readout.gradBias', readout.gradBias);
      restoreArray(state, 'readout.scalars', readout.scalars);
      projections.forEach((p, n) => {
        for (const [key, array] of eligibilityArrays(p)) restoreArray(state, `${n}.${key}`, array);
      });
      if (adam !== null) {
        const saved: Record<string, ArrayLike<number>> = {};
        for (const [key, array] of Object.entries(state))
          if (key.startsWith('adam.')) saved[key.slice('adam.'.length)] = array;
        adam.setState(saved);
      }
    },
  };
}

function boundedStep(w: number, delta: number, bounds: WeightBounds | null): number {
  return bounds === null ? w + delta : changeFloatWeight(w, delta, bounds);
}

function eligibilityArrays(p: ProjectionEligibility): [string, Float64Array][] {
  return [
    ['presynapticTrace', p.presynapticTrace],
    ['membraneDerivative', p.membraneDerivative],
    ['offsetDerivative', p.offsetDerivative],
    ['filteredEligibility', p.filteredEligibility],
    ['gradient', p.gradient],
  ];
}
