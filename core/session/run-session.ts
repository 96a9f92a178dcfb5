/**
 * A run of a network as the platform executes it: created from a spec and a seed, advanced chunk
 * by chunk, checkpointed to safetensors bytes and resumed from them bit for bit.
 *
 * The chunk size never changes the result: a chunk only decides when a report is taken. Rewards
 * and injected spikes are applied at the tick after the chunk boundary at which they arrive,
 * and they are part of the checkpoint.
 */
import { createHash } from 'node:crypto';
import type { Spec } from '../spec/schema';
import type { NumericMode, Program } from '../program';
import { compile } from '../compile/compile';
import { Simulator } from '../sim/simulator';
import type { SimulatorState } from '../sim/simulator';
import { buildStimuli } from '../sim/build-stimuli';
import type { StimulusSource } from '../sim/stimulus';
import { estimateEnergy } from '../energy/estimate';
import type { Counters } from '../energy/counters';
import type { RecordedWeights } from '../sim/recorder';
import { encodeSafetensors, decodeSafetensors } from '../snapshot/safetensors';
import type { NamedTensor } from '../snapshot/safetensors';
import { CORE_VERSION } from '../version';
import { RunTracker } from './tracker';
import { runFigures } from '../run/figures';
import type { AccuracyKind, RunEvent } from './tracker';
import { PresentationNormalizer } from './presentation-normalizer';

export interface RunOptions {
  seed: number;
  mode?: NumericMode;
  /** Length of the run; defaults to the data stream's length (samples x (present + rest ticks)). */
  ticks?: number;
}

export interface ChunkReport {
  tick: number;
  totalTicks: number;
  samplesDone: number;
  accuracy: number | null;
  /** Spikes per population during this chunk. */
  spikeCounts: Record<string, number>;
  /** Recorded spikes of this chunk as `[tick, neuron]`, per recorded population. */
  raster: { population: string; spikes: [number, number][] }[];
  /** Weight samples of this chunk (`record.weights`), in synapse order. */
  weights: RecordedWeights[];
  counters: Counters;
  energyJ: number;
  events: RunEvent[];
}

/** Returns the SHA-256 of a spec's canonical JSON (keys sorted), which names the network in checkpoints. */
export function specHash(spec: Spec): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(spec)))
    .digest('hex');
}

export class RunSession {
  readonly spec: Spec;
  readonly program: Program;
  readonly seed: number;
  readonly totalTicks: number;
  readonly simulator: Simulator;
  private readonly stimuli: StimulusSource[];
  private readonly tracker: RunTracker;
  private readonly normalizer: PresentationNormalizer | null;

  private constructor(spec: Spec, options: RunOptions) {
    this.spec = spec;
    this.seed = options.seed;
    this.program = compile(spec, { seed: options.seed, mode: options.mode ?? spec.chip.mode });
    this.stimuli = buildStimuli(this.program, options.seed);
    this.simulator = new Simulator(this.program, { seed: options.seed, stimuli: this.stimuli });
    const eprop = this.simulator.eprop;
    this.tracker = new RunTracker(this.program, this.stimuli, eprop === null ? null : () => eprop.readout());
    // Normalised once before tick 1 as well; a resumed run then overwrites the weights.
    this.normalizer = PresentationNormalizer.create(this.program, this.simulator.weights);
    this.normalizer?.afterTick(0);

    const streamTicks = this.tracker.streamTicks();
    const ticks = options.ticks ?? streamTicks;
    if (ticks === null || !Number.isSafeInteger(ticks) || ticks < 1) {
      throw new RangeError(
        `a run needs a length: set ticks to a positive integer (got ${String(ticks)}) or give the spec a data stimulus`,
      );
    }
    this.totalTicks = ticks;
  }

  static create(spec: Spec, options: RunOptions): RunSession {
    return new RunSession(spec, options);
  }

  /** Rebuilds a session from checkpoint bytes written by `checkpoint()` for the same spec. */
  static resume(spec: Spec, checkpoint: Uint8Array): RunSession {
    const { tensors, metadata } = decodeSafetensors(checkpoint);
    const hash = specHash(spec);
    if (metadata['specHash'] !== hash) {
      throw new Error(
        `checkpoint belongs to spec ${metadata['specHash'] ?? 'unknown'}, not to this spec (${hash})`,
      );
    }
    if (metadata['coreVersion'] !== CORE_VERSION) {
      throw new Error(
        `checkpoint was written by core ${metadata['coreVersion'] ?? 'unknown'}, this is core ${CORE_VERSION}`,
      );
    }
    const session = new RunSession(spec, {
      seed: Number(metadata['seed']),
      mode: metadata['mode'] as NumericMode,
      ticks: Number(metadata['totalTicks']),
    });

    const state: SimulatorState = {};
    const trackerState: SimulatorState = {};
    for (const [name, tensor] of Object.entries(tensors)) {
      if (name.startsWith('tracker.')) trackerState[name.slice('tracker.'.length)] = tensor.data as never;
      else if (name.startsWith('state.')) state[name.slice('state.'.length)] = tensor.data as never;
    }
    session.simulator.restoreState(state);
    session.tracker.setState(trackerState);
    return session;
  }

  get tick(): number {
    return this.simulator.tick;
  }

  /** The readout the reported accuracy scores (`RunTracker`), or null when the run has none. */
  get accuracyKind(): AccuracyKind | null {
    return this.tracker.accuracyKind;
  }

  get done(): boolean {
    return this.simulator.tick >= this.totalTicks;
  }

  injectReward(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`reward must be a finite number, got ${value}`);
    this.simulator.injectReward(value);
    this.simulator.observeMetric('reward', value);
  }

  /** Freezes (`false`) or thaws (`true`) the learning of a plastic projection that has an envelope. */
  setPlastic(projection: string, plastic: boolean): void {
    this.simulator.setPlastic(projection, plastic);
  }

  /** Makes neurons of input population `population` spike at ticks counted from the next tick (offset 0). */
  injectSpikes(population: string, spikes: [number, number][]): void {
    const target = this.program.populations.find((p) => p.name === population);
    if (target === undefined) throw new RangeError(`population "${population}" does not exist`);
    if (target.kind !== 'input')
      throw new RangeError(`population "${population}" is not an input population`);
    for (const [offset, neuron] of spikes) {
      if (!Number.isInteger(neuron) || neuron < 0 || neuron >= target.size) {
        throw new RangeError(
          `neuron ${neuron} is outside population "${population}" (0..${target.size - 1})`,
        );
      }
      if (!Number.isInteger(offset) || offset < 0)
        throw new RangeError(`tick offset must be an integer >= 0, got ${offset}`);
      this.simulator.injectSpike(this.simulator.tick + 1 + offset, target.offset + neuron);
    }
  }

  /** Runs up to `maxTicks` more ticks (never past the end) and reports what happened. */
  advance(maxTicks: number): ChunkReport {
    const ticks = Math.max(0, Math.min(maxTicks, this.totalTicks - this.simulator.tick));
    const spikesBefore = this.simulator.spikeTotals.slice();
    for (let i = 0; i < ticks; i++) {
      this.simulator.step();
      this.tracker.afterTick(this.simulator.tick, this.simulator.spiked);
      if (this.normalizer !== null)
        this.simulator.counters.learningUpdates += this.normalizer.afterTick(this.simulator.tick);
    }

    const spikeCounts: Record<string, number> = {};
    this.program.populations.forEach((p) => {
      spikeCounts[p.name] = this.simulator.spikeTotals[p.index]! - spikesBefore[p.index]!;
    });
    const raster = this.simulator.spikeRecorder.drain().map(({ population, spikes }) => {
      const pairs: [number, number][] = [];
      for (let k = 0; k < spikes.length; k += 2) pairs.push([spikes[k]!, spikes[k + 1]!]);
      return { population, spikes: pairs };
    });

    return {
      tick: this.simulator.tick,
      totalTicks: this.totalTicks,
      samplesDone: this.tracker.samplesDone,
      accuracy: this.tracker.accuracy(),
      spikeCounts,
      raster,
      weights: this.simulator.weightRecorder.drain(),
      counters: { ...this.simulator.counters },
      energyJ: estimateEnergy(this.simulator.counters).joules,
      events: [
        ...this.tracker.drainEvents(),
        ...this.simulator.drainEvents().map(({ tick, kind, projection, data }) => ({
          tick,
          kind,
          data: { projection, ...data },
        })),
      ],
    };
  }

  /** Serialises the whole state (neurons, weights, traces, delay ring, random streams, data cursor). */
  checkpoint(): Uint8Array {
    const tensors: Record<string, NamedTensor> = {};
    for (const [name, data] of Object.entries(this.simulator.captureState()))
      tensors[`state.${name}`] = { data };
    for (const [name, data] of Object.entries(this.tracker.getState())) tensors[`tracker.${name}`] = { data };
    this.program.projections.forEach((projection, i) => {
      tensors[`weights.${projection.name}`] = { data: this.simulator.weights[i]!.slice() };
    });

    return encodeSafetensors(tensors, {
      format: 'livenet-checkpoint',
      specHash: specHash(this.spec),
      tick: String(this.simulator.tick),
      seed: String(this.seed),
      mode: this.program.mode,
      totalTicks: String(this.totalTicks),
      coreVersion: CORE_VERSION,
    });
  }

  summary(): Record<string, unknown> {
    const energy = estimateEnergy(this.simulator.counters);
    return {
      ticks: this.simulator.tick,
      samplesDone: this.tracker.samplesDone,
      accuracy: this.tracker.accuracy(),
      accuracyKind: this.tracker.accuracyKind,
      spikes: Object.fromEntries(
        this.program.populations.map((p) => [p.name, this.simulator.spikeTotals[p.index]!]),
      ),
      counters: { ...this.simulator.counters },
      energyEstimateJ: energy.joules,
      energyTable: energy.table.id,
      energyLabel: energy.label,
      figures: runFigures(this.program, this.simulator.counters, {
        neuronSpikes: this.program.populations
          .filter((p) => p.kind !== 'input')
          .reduce((sum, p) => sum + this.simulator.spikeTotals[p.index]!, 0),
        ticks: this.simulator.tick,
        samples: Math.max(1, this.tracker.samplesDone),
      }),
      coreVersion: CORE_VERSION,
    };
  }
}
