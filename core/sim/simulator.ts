/**
 * The tick loop of the emulated chip.
 *
 * One tick t (t = 1, 2, ...) runs, in this order:
 *   1. deliver: the delay-ring slot of t becomes every neuron's `aIn`;
 *   2. update every neuron population (decay, integrate, threshold, reset, refractory), and set
 *      the spikes of input populations from their stimulus;
 *   3. emit this tick's spikes into the ring at t + 1 + delay;
 *   4. learning, on plastic projections, with the pre events that arrived at t: the pair rules,
 *      then e-prop (`./eprop-driver`), then the rewards due at t (the task's, `./task-reward`,
 *      plus any injected one) on the reward-modulated rules. Rules of projections with a safety
 *      envelope write its working copy, and each envelope's `endTick` then commits or drops it;
 *   5. record spikes and sampled state.
 * The simulator is deterministic: its whole state is in typed arrays that `captureState` copies
 * out and `restoreState` copies back, so a run split into chunks of any size, or stopped and
 * resumed, gives the same spikes and weights bit for bit.
 */
import type { Program, ProjectionProgram, NumericMode } from '../program';
import { createStream } from '../random';
import type { RandomStream } from '../random';
import { DelayRing } from './ring';
import type { InputArray } from './ring';
import { NeuronBank } from './neuron-bank';
import { HopTable } from './hops';
import { SpikeHistory } from './history';
import { SpikeRecorder, StateRecorder, WeightRecorder } from './recorder';
import type { StimulusSource } from './stimulus';
import { createCounters } from '../energy/counters';
import type { Counters } from '../energy/counters';
import { createPlasticityRule } from '../learning/rules';
import { createWasmLifKernel } from '../wasm/lif-wasm';
import type { WasmLifKernel } from '../wasm/lif-wasm';

/** Sizes one WebAssembly kernel for the neurons' state and spikes plus every delay-ring slot. */
function createKernel(program: Program): WasmLifKernel {
  // Every delay-ring slot and the spike list hold one int32 per neuron, plus alignment padding.
  const int32Arrays = program.maxDelayTicks + 2 + 1;
  return createWasmLifKernel(program.neuronCount, {
    extraBytes: int32Arrays * (program.neuronCount * 4 + 16),
  });
}
import type { PlasticityRule } from '../learning/types';
import { ProjectionEnvelope } from '../learning/envelope';
import type { EnvelopeEvent, EnvelopeMetric } from '../learning/envelope';
import { EpropDriver } from './eprop-driver';
import { DataStimulus } from './data-stimulus';
import { TaskReward } from './task-reward';

export interface SimulatorOptions {
  seed: number;
  stimuli: StimulusSource[];
  /**
   * Kernel of fixed-mode neuron updates: WebAssembly with SIMD (default) or the TypeScript
   * reference. Both are bit-identical; float mode always runs TypeScript.
   */
  engine?: 'wasm' | 'ts';
}

export type SimulatorState = Record<string, Float64Array | Int32Array | Int8Array | Uint8Array | Uint32Array>;

export class Simulator {
  readonly program: Program;
  readonly mode: NumericMode;
  readonly seed: number;
  readonly engine: 'wasm' | 'ts';
  /** Ticks completed so far; the next tick to run is `tick + 1`. */
  tick = 0;
  readonly counters: Counters = createCounters();
  readonly spikeRecorder: SpikeRecorder;
  readonly stateRecorder: StateRecorder;
  readonly weightRecorder: WeightRecorder;

  /** Spikes of the tick just run, over the global neuron index. */
  readonly spiked: Uint8Array;
  readonly weights: (Int8Array | Float64Array)[];
  /** Spikes emitted since tick 1, per population. */
  readonly spikeTotals: Float64Array;
  private readonly neurons: NeuronBank;
  private readonly ring: DelayRing<InputArray>;
  private readonly hops: HopTable;
  private readonly history: SpikeHistory;
  private readonly rules: (PlasticityRule | null)[];
  /** Safety envelopes of plastic projections that declare one; their rule writes `working` weights. */
  private readonly envelopes: (ProjectionEnvelope | null)[];
  /** Envelope events (refused updates, rollbacks) not yet drained by the caller. */
  private events: EnvelopeEvent[] = [];
  private readonly learningRandom: RandomStream;
  private readonly stimuli: StimulusSource[];
  private readonly denseOpsPerTick: number;
  /** `spiked` read four neurons at a time, for the TypeScript engine's scan of this tick's spikes. */
  private readonly spikedWords: Int32Array;
  /** Global indices of this tick's spikes, and where each population's run of them starts. */
  private readonly spikeList: Int32Array;
  private readonly spikeListStart: Int32Array;
  /** The WebAssembly kernel of fixed mode, which also lists the spikes; null on the TypeScript engine. */
  private readonly kernel: WasmLifKernel | null;
  private pendingReward = 0;
  private readonly injected = new Map<number, number[]>();
  /** e-prop of the recurrent population, or null when no projection's rule is `eprop`. */
  readonly eprop: EpropDriver | null;
  /** Target class of e-prop set through `setEpropTarget`; null reads the labelled stimulus. */
  private epropTarget: number | null = null;
  /** The labelled data stimulus, if the run has one: the source of e-prop targets and task rewards. */
  private readonly labelled: DataStimulus | null;
  /** Per projection: the task-reward tracker of its target population (rstdp, `rewardSource: task`). */
  private readonly taskRewardOf: (TaskReward | null)[];
  /** The distinct trackers of `taskRewardOf`, observed once per tick. */
  private readonly taskRewards: TaskReward[];
  /** This tick's task reward of each tracker, in the order of `taskRewards`. */
  private readonly taskRewardValues: Float64Array;

  constructor(program: Program, options: SimulatorOptions) {
    this.program = program;
    this.mode = program.mode;
    this.seed = options.seed;
    this.stimuli = options.stimuli;

    const kernel =
      this.mode === 'fixed' && (options.engine ?? 'wasm') === 'wasm' ? createKernel(program) : null;
    this.engine = kernel === null ? 'ts' : 'wasm';
    this.spiked =
      kernel === null ? new Uint8Array(program.neuronCount) : kernel.allocateUint8(program.neuronCount);
    // Both allocators return a 4-byte-aligned start, so the word view covers the first n & ~3 bytes.
    this.spikedWords = new Int32Array(this.spiked.buffer, this.spiked.byteOffset, program.neuronCount >> 2);
    this.spikeTotals = new Float64Array(program.populations.length);
    this.spikeList =
      kernel === null ? new Int32Array(program.neuronCount) : kernel.allocateInt32(program.neuronCount);
    this.kernel = kernel;
    this.spikeListStart = new Int32Array(program.populations.length + 1);
    this.neurons = new NeuronBank(program, kernel);
    this.ring =
      this.mode === 'float'
        ? new DelayRing<InputArray>(program.neuronCount, program.maxDelayTicks, (n) => new Float64Array(n))
        : new DelayRing<InputArray>(program.neuronCount, program.maxDelayTicks, (n) =>
            kernel === null ? new Int32Array(n) : kernel.allocateInt32(n),
          );
    this.weights = program.projections.map((p) => p.weights.slice());
    this.hops = new HopTable(program);
    this.history = new SpikeHistory(program);

    // One learning stream for the whole network, so adding a plastic projection never shifts
    // another stream (stochastic rounding draws in projection order within a tick).
    this.learningRandom = createStream(options.seed, 'learning');
    this.envelopes = program.projections.map((projection, i) =>
      projection.learning?.envelope === undefined
        ? null
        : new ProjectionEnvelope(projection.name, projection.learning.envelope, this.weights[i]!),
    );
    this.rules = program.projections.map((projection, i) =>
      projection.learning === null || projection.learning.rule === 'eprop'
        ? null
        : this.createRule(projection, this.envelopes[i]?.working ?? this.weights[i]!),
    );
    this.labelled =
      (this.stimuli.find((s) => s instanceof DataStimulus && Number.isFinite(s.samples)) as
        DataStimulus | undefined) ?? null;
    // e-prop, like the pair rules, writes an envelope's working copy where the projection has one.
    this.eprop = EpropDriver.create(
      program,
      program.projections.map((_, i) => this.envelopes[i]?.working ?? this.weights[i]!),
      this.neurons,
      options.seed,
      this.labelled === null ? null : this.labelled.presentTicks + this.labelled.restTicks,
    );
    const trackers = new Map<number, TaskReward>();
    this.taskRewardOf = program.projections.map((projection) => {
      const learning = projection.learning;
      if (learning?.rule !== 'rstdp' || learning.rewardSource !== 'task' || this.labelled === null)
        return null;
      const target = program.populations[projection.to]!;
      const classes = program.spec.readout?.classes ?? 10;
      if (target.size !== classes) {
        throw new RangeError(
          `projections.${projection.name}.learning.rewardSource: a task reward needs one neuron per class, ` +
            `but population "${target.name}" has ${target.size} neurons for ${classes} classes`,
        );
      }
      const tracker = trackers.get(target.index) ?? new TaskReward(program, target.index, this.labelled);
      trackers.set(target.index, tracker);
      return tracker;
    });
    this.taskRewards = [...trackers.values()];
    this.taskRewardValues = new Float64Array(this.taskRewards.length);

    this.denseOpsPerTick = program.projections.reduce(
      (sum, p) => sum + program.populations[p.from]!.size * program.populations[p.to]!.size,
      0,
    );
    this.spikeRecorder = new SpikeRecorder(program);
    this.stateRecorder = new StateRecorder(program, this.neurons);
    this.weightRecorder = new WeightRecorder(program);
  }

  private createRule(projection: ProjectionProgram, weights: Int8Array | Float64Array): PlasticityRule {
    return createPlasticityRule(
      {
        mode: this.mode,
        dtMs: this.program.dtMs,
        preSize: this.program.populations[projection.from]!.size,
        postSize: this.program.populations[projection.to]!.size,
        rowPtr: projection.rowPtr,
        post: projection.post,
        weights,
        learning: projection.learning!,
      },
      this.learningRandom,
    );
  }

  /** Queues a reward applied at the end of the next tick (reward-modulated rules only). */
  injectReward(reward: number): void {
    this.pendingReward += reward;
  }

  /**
   * Sets the e-prop target class from the next tick on (-1: no target); null returns to the
   * labelled stimulus, whose label is the target on every tick of a sample's period.
   */
  setEpropTarget(target: number | null): void {
    if (target !== null && (!Number.isInteger(target) || target < -1)) {
      throw new RangeError(`target: expected null, -1 or a class index, got ${target}`);
    }
    this.epropTarget = target;
  }

  private currentEpropTarget(t: number): number {
    if (this.epropTarget !== null) return this.epropTarget;
    const stimulus = this.labelled;
    if (stimulus === null) return -1;
    const sample = Math.floor((t - 1) / (stimulus.presentTicks + stimulus.restTicks));
    return sample < stimulus.samples ? stimulus.labelOfSample(sample) : -1;
  }

  /** Makes input or neuron `globalIndex` spike at `tick` (later than the current tick). */
  injectSpike(tick: number, globalIndex: number): void {
    if (!Number.isInteger(tick) || tick <= this.tick) {
      throw new RangeError(`an injected spike needs a tick after ${this.tick}, got ${tick}`);
    }
    const list = this.injected.get(tick) ?? [];
    list.push(globalIndex);
    this.injected.set(tick, list);
  }

  /** Runs `ticks` ticks. */
  run(ticks: number): void {
    for (let i = 0; i < ticks; i++) this.step();
  }

  /** Runs one tick. */
  step(): void {
    const t = this.tick + 1;
    const aIn = this.ring.slotFor(t);

    if (this.eprop !== null) this.eprop.beforeUpdate(t, aIn);
    this.updateNeurons(t, aIn);
    aIn.fill(0);
    this.emit(t);
    this.learn(t);
    this.spikeRecorder.record(t, this.spiked);
    this.stateRecorder.record(t);
    this.weightRecorder.record(t, this.weights);
    this.tick = t;
  }

  private updateNeurons(t: number, aIn: InputArray): void {
    const spiked = this.spiked;
    const counters = this.counters;
    spiked.fill(0);

    for (const stimulus of this.stimuli) stimulus.fill(t, spiked);
    const injected = this.injected.get(t);
    if (injected !== undefined) {
      for (const index of injected) spiked[index] = 1;
      this.injected.delete(t);
    }

    const update = this.neurons.update(aIn, spiked);
    counters.activeNeuronUpdates += update.active;
    counters.idleNeuronUpdates += update.idle;
  }

  private emit(t: number): void {
    const spikeCount = this.collectSpikes(t);
    const counters = this.counters;
    counters.spikes += spikeCount;
    counters.denseOps += this.denseOpsPerTick;
    if (spikeCount === 0) return;

    const program = this.program;
    const ringLength = this.ring.length;
    for (let p = 0; p < program.projections.length; p++) {
      const projection = program.projections[p]!;
      const first = this.spikeListStart[projection.from]!;
      const last = this.spikeListStart[projection.from + 1]!;
      if (first === last) continue;

      const slot = this.ring.slots[(t + 1 + projection.delayTicks) % ringLength]!;
      const sourceOffset = program.populations[projection.from]!.offset;
      const targetOffset = program.populations[projection.to]!.offset;
      const weights = this.weights[p]!;
      // Separate loops keep each one's array types fixed, which lets V8 compile them tight.
      counters.synapticOps +=
        this.mode === 'fixed'
          ? deliverFixed(
              slot as Int32Array,
              weights as Int8Array,
              projection.wExp,
              projection,
              this.spikeList,
              first,
              last,
              sourceOffset,
              targetOffset,
            )
          : deliverFloat(
              slot as Float64Array,
              weights as Float64Array,
              2 ** projection.wExp,
              projection,
              this.spikeList,
              first,
              last,
              sourceOffset,
              targetOffset,
            );
    }
  }

  /** Lists this tick's spikes in global index order, counts their hops and history, and returns their count. */
  private collectSpikes(t: number): number {
    const spikeList = this.spikeList;
    const spikeCount =
      this.kernel === null ? this.scanSpikes() : this.kernel.listSpikes(this.spiked, spikeList);

    // Populations are contiguous and in index order, so each one's spikes form one run.
    let k = 0;
    for (const population of this.program.populations) {
      const end = population.offset + population.size;
      this.spikeListStart[population.index] = k;
      while (k < spikeCount && spikeList[k]! < end) k++;
      this.spikeListStart[population.index + 1] = k;
      this.spikeTotals[population.index]! += k - this.spikeListStart[population.index]!;
    }

    for (let k = 0; k < spikeCount; k++) {
      const g = spikeList[k]!;
      this.history.push(t, g);
      this.hops.count(g, this.counters);
    }
    return spikeCount;
  }

  /**
   * Lists this tick's spikes like the kernel's `listSpikes`, for the TypeScript engine. Most ticks
   * have few spikes, so the scan tests four neurons per 32-bit word.
   */
  private scanSpikes(): number {
    const spiked = this.spiked;
    const words = this.spikedWords;
    const spikeList = this.spikeList;
    let spikeCount = 0;

    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      for (let g = w * 4; g < w * 4 + 4; g++) {
        if (spiked[g] !== 0) spikeList[spikeCount++] = g;
      }
    }
    for (let g = words.length * 4; g < spiked.length; g++) {
      if (spiked[g] !== 0) spikeList[spikeCount++] = g;
    }

    return spikeCount;
  }

  private learn(t: number): void {
    const program = this.program;
    for (let p = 0; p < this.rules.length; p++) {
      const rule = this.rules[p];
      if (rule === null || rule === undefined) continue;
      const projection = program.projections[p]!;
      const source = program.populations[projection.from]!;
      const target = program.populations[projection.to]!;

      // Pre events are spikes that arrive now: emitted at t - 1 - delay.
      const events = this.history.eventsOf(t - 1 - projection.delayTicks, source.offset, source.size);
      const postSpiked = this.spiked.subarray(target.offset, target.offset + target.size);
      this.counters.learningUpdates += rule.onTick(t, events.indices, events.count, postSpiked);
    }

    if (this.eprop !== null) {
      this.counters.learningUpdates += this.eprop.step(
        t,
        this.spiked,
        this.history,
        this.currentEpropTarget(t),
      );
    }

    let taskReward = false;
    for (let k = 0; k < this.taskRewards.length; k++) {
      this.taskRewardValues[k] = this.taskRewards[k]!.observe(t, this.spiked);
      if (this.taskRewardValues[k] !== 0) taskReward = true;
    }
    if (this.pendingReward !== 0 || taskReward) this.applyRewards(t);

    for (const envelope of this.envelopes) {
      if (envelope !== null) this.events.push(...envelope.endTick(t));
    }
  }

  /**
   * Presentations the task reward has scored and how many it rewarded +1, per population that
   * an rstdp projection with `rewardSource: task` trains (by population name).
   */
  taskScores(): Record<string, { scored: number; correct: number }> {
    const out: Record<string, { scored: number; correct: number }> = {};
    this.program.projections.forEach((projection, p) => {
      const tracker = this.taskRewardOf[p];
      if (!tracker) return;
      out[this.program.populations[projection.to]!.name] = {
        scored: tracker.score[0]!,
        correct: tracker.score[1]!,
      };
    });
    return out;
  }

  /** Applies r[t] = injected reward + the task reward of the rule's population, rule by rule. */
  private applyRewards(t: number): void {
    const injected = this.pendingReward;
    this.pendingReward = 0;
    for (let p = 0; p < this.rules.length; p++) {
      const rule = this.rules[p];
      if (!rule?.applyReward) continue;
      const tracker = this.taskRewardOf[p];
      const reward = injected + (tracker ? this.taskRewardValues[this.taskRewards.indexOf(tracker)]! : 0);
      if (reward !== 0) this.counters.learningUpdates += rule.applyReward(t, reward);
    }
  }

  /**
   * Reports a task metric to every envelope; a value below a rollback floor restores the last good
   * weights of the projection.
   * NOTE: e-prop's readout weights and float readout bias are not restored. They keep what the
   * learner trained, including what it learned on top of the discarded projection weights.
   */
  observeMetric(metric: EnvelopeMetric, value: number): void {
    for (const envelope of this.envelopes) {
      if (envelope !== null) this.events.push(...envelope.observe(this.tick, metric, value));
    }
  }

  /** Freezes or thaws the learning of projection `name` (through its envelope, or by detaching its rule). */
  setPlastic(name: string, plastic: boolean): void {
    const index = this.program.projections.findIndex((p) => p.name === name);
    const envelope = this.envelopes[index];
    // e-prop projections have no entry in `rules` (the e-prop driver trains them), so test the spec.
    if (index < 0 || this.program.projections[index]!.learning === null) {
      throw new RangeError(`projection "${name}" is not plastic`);
    }
    if (envelope === null || envelope === undefined) {
      throw new RangeError(
        `projection "${name}" has no envelope; add learning.envelope to freeze it while running`,
      );
    }
    const event = envelope.setPlastic(this.tick, plastic);
    if (event !== null) this.events.push(event);
  }

  drainEvents(): EnvelopeEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Copies out the whole dynamic state (not the recordings). */
  captureState(): SimulatorState {
    const state: SimulatorState = {};
    state['tick'] = new Float64Array([this.tick, this.pendingReward]);
    Object.assign(state, this.neurons.captureState());
    this.ring.slots.forEach((slot, i) => (state[`ring.${i}`] = slot.slice()));
    this.weights.forEach((w, i) => (state[`weights.${i}`] = w.slice()));
    this.rules.forEach((rule, i) => {
      if (rule === null) return;
      for (const [key, value] of Object.entries(rule.getState())) state[`rule.${i}.${key}`] = value.slice();
    });
    this.envelopes.forEach((envelope, i) => {
      if (envelope === null) return;
      for (const [key, value] of Object.entries(envelope.getState()))
        state[`envelope.${i}.${key}`] = value.slice();
    });
    Object.assign(state, this.history.captureState());
    state['random.learning'] = this.learningRandom.getState();
    if (this.eprop !== null) {
      for (const [key, value] of Object.entries(this.eprop.getState())) state[`eprop.${key}`] = value.slice();
    }
    state['epropTarget'] = new Float64Array(this.epropTarget === null ? [] : [this.epropTarget]);
    this.taskRewards.forEach((tracker, n) => {
      state[`task.${n}.counts`] = tracker.counts.slice();
      state[`task.${n}.firstSpike`] = tracker.firstSpike.slice();
      state[`task.${n}.score`] = tracker.score.slice();
    });
    this.stimuli.forEach((stimulus, i) => {
      for (const [key, value] of Object.entries(stimulus.getState())) state[`stimulus.${i}.${key}`] = value;
    });
    state['counters'] = new Float64Array(Object.values(this.counters));
    state['spikeTotals'] = this.spikeTotals.slice();
    state['injected'] = new Float64Array(
      [...this.injected.entries()].flatMap(([tick, list]) => list.flatMap((g) => [tick, g])),
    );
    return state;
  }

  /** Restores a state captured by `captureState` from a simulator of the same program and seed. */
  restoreState(state: SimulatorState): void {
    const get = (key: string): SimulatorState[string] => {
      const value = state[key];
      if (value === undefined) throw new Error(`checkpoint is missing the state array "${key}"`);
      return value;
    };
    const read = (key: string, into: { set(values: ArrayLike<number>): void; length: number }): void => {
      const value = get(key);
      if (value.length !== into.length) {
        throw new Error(
          `checkpoint array "${key}" has ${value.length} values, the network needs ${into.length}`,
        );
      }
      into.set(value);
    };

    const [tick, reward] = get('tick');
    this.tick = tick!;
    this.pendingReward = reward!;
    this.neurons.restoreState(read);
    this.ring.slots.forEach((slot, i) => read(`ring.${i}`, slot));
    this.weights.forEach((w, i) => read(`weights.${i}`, w));
    this.rules.forEach((rule, i) => {
      if (rule === null) return;
      const prefix = `rule.${i}.`;
      const ruleState: Record<string, Float64Array | Int32Array | Int8Array | Uint32Array> = {};
      for (const [key, value] of Object.entries(state)) {
        if (key.startsWith(prefix) && !(value instanceof Uint8Array))
          ruleState[key.slice(prefix.length)] = value;
      }
      rule.setState(ruleState);
    });
    this.envelopes.forEach((envelope, i) => {
      if (envelope === null) return;
      const prefix = `envelope.${i}.`;
      const envelopeState: Record<string, Float64Array | Int32Array | Int8Array | Uint32Array> = {};
      for (const [key, value] of Object.entries(state)) {
        if (key.startsWith(prefix) && !(value instanceof Uint8Array))
          envelopeState[key.slice(prefix.length)] = value;
      }
      envelope.setState(envelopeState);
    });
    this.history.restoreState((key) => state[key] as Float64Array | Int32Array | undefined);
    this.learningRandom.setState(get('random.learning') as Uint32Array);
    if (this.eprop !== null) {
      const epropState: Record<string, Float64Array | Int32Array | Int8Array | Uint32Array> = {};
      for (const [key, value] of Object.entries(state)) {
        if (key.startsWith('eprop.') && !(value instanceof Uint8Array)) epropState[key.slice(6)] = value;
      }
      this.eprop.setState(epropState);
    }
    const target = state['epropTarget'];
    this.epropTarget = target === undefined || target.length === 0 ? null : target[0]!;
    this.taskRewards.forEach((tracker, n) => {
      read(`task.${n}.counts`, tracker.counts);
      read(`task.${n}.firstSpike`, tracker.firstSpike);
      read(`task.${n}.score`, tracker.score);
    });
    this.stimuli.forEach((stimulus, i) => {
      const prefix = `stimulus.${i}.`;
      const stimulusState: SimulatorState = {};
      for (const [key, value] of Object.entries(state)) {
        if (key.startsWith(prefix)) stimulusState[key.slice(prefix.length)] = value;
      }
      stimulus.setState(stimulusState as never);
    });

    const counterValues = get('counters');
    Object.keys(this.counters).forEach((key, i) => {
      (this.counters as unknown as Record<string, number>)[key] = counterValues[i]!;
    });
    read('spikeTotals', this.spikeTotals);
    this.injected.clear();
    const injected = get('injected');
    for (let k = 0; k < injected.length; k += 2) {
      const list = this.injected.get(injected[k]!) ?? [];
      list.push(injected[k + 1]!);
      this.injected.set(injected[k]!, list);
    }
  }
}

/**
 * Adds the weights of the spikes `first..last-1` of `spikeList` into `slot` and returns the
 * synapses touched. A mantissa times 2^wExp is at most 2^15 in magnitude, so the shift is exact.
 */
function deliverFixed(
  slot: Int32Array,
  weights: Int8Array,
  wExp: number,
  projection: ProjectionProgram,
  spikeList: Int32Array,
  first: number,
  last: number,
  sourceOffset: number,
  targetOffset: number,
): number {
  const { rowPtr, post } = projection;
  let touched = 0;
  for (let k = first; k < last; k++) {
    const i = spikeList[k]! - sourceOffset;
    const start = rowPtr[i]!;
    const stop = rowPtr[i + 1]!;
    touched += stop - start;
    for (let s = start; s < stop; s++) slot[targetOffset + post[s]!]! += weights[s]! << wExp;
  }
  return touched;
}

/** Adds float weights into `slot` like `deliverFixed` and returns the synapses touched. */
function deliverFloat(
  slot: Float64Array,
  weights: Float64Array,
  scale: number,
  projection: ProjectionProgram,
  spikeList: Int32Array,
  first: number,
  last: number,
  sourceOffset: number,
  targetOffset: number,
): number {
  const { rowPtr, post } = projection;
  let touched = 0;
  for (let k = first; k < last; k++) {
    const i = spikeList[k]! - sourceOffset;
    const start = rowPtr[i]!;
    const stop = rowPtr[i + 1]!;
    touched += stop - start;
    for (let s = start; s < stop; s++) slot[targetOffset + post[s]!]! += weights[s]! * scale;
  }
  return touched;
}
