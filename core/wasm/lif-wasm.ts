/**
 * The fixed-point LIF/ALIF kernel compiled to WebAssembly, bit-identical to `stepFixedLif`.
 *
 * The kernel reads and writes population arrays in place inside its own linear memory, so no
 * array is copied per tick. A simulator creates one kernel per run, sized once for all its
 * neurons, and keeps its state, input and spike arrays in that memory:
 *
 *     const kernel = createWasmLifKernel(program.neuronCount);
 *     const aIn = kernel.allocateInt32(program.neuronCount);    // deliver spikes into this
 *     const spiked = kernel.allocateUint8(program.neuronCount);
 *     const state = kernel.createFixedNeuronState(population.size);
 *     kernel.stepFixedLif(state, registers, model, aIn.subarray(a, b), spiked.subarray(a, b));
 *
 * Every array handed to `stepFixedLif` must be a view of this kernel's memory, and a `subarray`
 * of one is fine. Anything else is rejected, because a silent copy would cost more than the
 * update. The memory never grows after creation, so the views stay valid for the kernel's
 * life; restore a snapshot with `view.set(saved)`. Allocations are zero-filled and 16-byte
 * aligned for the four-lane SIMD loads.
 */
import type { NeuronRegisters } from '../program';
import { DECAY_ONE, STATE_SHIFT_SCALE } from '../fixed/arith';
import { checkPopulationLengths } from '../neuron/state';
import type { FixedNeuronState, NeuronActivity } from '../neuron/state';
import type { SpikingModel } from '../neuron/lif';
import { LIF_WASM_BASE64 } from './lif-wasm-bytes';

type StepLif = (
  u: number,
  v: number,
  refractoryLeft: number,
  aIn: number,
  spiked: number,
  size: number,
  currentFactor: number,
  voltageFactor: number,
  bias: number,
  threshold: number,
  refractoryTicks: number,
) => number;

type StepAlif = (
  u: number,
  v: number,
  refractoryLeft: number,
  thresholdOffset: number,
  aIn: number,
  spiked: number,
  size: number,
  currentFactor: number,
  voltageFactor: number,
  offsetFactor: number,
  bias: number,
  threshold: number,
  adaptStep: number,
  refractoryTicks: number,
) => number;

/** Bytes a neuron needs: u, v and offset as int32, one int32 input, a refractory and a spike byte. */
const BYTES_PER_NEURON = 4 * 4 + 2;
const ALIGNMENT = 16;
const PAGE_BYTES = 65536;
/** 32-bit WebAssembly addresses at most 4 GiB of memory. */
const MAX_PAGES = 65536;
/** Room for the padding of up to 4096 aligned allocations. */
const ALIGNMENT_SLACK_BYTES = 4096 * ALIGNMENT;

export interface WasmLifKernel {
  /** Room left, in bytes, for further allocations. */
  readonly freeBytes: number;
  createFixedNeuronState(size: number): FixedNeuronState;
  allocateInt32(length: number): Int32Array;
  allocateUint8(length: number): Uint8Array;
  /**
   * Writes the indices of the non-zero entries of `spiked` to `list` in ascending order and
   * returns their count. Both arrays must live in this kernel's memory, and `list` must be at
   * least as long as `spiked`.
   */
  listSpikes(spiked: Uint8Array, list: Int32Array): number;
  /** Same contract as `stepFixedLif`; every array must live in this kernel's memory. */
  stepFixedLif(
    state: FixedNeuronState,
    registers: NeuronRegisters,
    model: SpikingModel,
    aIn: Int32Array,
    spiked: Uint8Array,
    activity?: NeuronActivity,
  ): number;
}

export interface WasmLifOptions {
  /** Four neurons per step with 128-bit SIMD (default), or one at a time. */
  vectorized?: boolean;
  /** Room for further allocations beyond the per-neuron arrays, such as the delay ring's slots. */
  extraBytes?: number;
}

let compiledModule: WebAssembly.Module | null = null;

export function lifModule(): WebAssembly.Module {
  if (compiledModule === null) {
    const binary = Uint8Array.from(atob(LIF_WASM_BASE64), (character) => character.charCodeAt(0));
    compiledModule = new WebAssembly.Module(binary);
  }
  return compiledModule;
}

export function exportedFunction<T extends (...args: number[]) => unknown>(
  exports: WebAssembly.Exports,
  name: string,
): T {
  const value = exports[name];
  if (typeof value !== 'function') {
    throw new Error(
      `LIF WebAssembly module has no exported function '${name}'; rebuild it with scripts/build-wasm.ts`,
    );
  }
  return value as T;
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name}: must be a non-negative integer, got ${value}`);
  }
}

/** Instantiates the kernel with memory for `neuronCapacity` neurons (state, input and spike flag each). */
export function createWasmLifKernel(neuronCapacity: number, options: WasmLifOptions = {}): WasmLifKernel {
  checkCount('neuronCapacity', neuronCapacity);
  const exports = new WebAssembly.Instance(lifModule(), {}).exports;
  const memory = exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) {
    throw new Error('LIF WebAssembly module exports no memory; rebuild it with scripts/build-wasm.ts');
  }
  const vectorized = options.vectorized ?? true;
  const stepLif = exportedFunction<StepLif>(exports, vectorized ? 'stepLif' : 'stepLifScalar');
  const stepAlif = exportedFunction<StepAlif>(exports, vectorized ? 'stepAlif' : 'stepAlifScalar');
  const heapBase = exportedFunction<() => number>(exports, 'heapBase')();
  const activeNeuronCount = exportedFunction<() => number>(exports, 'activeNeuronCount');
  const listSpikes = exportedFunction<(spiked: number, size: number, list: number) => number>(
    exports,
    'listSpikes',
  );

  let next = Math.ceil(heapBase / ALIGNMENT) * ALIGNMENT;
  const extraBytes = options.extraBytes ?? 0;
  checkCount('extraBytes', extraBytes);
  const end = next + neuronCapacity * BYTES_PER_NEURON + extraBytes + ALIGNMENT_SLACK_BYTES;
  const pages = Math.ceil(end / PAGE_BYTES);
  if (pages > MAX_PAGES) {
    const maxNeurons = Math.floor((MAX_PAGES * PAGE_BYTES - next - ALIGNMENT_SLACK_BYTES) / BYTES_PER_NEURON);
    throw new RangeError(
      `neuronCapacity: ${neuronCapacity} neurons exceed the 4 GiB memory of one kernel (max ${maxNeurons})`,
    );
  }
  const missingPages = pages - memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) {
    memory.grow(missingPages);
  }
  const buffer = memory.buffer;

  function reserve(name: string, bytes: number): number {
    const start = next;
    if (start + bytes > end) {
      throw new RangeError(
        `${name}: ${bytes} bytes do not fit in the ${end - start} bytes left of a LIF kernel sized ` +
          `for ${neuronCapacity} neurons; create the kernel with a larger neuronCapacity`,
      );
    }
    next = Math.ceil((start + bytes) / ALIGNMENT) * ALIGNMENT;
    return start;
  }

  function allocateInt32(length: number): Int32Array {
    checkCount('length', length);
    return new Int32Array(buffer, reserve('allocateInt32', length * 4), length);
  }

  function allocateUint8(length: number): Uint8Array {
    checkCount('length', length);
    return new Uint8Array(buffer, reserve('allocateUint8', length), length);
  }

  function address(name: string, array: Int32Array | Uint8Array): number {
    if (array.buffer !== buffer) {
      throw new RangeError(
        `${name}: array is not in this kernel's WebAssembly memory; allocate it with the same kernel`,
      );
    }
    return array.byteOffset;
  }

  return {
    get freeBytes() {
      return end - next;
    },
    allocateInt32,
    allocateUint8,
    createFixedNeuronState(size) {
      checkCount('size', size);
      return {
        u: allocateInt32(size),
        v: allocateInt32(size),
        refractoryLeft: allocateUint8(size),
        thresholdOffset: allocateInt32(size),
      };
    },
    listSpikes(spiked, list) {
      if (list.length < spiked.length) {
        throw new RangeError(
          `list: needs room for ${spiked.length} indices (one per neuron), got ${list.length}`,
        );
      }
      return listSpikes(address('spiked', spiked), spiked.length, address('list', list));
    },
    stepFixedLif(state, registers, model, aIn, spiked, activity) {
      checkPopulationLengths(state, aIn, spiked);
      const u = address('u', state.u);
      const v = address('v', state.v);
      const refractoryLeft = address('refractoryLeft', state.refractoryLeft);
      const input = address('aIn', aIn);
      const spikes = address('spiked', spiked);
      const size = state.u.length;
      const currentFactor = DECAY_ONE - (registers.du + 1);
      const voltageFactor = DECAY_ONE - registers.dv;
      const bias = registers.biasMant * 2 ** registers.biasExp;
      const threshold = registers.vth * STATE_SHIFT_SCALE;

      let spikeCount: number;
      if (model === 'lif') {
        spikeCount = stepLif(
          u,
          v,
          refractoryLeft,
          input,
          spikes,
          size,
          currentFactor,
          voltageFactor,
          bias,
          threshold,
          registers.refractory,
        );
      } else {
        spikeCount = stepAlif(
          u,
          v,
          refractoryLeft,
          address('thresholdOffset', state.thresholdOffset),
          input,
          spikes,
          size,
          currentFactor,
          voltageFactor,
          DECAY_ONE - registers.dThreshold,
          bias,
          threshold,
          registers.adaptInc * STATE_SHIFT_SCALE,
          registers.refractory,
        );
      }
      if (activity !== undefined) activity.active = activeNeuronCount();
      return spikeCount;
    },
  };
}
