/**
 * Spike traces of one side of a projection (one trace per pre- or postsynaptic neuron).
 *
 * Every tick each trace decays, then jumps on its neuron's event:
 *
 *     float:  x = exp(-dtMs / tauMs) * x;          on an event x = x + 1
 *     fixed:  x = sround(x * (4096 - d) / 4096);   on an event x = min(x + 256, 65535)
 *
 * with `d` the 12-bit register of tau and `sround` the stochastic rounding of `./fixed-point`.
 * Decays run in neuron index order, so the draws they take from the learning stream are
 * deterministic. A fixed trace reads as an integer with 8 fraction bits (256 = one event).
 * Fixed traces decay in the WebAssembly kernel of `../wasm/random-wasm` by default, whose values
 * array is the bank's. With `engine: 'ts'` they decay in the TypeScript
 * reference `decayAllStochastic`, which gives the same values and takes the same draws.
 */
import type { RandomStream } from '../random';
import { DECAY_ONE, decayFactorFromTau, decayRegisterFromTau } from '../fixed/arith';
import type { StochasticDecayKernel } from '../wasm/random-wasm';
import { createStochasticDecayKernel } from '../wasm/random-wasm';
import { decayAllStochastic, TRACE_MAX, TRACE_ONE } from './fixed-point';

const TRACE_STEP = TRACE_ONE;
const TRACE_LIMIT = TRACE_MAX;

export interface TraceBank {
  /** Trace values by neuron: reals in float mode, 8-fraction-bit integers in fixed mode. */
  readonly values: Float64Array | Int32Array;
  /** Decays every trace by one tick. */
  decay(): void;
  /** Adds one event to neuron `index`'s trace. */
  jump(index: number): void;
}

export class FloatTraceBank implements TraceBank {
  readonly values: Float64Array;
  private readonly factor: number;

  constructor(size: number, tauMs: number, dtMs: number, path: string) {
    this.values = new Float64Array(size);
    this.factor = decayFactorFromTau(tauMs, dtMs, path);
  }

  decay(): void {
    const values = this.values;
    const factor = this.factor;
    for (let i = 0; i < values.length; i++) values[i]! *= factor;
  }

  jump(index: number): void {
    this.values[index]! += 1;
  }
}

export class FixedTraceBank implements TraceBank {
  readonly values: Int32Array;
  /** 12-bit decay register of the time constant. */
  readonly decayRegister: number;
  private readonly random: RandomStream;
  private readonly kernel: StochasticDecayKernel | null;

  constructor(
    size: number,
    tauMs: number,
    dtMs: number,
    path: string,
    random: RandomStream,
    engine: 'wasm' | 'ts' = 'wasm',
  ) {
    this.kernel = engine === 'wasm' ? createStochasticDecayKernel(size) : null;
    this.values = this.kernel?.values ?? new Int32Array(size);
    this.decayRegister = decayRegisterFromTau(tauMs, dtMs, path);
    this.random = random;
  }

  decay(): void {
    if (this.kernel === null) decayAllStochastic(this.values, this.decayRegister, this.random);
    else this.kernel.decay(this.random, DECAY_ONE - this.decayRegister);
  }

  jump(index: number): void {
    // Saturates instead of wrapping: a wrapped trace would turn a burst into no pairing at all.
    this.values[index] = Math.min(this.values[index]! + TRACE_STEP, TRACE_LIMIT);
  }
}
