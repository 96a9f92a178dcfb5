/**
 * The neuron state of every population, and the per-tick update that dispatches each population
 * to its kernel (fixed or float, LIF or ALIF). Input populations have no state: their spikes come
 * from a stimulus and are already set in `spiked` when `update` runs.
 */
import type { Program, PopulationProgram } from '../program';
import type { InputArray } from './ring';
import { createFixedNeuronState, createFloatNeuronState, stepFixedLif, stepFloatLif } from '../neuron/lif';
import type { FixedNeuronState, FloatNeuronState, NeuronActivity } from '../neuron/lif';
import type { WasmLifKernel } from '../wasm/lif-wasm';

export interface UpdateCounts {
  /** Neurons with a non-zero synaptic current or membrane potential after the update, or a spike. */
  active: number;
  /** The other neurons of non-input populations: their state stayed all zero. */
  idle: number;
}

type State = FixedNeuronState | FloatNeuronState;

export class NeuronBank {
  private readonly program: Program;
  readonly states: (State | null)[];
  /** Membrane potential after integration and before reset, per population (float mode only). */
  readonly membraneBeforeReset: (Float64Array | null)[];

  /** The WebAssembly kernel that owns fixed-mode state, or null to run the TypeScript kernel. */
  private readonly kernel: WasmLifKernel | null;
  /** Reused by every update, which allocates nothing; read the counts before the next update. */
  private readonly counts: UpdateCounts = { active: 0, idle: 0 };
  private readonly activity: NeuronActivity = { active: 0 };

  constructor(program: Program, kernel: WasmLifKernel | null = null) {
    this.program = program;
    this.kernel = kernel;
    this.states = program.populations.map((population) => this.createState(population));
    this.membraneBeforeReset = program.populations.map(() => null);
  }

  private createState(population: PopulationProgram): State | null {
    if (population.kind === 'input') return null;
    if (this.program.mode === 'float') return createFloatNeuronState(population.size);
    return this.kernel === null
      ? createFixedNeuronState(population.size)
      : this.kernel.createFixedNeuronState(population.size);
  }

  /** Keeps the membrane potential before reset of population `index` each tick (for e-prop). */
  trackMembraneBeforeReset(index: number): Float64Array {
    const buffer = new Float64Array(this.program.populations[index]!.size);
    this.membraneBeforeReset[index] = buffer;
    return buffer;
  }

  /**
   * Updates every neuron population by one tick. Fixed mode runs the WebAssembly kernel when the
   * bank has one, else the TypeScript kernel; both count active neurons in their update loop.
   */
  update(aIn: InputArray, spiked: Uint8Array): UpdateCounts {
    const counts = this.counts;
    const activity = this.activity;
    counts.active = 0;
    counts.idle = 0;

    for (const population of this.program.populations) {
      const state = this.states[population.index];
      if (state === null || state === undefined || population.model === null) continue;
      const start = population.offset;
      const end = start + population.size;
      const input = aIn.subarray(start, end);
      const out = spiked.subarray(start, end);

      if (this.program.mode === 'fixed') {
        const fixedState = state as FixedNeuronState;
        const fixedInput = input as Int32Array;
        if (this.kernel === null) {
          stepFixedLif(fixedState, population.registers, population.model, fixedInput, out, activity);
        } else {
          this.kernel.stepFixedLif(
            fixedState,
            population.registers,
            population.model,
            fixedInput,
            out,
            activity,
          );
        }
      } else {
        const before = this.membraneBeforeReset[population.index] ?? undefined;
        stepFloatLif(
          state as FloatNeuronState,
          population.float,
          population.model,
          input as Float64Array,
          out,
          before,
        );
        activity.active = countActive(state, out);
      }

      counts.active += activity.active;
      counts.idle += population.size - activity.active;
    }
    return counts;
  }

  captureState(): Record<string, Int32Array | Float64Array | Uint8Array> {
    const out: Record<string, Int32Array | Float64Array | Uint8Array> = {};
    this.states.forEach((state, i) => {
      if (state === null) return;
      out[`neurons.${i}.u`] = state.u.slice();
      out[`neurons.${i}.v`] = state.v.slice();
      out[`neurons.${i}.refractoryLeft`] = state.refractoryLeft.slice();
      out[`neurons.${i}.thresholdOffset`] = state.thresholdOffset.slice();
    });
    return out;
  }

  restoreState(read: (key: string, into: Int32Array | Float64Array | Uint8Array) => void): void {
    this.states.forEach((state, i) => {
      if (state === null) return;
      read(`neurons.${i}.u`, state.u);
      read(`neurons.${i}.v`, state.v);
      read(`neurons.${i}.refractoryLeft`, state.refractoryLeft);
      read(`neurons.${i}.thresholdOffset`, state.thresholdOffset);
    });
  }
}

/** Counts the active neurons of a float population: the float kernel does not count them. */
function countActive(state: State, spiked: Uint8Array): number {
  const { u, v } = state;
  let active = 0;
  for (let i = 0; i < u.length; i++) {
    if (u[i] !== 0 || v[i] !== 0 || spiked[i] !== 0) active++;
  }
  return active;
}
