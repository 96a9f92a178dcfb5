/**
 * Progress of a run beyond the simulator's own state: which data sample is showing, how many are
 * done, the readout's running accuracy, and the events (rollbacks, refused updates, warnings) that
 * the run log keeps.
 */
import type { Program } from '../program';
import type { StimulusSource } from '../sim/stimulus';
import { DataStimulus } from '../sim/data-stimulus';
import { VoteReadout } from './vote-readout';

export interface RunEvent {
  tick: number;
  kind: string;
  data: Record<string, unknown>;
}

type StateArrays = Record<string, Float64Array | Uint8Array | Int32Array | Uint32Array | Int8Array>;

export class RunTracker {
  private readonly data: DataStimulus | null;
  private readonly readout: VoteReadout | null;
  private readonly readoutOffset: number;
  private readonly readoutSize: number;
  private events: RunEvent[] = [];
  samplesDone = 0;

  constructor(program: Program, stimuli: StimulusSource[]) {
    this.data = stimuli.find((s): s is DataStimulus => s instanceof DataStimulus) ?? null;

    const readoutSpec = program.spec.readout;
    const population = readoutSpec
      ? program.populations.find((p) => p.name === readoutSpec.population)
      : undefined;
    this.readoutOffset = population?.offset ?? 0;
    this.readoutSize = population?.size ?? 0;
    this.readout =
      population !== undefined && this.data !== null
        ? new VoteReadout(population.size, readoutSpec?.classes ?? 10)
        : null;
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
    if (step === period - 1) {
      const sample = (tick - 1 - step) / period;
      this.readout?.endPresentation(this.data.labelOfSample(sample));
      this.samplesDone = sample + 1;
      return true;
    }
    return false;
  }

  accuracy(): number | null {
    return this.readout?.recentAccuracy() ?? null;
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
    if (this.readout !== null) {
      for (const [key, value] of Object.entries(this.readout.getState())) state[`readout.${key}`] = value;
    }
    return state;
  }

  setState(state: StateArrays): void {
    this.samplesDone = state['samplesDone']?.[0] ?? 0;
    if (this.readout === null) return;
    const readoutState: StateArrays = {};
    for (const [key, value] of Object.entries(state)) {
      if (key.startsWith('readout.')) readoutState[key.slice('readout.'.length)] = value;
    }
    this.readout.setState(readoutState);
  }
}
