/**
 * An encoder bound to a data stream: the stimulus of runs that learn from data.
 *
 * Sample k of the stream occupies ticks k * period + 1 .. (k + 1) * period, where
 * period = presentTicks + restTicks: the encoder emits during the first `presentTicks` ticks and
 * the input is silent for the rest. After the last sample the input stays silent.
 *
 * Order: the `samples` digits are drawn from the split by the seeded stream `data/<split>`, epoch
 * by epoch (each epoch a fresh shuffle of the whole split) when `samples` exceeds the split's
 * size, unless the data lists its digits in `indices`. The data cursor is the tick itself, so no extra state is needed to
 * resume; the encoder's state (its random stream and the current sample) is saved.
 *
 * An encoder without `data` is driven by the constant value 1 on every input from tick 1 on, so
 * a Poisson encoder alone is a constant-rate source at `maxRateHz`.
 *
 * The data's `drift` changes every digit from sample `drift.fromSample` on (`driftImage`). It
 * depends on the sample index alone, so chunked and resumed runs drift at the same sample.
 */
import type { Program, PopulationProgram } from '../program';
import type { StimulusSpec } from '../spec/stimulus-schema';
import { createStream } from '../random';
import { createEncoder } from '../encoders/create';
import type { Encoder } from '../encoders/encoder';
import { image, label, streamOrder } from '../data/mnist';
import { driftImage } from '../data/transforms';
import type { DriftSpec } from '../spec/stimulus-schema';
import type { StimulusSource, StimulusState } from './stimulus';

export interface DataStimulusOptions {
  /** Changes every image before it is encoded, after the spec's drift if any. */
  transform?: (pixels: Float32Array) => ArrayLike<number>;
}

export class DataStimulus implements StimulusSource {
  readonly population: number;
  readonly presentTicks: number;
  readonly restTicks: number;
  /** Samples of the whole stream, all epochs included; Infinity for a constant drive. */
  readonly samples: number;
  private readonly offset: number;
  private readonly size: number;
  private readonly encoder: Encoder;
  private readonly order: Int32Array;
  private readonly transform: DataStimulusOptions['transform'];
  private readonly drift: DriftSpec | undefined;
  private readonly constant: Float32Array | null;

  constructor(
    program: Program,
    population: PopulationProgram,
    spec: StimulusSpec,
    seed: number,
    stimulusIndex: number,
    options: DataStimulusOptions = {},
  ) {
    this.population = population.index;
    this.offset = population.offset;
    this.size = population.size;
    this.transform = options.transform;
    const data = spec.data;
    this.drift = data?.drift;

    this.presentTicks = data?.presentTicks ?? Number.POSITIVE_INFINITY;
    this.restTicks = data?.restTicks ?? 0;
    this.order = data === undefined ? new Int32Array(0) : streamOrder(data, seed);
    this.samples = data === undefined ? Number.POSITIVE_INFINITY : this.order.length;
    this.constant = data === undefined ? new Float32Array(population.size).fill(1) : null;

    this.encoder = createEncoder(spec.encoder!, {
      dtMs: program.dtMs,
      presentTicks: Number.isFinite(this.presentTicks) ? this.presentTicks : 1,
      stream: createStream(seed, `encoder/${population.name}`),
      path: ['stimulus', stimulusIndex, 'encoder'],
    });
  }

  /** Returns the class label of sample `k` of the stream. */
  labelOfSample(k: number): number {
    return label(this.order[k]!);
  }

  /** Returns the dataset index of sample `k` of the stream. */
  datasetIndexOfSample(k: number): number {
    return this.order[k]!;
  }

  fill(tick: number, spiked: Uint8Array): void {
    const view = spiked.subarray(this.offset, this.offset + this.size);

    if (this.constant !== null) {
      if (tick === 1) this.encoder.beginSample(this.constant);
      this.encoder.encode(tick - 1, view);
      return;
    }

    const period = this.presentTicks + this.restTicks;
    const sample = Math.floor((tick - 1) / period);
    const step = (tick - 1) % period;
    if (sample >= this.samples || step >= this.presentTicks) return;

    if (step === 0) {
      let pixels = image(this.order[sample]!);
      if (this.drift !== undefined && sample >= this.drift.fromSample) {
        pixels = driftImage(pixels, this.drift);
      }
      this.encoder.beginSample(this.transform ? this.transform(pixels) : pixels);
    }
    this.encoder.encode(step, view);
  }

  getState(): StimulusState {
    return this.encoder.getState();
  }

  setState(state: StimulusState): void {
    this.encoder.setState(state);
  }
}

export function createDataStimulus(
  program: Program,
  population: PopulationProgram,
  spec: StimulusSpec,
  seed: number,
  stimulusIndex = 0,
): StimulusSource {
  return new DataStimulus(program, population, spec, seed, stimulusIndex);
}
