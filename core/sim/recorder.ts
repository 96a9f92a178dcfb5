/**
 * Recordings of a run: spikes of the populations the spec lists (always every spike) and sampled
 * state variables every N ticks. Buffers grow and are drained by the caller, chunk by chunk, so a
 * long run does not keep its whole history in memory.
 */
import type { Program } from '../program';
import type { NeuronBank } from './neuron-bank';

export class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  drain(): Int32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

export interface RecordedSpikes {
  population: string;
  /** Tick and local neuron index of each spike, interleaved: [t0, n0, t1, n1, ...]. */
  spikes: Int32Array;
}

export class SpikeRecorder {
  private readonly populations: { name: string; offset: number; size: number; buffer: GrowableInt32 }[];

  constructor(program: Program) {
    const names = new Set(program.spec.record?.spikes ?? []);
    this.populations = program.populations
      .filter((p) => names.has(p.name))
      .map((p) => ({ name: p.name, offset: p.offset, size: p.size, buffer: new GrowableInt32() }));
  }

  record(tick: number, spiked: Uint8Array): void {
    for (const population of this.populations) {
      for (let i = 0; i < population.size; i++) {
        if (spiked[population.offset + i] === 0) continue;
        population.buffer.push(tick);
        population.buffer.push(i);
      }
    }
  }

  drain(): RecordedSpikes[] {
    return this.populations.map((p) => ({ population: p.name, spikes: p.buffer.drain() }));
  }
}

export type StateVariable = 'u' | 'v' | 'threshold';

export interface RecordedState {
  population: string;
  variable: StateVariable;
  /** Ticks of the samples. */
  ticks: number[];
  /** One row per sample, one value per neuron. */
  values: number[][];
}

export class StateRecorder {
  private readonly requests: {
    population: number;
    variable: StateVariable;
    every: number;
    out: RecordedState;
  }[];
  private readonly bank: NeuronBank;

  constructor(program: Program, bank: NeuronBank) {
    this.bank = bank;
    this.requests = [];
    for (const request of program.spec.record?.state ?? []) {
      const population = program.populations.find((p) => p.name === request.population);
      if (population === undefined || population.kind === 'input') continue;
      for (const variable of request.vars) {
        this.requests.push({
          population: population.index,
          variable,
          every: request.every ?? 1,
          out: { population: population.name, variable, ticks: [], values: [] },
        });
      }
    }
  }

  record(tick: number): void {
    for (const request of this.requests) {
      if (tick % request.every !== 0) continue;
      const state = this.bank.states[request.population];
      if (state === null || state === undefined) continue;
      const source =
        request.variable === 'u' ? state.u : request.variable === 'v' ? state.v : state.thresholdOffset;
      request.out.ticks.push(tick);
      request.out.values.push(Array.from(source));
    }
  }

  drain(): RecordedState[] {
    return this.requests.map((r) => {
      const out = { ...r.out };
      r.out = { population: out.population, variable: out.variable, ticks: [], values: [] };
      return out;
    });
  }
}

export interface RecordedWeights {
  tick: number;
  projection: string;
  /** Weights in synapse (CSR) order: mantissas in fixed mode, reals in float mode. */
  values: Int8Array | Float64Array;
}

/** Copies the weights of the requested projections (default: the plastic ones) every N ticks. */
export class WeightRecorder {
  private readonly every: number;
  private readonly projections: { index: number; name: string }[];
  private samples: RecordedWeights[] = [];

  constructor(program: Program) {
    const request = program.spec.record?.weights;
    this.every = request?.every ?? 0;
    const names = request?.projections;
    this.projections = program.projections
      .filter((p) => (names === undefined ? p.learning !== null : names.includes(p.name)))
      .map((p) => ({ index: p.index, name: p.name }));
  }

  record(tick: number, weights: readonly (Int8Array | Float64Array)[]): void {
    if (this.every === 0 || tick % this.every !== 0) return;
    for (const { index, name } of this.projections) {
      this.samples.push({ tick, projection: name, values: weights[index]!.slice() });
    }
  }

  drain(): RecordedWeights[] {
    const out = this.samples;
    this.samples = [];
    return out;
  }
}
