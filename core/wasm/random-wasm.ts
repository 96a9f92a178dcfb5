/**
 * The random-draw loops of the WebAssembly module (`assembly/random.ts`), bit-identical to their
 * TypeScript references: the Poisson encoder's one Bernoulli draw per input, and the stochastic
 * decay of fixed-mode traces. A CPU profile put about half of a Diehl and Cook training tick in
 * these draws, and the compiled xoshiro128** drew 3.7 times as fast in a microbenchmark.
 *
 * Every kernel of a process shares one module instance, because V8 reserves gigabytes of address
 * space for each WebAssembly memory: one instance per kernel ran a test process out of memory.
 * A kernel's arrays are plain typed arrays. A call copies them and the stream's state into the
 * shared memory and the results back out, so the stream goes on exactly where the loop stopped:
 *
 *     const kernel = createBernoulliKernel(784);
 *     kernel.thresholds.set(limits);        // p_i * 2^32
 *     const fired = kernel.draw(stream);    // kernel.out[i] is 1 when draw i < limits[i]
 */
import type { RandomStream } from '../random';
import { exportedFunction, lifModule } from './lif-wasm';

const PAGE_BYTES = 65536;
const STATE_BYTES = 16;
const ALIGNMENT = 16;
const MAX_SIZE = 2 ** 28;

export interface BernoulliKernel {
  /** `p_i * 2^32` for input i. */
  readonly thresholds: Float64Array;
  /** Spike bytes of the last `draw`. */
  readonly out: Uint8Array;
  /** Takes one draw per input from `stream`, writes `out` and returns how many fired. */
  draw(stream: RandomStream): number;
}

export interface StochasticDecayKernel {
  /** Values decayed in place; 24-bit magnitudes at most. */
  readonly values: Int32Array;
  /** Keeps `factor / 4096` of every value, rounding with draws from `stream` as `decayAllStochastic`. */
  decay(stream: RandomStream, factor: number): void;
}

interface SharedInstance {
  memory: WebAssembly.Memory;
  bernoulli: (state: number, thresholds: number, out: number, n: number) => number;
  decayStochastic: (state: number, values: number, n: number, factor: number) => void;
  /** Address of the four state words; the arrays start right after them. */
  base: number;
}

let shared: SharedInstance | null = null;

/** Returns the process's shared instance with room for `bytes` of arrays, growing its memory if needed. */
function sharedInstance(bytes: number): SharedInstance {
  if (shared === null) {
    const exports = new WebAssembly.Instance(lifModule(), {}).exports;
    const heapBase = exportedFunction<() => number>(exports, 'heapBase')();
    shared = {
      memory: exports.memory as WebAssembly.Memory,
      bernoulli: exportedFunction(exports, 'bernoulli'),
      decayStochastic: exportedFunction(exports, 'decayStochastic'),
      base: Math.ceil(heapBase / ALIGNMENT) * ALIGNMENT,
    };
  }
  const missingPages =
    Math.ceil((shared.base + STATE_BYTES + bytes) / PAGE_BYTES) -
    shared.memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) shared.memory.grow(missingPages);
  return shared;
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SIZE) {
    throw new RangeError(`kernel size: expected an integer in 0..${MAX_SIZE}, got ${size}`);
  }
}

/** Creates a Bernoulli kernel for `size` inputs. */
export function createBernoulliKernel(size: number): BernoulliKernel {
  checkSize(size);
  const thresholds = new Float64Array(size);
  const out = new Uint8Array(size);

  return {
    thresholds,
    out,
    draw(stream: RandomStream): number {
      const instance = sharedInstance(size * 9);
      const buffer = instance.memory.buffer;
      const state = new Uint32Array(buffer, instance.base, 4);
      const thresholdsAt = instance.base + STATE_BYTES;
      const outAt = thresholdsAt + size * 8;
      new Float64Array(buffer, thresholdsAt, size).set(thresholds);

      stream.copyStateTo(state);
      const fired = instance.bernoulli(instance.base, thresholdsAt, outAt, size);
      stream.setState(state);
      out.set(new Uint8Array(buffer, outAt, size));
      return fired;
    },
  };
}

/** Creates a stochastic decay kernel for `size` values. */
export function createStochasticDecayKernel(size: number): StochasticDecayKernel {
  checkSize(size);
  const values = new Int32Array(size);

  return {
    values,
    decay(stream: RandomStream, factor: number): void {
      if (!Number.isInteger(factor) || factor < 0 || factor > 4096) {
        throw new RangeError(`decay factor: expected an integer in 0..4096, got ${factor}`);
      }
      const instance = sharedInstance(size * 4);
      const buffer = instance.memory.buffer;
      const state = new Uint32Array(buffer, instance.base, 4);
      const valuesAt = instance.base + STATE_BYTES;
      const view = new Int32Array(buffer, valuesAt, size);
      view.set(values);

      stream.copyStateTo(state);
      instance.decayStochastic(instance.base, valuesAt, size, factor);
      stream.setState(state);
      values.set(view);
    },
  };
}
