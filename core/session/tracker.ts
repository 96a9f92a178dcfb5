/**
 * Progress of a run beyond the simulator's own state: which data sample is showing, how many are
 * done, the readout's running accuracy, and the events (rollbacks, refused updates, warnings) that
 * the run log keeps.
 *
 * The accuracy scores the spec's readout. `kind: linear` on a population that e-prop trains is
 * scored by the trained readout itself (`LinearReadout`: largest output summed over the rest
 * ticks). Every other readout, `kind: vote` and also `kind: linear` without e-prop (no rule of the
 * core trains a linear map then), is scored by the spike-count vote (`VoteReadout`), as before.
 */
import type { Program } from '../program';
import type { StimulusSource } from '../sim/stimulus';
import { DataStimulus } from '../sim/data-stimulus';
import { VoteReadout } from './vote-readout';
import { LinearReadout } from './linear-readout';

/** Returns the outputs of the trained linear readout at the current tick. */
export type ReadoutOutputs = () => ArrayLike<number>;

/** Readout that the running accuracy scores. */
export type AccuracyKind = 'vote' | 'linear';

export interface RunEvent {
  tick: number;
  kind: string;
  data: Record<string, unknown>;
}

type StateArrays = Record<string, Float64Array | Uint8Array | Int32Array | Uint32Array | Int8Array>;

export class RunTracker {
  private readonly data: DataStimulus | null;
  private readonly readout: VoteReadout | null;
  private readonly linear: LinearReadout | null;
  private readonly outputs: ReadoutOutputs | null;
  private readonly readoutOffset: number;
  private readonly readoutSize: number;
  private events: RunEvent[] = [];
  samplesDone = 0;

  /** `outputs` reads the e-prop readout when one is trained, else null. */
  constructor(program: Program, stimuli: StimulusSource[], outputs: ReadoutOutputs | null = null) {
    this.data = stimuli.find((s): s is DataStimulus => s instanceof DataStimulus) ?? null;

    const readoutSpec = program.spec.readout;
    const population = readoutSpec
      ? program.populations.find((p) => p.name === readoutSpec.population)
      : undefined;
    this.readoutOffset = population?.offset ?? 0;
    this.readoutSize = population?.size ?? 0;
    const scored = population !== undefined && this.data !== null;
    const linear = scored && readoutSpec?.kind === 'linear' && outputs !== null;
    this.outputs = linear ? outputs : null;
    this.linear = linear ? new LinearReadout(readoutSpec?.classes ?? 10) : null;
    this.readout = scored && !linear ? new VoteReadout(population.size, readoutSpec?.classes ?? 10) : null;
  }

  /** The readout the accuracy scores, or null when there is no accuracy. */
  get accuracyKind(): AccuracyKind | null {
    if (this.linear !== null) return 'linear';
    return this.readout !== null ? 'vote' : null;
  }

  /** Ticks of the whole data stream, or null when no data stimulus drives the network. */
  streamTicks(): number | null {
    if (this.data === null) return null;
    return this.data.samples * (this.data.presentTicks + this.data.restTicks);
  }

  /** Observes tick `tick`; returns true when it ended a sample presentation. */
  afterTick(tick: number, spiked: Uint8Array): boolean {
    if (this.data === null) return false;
    const period = this.data.presentTicks + this.data.restTicks;
    const step = (tick - 1) % period;
    if (this.readout !== null && step < this.data.presentTicks) {
      this.readout.observe(spiked.subarray(this.readoutOffset, this.readoutOffset + this.readoutSize));
    }
    // The read ticks are the rest ticks, or the whole period when the stream has no rest ticks.
    if (this.linear !== null && (step >= this.data.presentTicks || this.data.restTicks === 0)) {
      this.linear.observe(this.outputs!());
    }
    if (step === period - 1) {
      const sample = (tick - 1 - step) / period;
      const label = this.data.labelOfSample(sample);
      this.readout?.endPresentation(label);
      this.linear?.endPresentation(label);
      this.samplesDone = sample + 1;
      return true;
    }
    return false;
  }

  accuracy(): number | null {
    return (this.linear ?? this.readout)?.recentAccuracy() ?? null;
  }

  record(event: RunEvent): void {
    this.events.push(event);
  }

  drainEvents(): RunEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  getState(): StateArrays {
    const state: StateArrays = { samplesDone: new Float64Array([this.samplesDone]) };
    const readout = this.linear ?? this.readout;
    if (readout !== null) {
      for (const [key, value] of Object.entries(readout.getState())) state[`readout.${key}`] = value;
    }
    return state;
  }

  setState(state: StateArrays): void {
    this.samplesDone = state['samplesDone']?.[0] ?? 0;
    const readout = this.linear ?? this.readout;
    if (readout === null) return;
    const readoutState: StateArrays = {};
    for (const [key, value] of Object.entries(state)) {
      if (key.startsWith('readout.')) readoutState[key.slice('readout.'.length)] = value;
    }
    readout.setState(readoutState);
  }
}
