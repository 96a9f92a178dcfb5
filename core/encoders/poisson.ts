/**
 * Poisson rate encoder: each input fires as a Bernoulli process, one draw per input per tick.
 *
 * An input of value x (an intensity, usually in [0, 1]) fires at `x * maxRateHz`, so its spike
 * probability per tick is `p = x * maxRateHz * dtMs / 1000`. A probability above 1 would need more
 * than one spike per tick, so it is rejected, never clamped. The constructor throws a SpecError
 * when `maxRateHz * dtMs / 1000 > 1`, because an input of value 1 would exceed it. `beginSample`
 * throws a RangeError naming the input and its value when a sample value gives p > 1.
 *
 * Draw order: every `encode` call takes exactly one `nextUint32()` from the stream per input, in
 * input order 0..n-1, including inputs with p = 0 or p = 1. The stream's position then depends only
 * on how many ticks were encoded, never on the pixel values, so two samples see the same draws
 * tick for tick (a contrast change alters the spikes, not the noise). Input i spikes when the draw
 * `u < p_i * 2^32`, an event of probability `ceil(p_i * 2^32) / 2^32`, within 2^-32 of `p_i`.
 *
 * The draws run in the WebAssembly kernel of `../wasm/random-wasm` by default. It drew 3.7 times
 * as fast as the TypeScript loop in a microbenchmark. That loop stays as the reference
 * (`engine: 'ts'`), and both give the same spikes and leave the stream in the same state.
 */
import type { RandomStream } from '../random';
import type { BernoulliKernel } from '../wasm/random-wasm';
import { createBernoulliKernel } from '../wasm/random-wasm';
import type { PathSegment } from '../spec/issues';
import type { Encoder, EncoderState } from './encoder';
import {
  DEFAULT_ENCODER_PATH,
  readStateArray,
  rejectOption,
  requireOutputRoom,
  requirePositive,
} from './encoder';

export interface PoissonOptions {
  /** Rate of an input of value 1, in Hz. */
  maxRateHz: number;
  dtMs: number;
  /** The run's stream for this encoder, for example `createStream(seed, 'encoder/<population>')`. */
  stream: RandomStream;
  /** Spec location of the encoder, for error messages. */
  path?: readonly PathSegment[];
  /** Engine of the draws: the WebAssembly kernel (default) or the TypeScript reference. */
  engine?: 'wasm' | 'ts';
}

const TWO_POW_32 = 4294967296;

export class PoissonEncoder implements Encoder {
  readonly kind = 'poisson';
  readonly maxRateHz: number;
  readonly dtMs: number;
  readonly engine: 'wasm' | 'ts';
  private readonly stream: RandomStream;
  /** `p_i * 2^32` of the current sample's inputs; empty before the first sample. */
  private thresholds: Float64Array = new Float64Array(0);
  /** The WebAssembly kernel, sized for the current input count; null on the TypeScript engine. */
  private kernel: BernoulliKernel | null = null;

  constructor(options: PoissonOptions) {
    const path = options.path ?? DEFAULT_ENCODER_PATH;
    requirePositive(path, 'dtMs', options.dtMs);
    if (!Number.isFinite(options.maxRateHz) || options.maxRateHz < 0) {
      rejectOption(path, 'maxRateHz', 'expected a finite rate in Hz, at least 0', options.maxRateHz);
    }
    const maxProbability = (options.maxRateHz * options.dtMs) / 1000;
    if (maxProbability > 1) {
      const limitHz = 1000 / options.dtMs;
      rejectOption(
        path,
        'maxRateHz',
        `expected at most ${limitHz} Hz at dtMs ${options.dtMs}, because an input of value 1 would need ` +
          `a spike probability per tick p = rateHz * dtMs / 1000 = ${maxProbability} > 1`,
        options.maxRateHz,
      );
    }

    this.maxRateHz = options.maxRateHz;
    this.dtMs = options.dtMs;
    this.stream = options.stream;
    this.engine = options.engine ?? 'wasm';
  }

  outputSize(inputSize: number): number {
    return inputSize;
  }

  beginSample(values: ArrayLike<number>): void {
    const scale = (this.maxRateHz * this.dtMs) / 1000;
    const thresholds = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const probability = value * scale;
      if (!Number.isFinite(value) || value < 0 || probability > 1) {
        throw new RangeError(
          `Poisson input ${i} has value ${value}: its spike probability per tick ` +
            `p = ${value} * ${this.maxRateHz} Hz * ${this.dtMs} ms / 1000 = ${probability} must be in 0..1`,
        );
      }
      thresholds[i] = probability * TWO_POW_32;
    }
    this.useThresholds(thresholds);
  }

  /** Makes `thresholds` the current sample's, copying them into the kernel on the WebAssembly engine. */
  private useThresholds(thresholds: Float64Array): void {
    this.thresholds = thresholds;
    if (this.engine === 'ts') return;
    if (this.kernel?.thresholds.length !== thresholds.length) {
      this.kernel = createBernoulliKernel(thresholds.length);
    }
    this.kernel.thresholds.set(thresholds);
  }

  encode(_stepInSample: number, spiked: Uint8Array): number {
    const thresholds = this.thresholds;
    const stream = this.stream;
    requireOutputRoom(spiked, thresholds.length);

    const kernel = this.kernel;
    if (kernel !== null) {
      const count = kernel.draw(stream);
      spiked.set(kernel.out);
      return count;
    }

    let count = 0;
    for (let i = 0; i < thresholds.length; i++) {
      const spike = stream.nextUint32() < thresholds[i]! ? 1 : 0;
      spiked[i] = spike;
      count += spike;
    }
    return count;
  }

  getState(): EncoderState {
    return { random: this.stream.getState(), thresholds: this.thresholds.slice() };
  }

  setState(state: EncoderState): void {
    this.stream.setState(readStateArray(state, 'random', Uint32Array, 4));
    this.useThresholds(readStateArray(state, 'thresholds', Float64Array).slice());
  }
}
