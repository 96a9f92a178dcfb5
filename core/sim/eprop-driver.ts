/**
 * Runs e-prop inside the simulator's tick, at step 4, for the projections whose rule is `eprop`.
 *
 * The e-prop projections must all end on the spec's readout population (the recurrent one): one
 * from another population (the input) and at most one from the population to itself (the
 * recurrent projection). The learning settings are those of the input projection. The learner is
 * `createFixedEpropLearner` in fixed mode and `createEpropLearner` in float mode.
 *
 * Fixed mode needs, per neuron, `v` before the reset and the tested threshold offset, which the
 * chip kernel does not keep: `beforeUpdate` copies `v`, `a` and the refractory counters before
 * step 2 and `step` recomputes, with the kernel's own integer formulas,
 *
 *     a_t    = trunc0(a * (4096 - dThreshold))
 *     vPre   = clip24(trunc0(v * (4096 - dv)) + u_new + biasMant * 2^biasExp)
 *
 * Randomness: the fixed learner rounds with the stream `learning/eprop` and draws its random
 * feedback from it first; the initial readout weights come from `weights/readout` (uniform in
 * +-1/sqrt(neurons)), as in the float task trainer. Readout weights are learner state and are
 * saved with it, together with the stream.
 *
 * Safety envelope: `weights` contains, per projection, the array the learner writes. For a
 * projection with `learning.envelope` the simulator passes the envelope's working copy, so the
 * learner writes it at step 4. The envelope's `endTick` runs later in the same tick and commits
 * or drops the change, as for the pair rules. The readout weights and the float readout bias are
 * learner state, not a projection, so no envelope guards them. A frozen projection, a refused
 * update or a rollback leaves them as the learner set them.
 *
 * `resetEachSample` (the rule option) trains on each sample of the data stimulus as a separate
 * sequence, as Bellec et al. (2020) and `core/templates/eprop-rows-trainer.ts` do. At the first
 * tick of every sample period, before the neurons update, the driver sets `u`, `v`, the
 * threshold offset and the refractory counter of the trained population to 0, their values at
 * creation. It drops what arrives at that population on that tick (its part of the ring slot and
 * the learner's arrivals), which with delay 0 are the spikes of the previous sample's last tick.
 * Then the learner's `resetSequence` clears the eligibility and readout traces. Weights,
 * gradient sums and optimizer state carry over.
 * NOTE: spikes sent with a delay longer than the rest between samples still arrive after the reset.
 * The reset is a rule option, not a chip-wide "reset between samples" of the data stimulus,
 * because it is part of how e-prop computes its gradient over truncated sequences. It touches
 * only the population and the traces the rule differentiates, so the other populations, the pair
 * rules and the vote readout keep the chip's tick semantics. The reset is a function of the
 * tick, so it needs no saved state of its own.
 */
import type { Program, ProjectionProgram } from '../program';
import { createStream } from '../random';
import type { RandomStream } from '../random';
import { decayRegisterFromTau, DECAY_ONE } from '../fixed/arith';
import { resolveBounds } from '../learning/bounds';
import { createEpropLearner } from '../learning/eprop';
import { createFixedEpropLearner } from '../learning/eprop-fixed';
import type { FixedEpropLearner } from '../learning/eprop-fixed';
import { READOUT_ONE } from '../learning/eprop-fixed-readout';
import { restoreArray } from '../learning/projection-setup';
import { surrogateOfDistance } from '../learning/surrogate';
import type { EpropLearner, RuleState } from '../learning/types';
import type { EpropSpec } from '../spec/schema';
import type { FixedNeuronState, FloatNeuronState } from '../neuron/state';
import type { NeuronBank } from './neuron-bank';
import type { InputArray } from './ring';
import type { SpikeHistory } from './history';

/** e-prop's published damping of the surrogate. */
const SURROGATE_DAMPING = 0.3;
const STATE_MAX = 2 ** 23 - 1;

export class EpropDriver {
  private readonly program: Program;
  private readonly population: number;
  private readonly input: ProjectionProgram;
  private readonly recurrent: ProjectionProgram | null;
  private readonly fixed: FixedEpropLearner | null;
  private readonly float: EpropLearner | null;
  private readonly random: RandomStream;
  private readonly readoutWeights: Int32Array | Float64Array;
  /** Float mode only: the readout bias, which the float learner trains. */
  private readonly readoutBias: Float64Array | null;
  private readonly neurons: NeuronBank;
  private readonly inputArrivals: Uint8Array;
  private readonly recurrentArrivals: Uint8Array;
  private readonly previousV: Int32Array;
  private readonly previousOffset: Int32Array;
  private readonly refractory: Uint8Array;
  private readonly membrane: Int32Array;
  private readonly tested: Int32Array | Float64Array;
  private readonly floatMembrane: Float64Array | null;
  /** Ticks between the sample resets (the data stimulus's period), or null without them. */
  private readonly resetPeriod: number | null;
  /** The tick whose arrivals the last reset dropped. */
  private resetTick = 0;

  /**
   * Returns a driver when the program has e-prop projections, else null. `weights` are the
   * arrays the learner writes, by projection index: the live weights, or an envelope's working
   * copy. `samplePeriod` is the period of the labelled data stimulus (present plus rest ticks),
   * or null without one.
   */
  static create(
    program: Program,
    weights: (Int8Array | Float64Array)[],
    neurons: NeuronBank,
    seed: number,
    samplePeriod: number | null = null,
  ): EpropDriver | null {
    const projections = program.projections.filter((p) => p.learning?.rule === 'eprop');
    return projections.length === 0
      ? null
      : new EpropDriver(program, projections, weights, neurons, seed, samplePeriod);
  }

  private constructor(
    program: Program,
    projections: ProjectionProgram[],
    weights: (Int8Array | Float64Array)[],
    neurons: NeuronBank,
    seed: number,
    samplePeriod: number | null,
  ) {
    this.program = program;
    this.neurons = neurons;
    const readout = program.spec.readout;
    const target = projections[0]!.to;
    if (readout === undefined || program.populations[target]!.name !== readout.population) {
      throw new RangeError(
        `projections.${projections[0]!.name}.learning: e-prop needs the spec's readout on its target population "${program.populations[target]!.name}"`,
      );
    }
    const inputs = projections.filter((p) => p.from !== target);
    const recurrents = projections.filter((p) => p.from === target);
    const stray = projections.find((p) => p.to !== target);
    if (stray !== undefined || inputs.length !== 1 || recurrents.length > 1) {
      throw new RangeError(
        `projections: e-prop trains one input projection and at most one recurrent projection into one population, got ${projections.map((p) => p.name).join(', ')}`,
      );
    }
    this.population = target;
    this.input = inputs[0]!;
    this.recurrent = recurrents[0] ?? null;
    const population = program.populations[target]!;
    const size = population.size;
    const learning = this.input.learning as EpropSpec;
    const classes = readout.classes;
    const path = `projections.${this.input.name}.learning`;
    if (learning.resetEachSample === true && samplePeriod === null) {
      throw new RangeError(
        `${path}.resetEachSample: the reset needs a data stimulus with samples to mark their boundaries; the spec has none`,
      );
    }
    this.resetPeriod = learning.resetEachSample === true ? samplePeriod : null;
    this.random = createStream(seed, 'learning/eprop');
    this.inputArrivals = new Uint8Array(program.populations[this.input.from]!.size);
    this.recurrentArrivals = new Uint8Array(size);
    this.previousV = new Int32Array(size);
    this.previousOffset = new Int32Array(size);
    this.refractory = new Uint8Array(size);
    this.membrane = new Int32Array(size);

    const readoutStream = createStream(seed, 'weights/readout');
    const view = (p: ProjectionProgram, w: Int8Array | Float64Array) => ({
      preSize: program.populations[p.from]!.size,
      rowPtr: p.rowPtr,
      post: p.post,
      weights: w,
      wExp: p.wExp,
    });
    const inputWeights = weights[this.input.index]!;
    const recurrentWeights = this.recurrent === null ? null : weights[this.recurrent.index]!;

    if (program.mode === 'fixed') {
      if (learning.resetInGradient) {
        throw new RangeError(`${path}.resetInGradient: fixed-mode e-prop keeps the reset detached; got true`);
      }
      if (learning.optimizer === 'adam') {
        throw new RangeError(
          `${path}.optimizer: fixed-mode e-prop applies plain integer steps, Adam runs in float mode only; got adam`,
        );
      }
      if (learning.trainReadoutBias === true) {
        throw new RangeError(
          `${path}.trainReadoutBias: the fixed-mode readout has no bias; got true (remove it or set false)`,
        );
      }
      this.readoutBias = null;
      const range = Math.round(READOUT_ONE / Math.sqrt(size));
      this.readoutWeights = Int32Array.from(
        { length: classes * size },
        () => readoutStream.nextInt(2 * range + 1) - range,
      );
      this.tested = new Int32Array(size);
      this.floatMembrane = null;
      this.float = null;
      this.fixed = createFixedEpropLearner(
        {
          recurrentSize: size,
          registers: population.registers,
          input: view(this.input, inputWeights) as never,
          recurrent: recurrentWeights === null ? null : (view(this.recurrent!, recurrentWeights) as never),
          readout: {
            size: classes,
            decayRegister: decayRegisterFromTau(learning.tauOutMs, program.dtMs, `${path}.tauOutMs`),
            weights: this.readoutWeights,
          },
          feedback: learning.feedback,
          learningRate: learning.learningRate,
          readoutLearningRate: learning.readoutLearningRate,
          updateEveryTicks: learning.updateEveryTicks,
          surrogateWidth: learning.surrogateWidth,
          surrogateDamping: SURROGATE_DAMPING,
          bounds: resolveBounds(learning, 'fixed', path),
        },
        this.random,
      );
      return;
    }

    const range = 1 / Math.sqrt(size);
    this.readoutWeights = Float64Array.from(
      { length: classes * size },
      () => (2 * readoutStream.nextFloat() - 1) * range,
    );
    this.tested = new Float64Array(size);
    this.readoutBias = new Float64Array(classes);
    this.floatMembrane = neurons.trackMembraneBeforeReset(target);
    this.fixed = null;
    const floatView = (p: ProjectionProgram, w: Float64Array) => ({
      ...view(p, w),
      weights: w,
      weightScale: 2 ** (p.wExp + 6),
    });
    this.float = createEpropLearner(
      {
        recurrentSize: size,
        neuron: population.float,
        input: floatView(this.input, inputWeights as Float64Array),
        recurrent:
          recurrentWeights === null ? null : floatView(this.recurrent!, recurrentWeights as Float64Array),
        readout: {
          size: classes,
          decay: Math.exp(-program.dtMs / learning.tauOutMs),
          weights: this.readoutWeights,
          bias: this.readoutBias,
        },
        feedback: learning.feedback,
        learningRate: learning.learningRate,
        readoutLearningRate: learning.readoutLearningRate,
        updateEveryTicks: learning.updateEveryTicks,
        surrogate: surrogateOfDistance({
          kind: 'fast-sigmoid',
          slope: 1 / (learning.surrogateWidth * population.float.threshold),
        }),
        surrogateDamping: SURROGATE_DAMPING,
        resetInGradient: learning.resetInGradient,
        bounds: resolveBounds(learning, 'float', path),
        optimizer: learning.optimizer ?? 'sgd',
        trainReadoutBias: learning.trainReadoutBias ?? true,
      },
      this.random,
    );
  }

  /**
   * Runs before the neurons update at tick t: the sample reset when t starts a sample (`aIn` is
   * the ring slot of t), then, in fixed mode, copies the state that `step` needs to recompute
   * `v` before the reset.
   */
  beforeUpdate(t: number, aIn: InputArray): void {
    if (this.resetPeriod !== null && (t - 1) % this.resetPeriod === 0) this.resetSample(t, aIn);
    if (this.fixed === null) return;
    const state = this.neurons.states[this.population] as FixedNeuronState;
    this.previousV.set(state.v);
    this.previousOffset.set(state.thresholdOffset);
    for (let j = 0; j < this.refractory.length; j++)
      this.refractory[j] = state.refractoryLeft[j]! > 0 ? 1 : 0;
  }

  private resetSample(t: number, aIn: InputArray): void {
    const population = this.program.populations[this.population]!;
    const state = this.neurons.states[this.population]!;
    state.u.fill(0);
    state.v.fill(0);
    state.thresholdOffset.fill(0);
    state.refractoryLeft.fill(0);
    aIn.fill(0, population.offset, population.offset + population.size);
    this.learner.resetSequence();
    this.resetTick = t;
  }

  /** Runs the learner for tick t (after spike emission); returns the learning updates done. */
  step(t: number, spiked: Uint8Array, history: SpikeHistory, target: number): number {
    const population = this.program.populations[this.population]!;
    const spikes = spiked.subarray(population.offset, population.offset + population.size);
    this.fillArrivals(this.input, t, history, this.inputArrivals);
    const recurrentArrivals =
      this.recurrent === null ? null : this.fillArrivals(this.recurrent, t, history, this.recurrentArrivals);
    if (t === this.resetTick) {
      this.inputArrivals.fill(0);
      recurrentArrivals?.fill(0);
    }

    if (this.fixed !== null) {
      this.recomputeFixed(spikes);
      return this.fixed.step(t, {
        inputArrivals: this.inputArrivals,
        recurrentArrivals,
        spikes,
        refractory: this.refractory,
        membraneBeforeReset: this.membrane,
        thresholdOffset: population.model === 'alif' ? (this.tested as Int32Array) : null,
        target,
      });
    }

    const state = this.neurons.states[this.population] as FloatNeuronState;
    const tested = this.tested as Float64Array;
    const adaptInc = population.float.adaptInc;
    for (let j = 0; j < tested.length; j++)
      tested[j] = state.thresholdOffset[j]! - (spikes[j] !== 0 ? adaptInc : 0);
    return this.float!.step(t, {
      inputArrivals: this.inputArrivals,
      recurrentArrivals,
      spikes,
      membraneBeforeReset: this.floatMembrane!,
      thresholdOffset: population.model === 'alif' ? tested : null,
      target,
    });
  }

  private recomputeFixed(spikes: Uint8Array): void {
    const population = this.program.populations[this.population]!;
    const { dv, dThreshold, biasMant, biasExp } = population.registers;
    const state = this.neurons.states[this.population] as FixedNeuronState;
    const bias = biasMant * 2 ** biasExp;
    const tested = this.tested as Int32Array;
    for (let j = 0; j < spikes.length; j++) {
      tested[j] = Math.trunc((this.previousOffset[j]! * (DECAY_ONE - dThreshold)) / DECAY_ONE);
      const v = Math.trunc((this.previousV[j]! * (DECAY_ONE - dv)) / DECAY_ONE) + state.u[j]! + bias;
      this.membrane[j] = Math.max(-STATE_MAX, Math.min(STATE_MAX, v));
    }
  }

  private fillArrivals(
    projection: ProjectionProgram,
    t: number,
    history: SpikeHistory,
    into: Uint8Array,
  ): Uint8Array {
    const source = this.program.populations[projection.from]!;
    const events = history.eventsOf(t - 1 - projection.delayTicks, source.offset, source.size);
    into.fill(0);
    for (let k = 0; k < events.count; k++) into[events.indices[k]!] = 1;
    return into;
  }

  /** Readout values of the last tick: 12-fraction-bit integers in fixed mode, reals in float mode. */
  readout(): Int32Array | Float64Array {
    return this.fixed !== null ? this.fixed.readout() : this.float!.readout();
  }

  /** The learner, for tests and drivers that apply gradients themselves. */
  get learner(): FixedEpropLearner | EpropLearner {
    return this.fixed ?? this.float!;
  }

  getState(): RuleState {
    const state: RuleState = { ...this.learner.getState(), random: this.random.getState() };
    state['readoutWeights'] = this.readoutWeights.slice();
    if (this.readoutBias !== null) state['readoutBias'] = this.readoutBias.slice();
    return state;
  }

  setState(state: RuleState): void {
    this.learner.setState(state);
    restoreArray(state, 'readoutWeights', this.readoutWeights);
    if (this.readoutBias !== null) restoreArray(state, 'readoutBias', this.readoutBias);
    const random = state['random'];
    if (!(random instanceof Uint32Array)) throw new Error('rule state: missing array "random"');
    this.random.setState(random);
  }
}
