/**
 * The random-draw loops of the WebAssembly module (`assembly/random.ts`), bit-identical to their
 * TypeScript references: the Poisson encoder's one Bernoulli draw per input, and the stochastic
 * decay of fixed-mode traces. A CPU profile put about half of a Diehl and Cook training tick in
 * these draws, and the compiled xoshiro128** drew 3.7 times as fast in a microbenchmark.
 *
 * Each kernel is its own module instance. Its memory contains the stream's four state words and the
 * kernel's arrays, handed out as views that stay valid for the kernel's life. A call copies the
 * stream's state in and back out, so the stream goes on exactly where the loop stopped:
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

export interface BernoulliKernel {
  /** `p_i * 2^32` for input i, in kernel memory. */
  readonly thresholds: Float64Array;
  /** Spike bytes of the last `draw`, in kernel memory. */
  readonly out: Uint8Array;
  /** Takes one draw per input from `stream`, writes `out` and returns how many fired. */
  draw(stream: RandomStream): number;
}

export interface StochasticDecayKernel {
  /** Values decayed in place, in kernel memory; 24-bit magnitudes at most. */
  readonly values: Int32Array;
  /** Keeps `factor / 4096` of every value, rounding with draws from `stream` as `decayAllStochastic`. */
  decay(stream: RandomStream, factor: number): void;
}

interface Instance {
  exports: WebAssembly.Exports;
  buffer: ArrayBuffer;
  state: Uint32Array;
  /** First free, aligned byte after the state words. */
  start: number;
}

function instantiate(bytes: number): Instance {
  const exports = new WebAssembly.Instance(lifModule(), {}).exports;
  const memory = exports.memory as WebAssembly.Memory;
  const base = Math.ceil(exportedFunction<() => number>(exports, 'heapBase')() / ALIGNMENT) * ALIGNMENT;
  const end = base + STATE_BYTES + bytes;
  const missingPages = Math.ceil(end / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) memory.grow(missingPages);
  const buffer = memory.buffer;
  return { exports, buffer, state: new Uint32Array(buffer, base, 4), start: base + STATE_BYTES };
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > 2 ** 28) {
    throw new RangeError(`kernel size: expected an integer in 0..${2 ** 28}, got ${size}`);
  }
}

/** Creates a Bernoulli kernel for `size` inputs. */
export function createBernoulliKernel(size: number): BernoulliKernel {
  checkSize(size);
  const { exports, buffer, state, start } = instantiate(size * 9);
  const thresholds = new Float64Array(buffer, start, size);
  const out = new Uint8Array(buffer, start + size * 8, size);
  const bernoulli = exportedFunction<(s: number, t: number, o: number, n: number) => number>(
    exports,
    'bernoulli',
  );

  return {
    thresholds,
    out,
    draw(stream: RandomStream): number {
      stream.copyStateTo(state);
      const fired = bernoulli(state.byteOffset, thresholds.byteOffset, out.byteOffset, size);
      stream.setState(state);
      return fired;
    },
  };
}

/** Creates a stochastic decay kernel for `size` values. */
export function createStochasticDecayKernel(size: number): StochasticDecayKernel {
  checkSize(size);
  const { exports, buffer, state, start } = instantiate(size * 4);
  const values = new Int32Array(buffer, start, size);
  const decayStochastic = exportedFunction<(s: number, v: number, n: number, f: number) => void>(
    exports,
    'decayStochastic',
  );

  return {
    values,
    decay(stream: RandomStream, factor: number): void {
      if (!Number.isInteger(factor) || factor < 0 || factor > 4096) {
        throw new RangeError(`decay factor: expected an integer in 0..4096, got ${factor}`);
      }
      stream.copyStateTo(state);
      decayStochastic(state.byteOffset, values.byteOffset, size, factor);
      stream.setState(state);
    },
  };
}
