/**
 * MNIST digits as row sequences, a stimulus for e-prop runs of the simulator that the experiment
 * drivers build themselves. A spec requests the same encoding with a `rows` encoder, which
 * `buildStimuli` binds to a data stream (`core/encoders/rows.ts`, with other random draws).
 * Digit k of `order` takes `period = 28 * ticksPerRow + tailTicks` ticks from tick k * period + 1: row r drives ticks r * ticksPerRow .. (r + 1) * ticksPerRow - 1
 * of the digit, then the input is silent for `tailTicks`. Inputs 0..27 are the columns: each tick
 * of its row, column c spikes with probability equal to its pixel (one draw per column per tick
 * from the stream `encoder/rows`, whatever the pixel). Inputs 28..55, when `rowCue` is set, are
 * one per row and spike on every tick of their row. This is the encoding of
 * `core/templates/eprop-rows-trainer.ts`.
 */
import { image, label } from '../data/mnist';
import { MNIST_COLUMNS, MNIST_ROWS } from '../data/mnist-shape';
import { createStream } from '../random';
import type { RandomStream } from '../random';
import type { StimulusSource, StimulusState } from './stimulus';

export interface RowStimulusOptions {
  population: number;
  /** Global index of the population's first neuron. */
  offset: number;
  order: Int32Array;
  ticksPerRow: number;
  tailTicks: number;
  rowCue: boolean;
  seed: number;
}

export class RowStimulus implements StimulusSource {
  readonly population: number;
  readonly period: number;
  private readonly options: RowStimulusOptions;
  private readonly stream: RandomStream;

  constructor(options: RowStimulusOptions) {
    this.options = options;
    this.population = options.population;
    this.period = MNIST_ROWS * options.ticksPerRow + options.tailTicks;
    this.stream = createStream(options.seed, 'encoder/rows');
  }

  /** Label of the digit shown at tick t, -1 after the last one. */
  labelAt(t: number): number {
    const k = Math.floor((t - 1) / this.period);
    return k < this.options.order.length ? label(this.options.order[k]!) : -1;
  }

  fill(tick: number, spiked: Uint8Array): void {
    const { order, ticksPerRow, offset, rowCue } = this.options;
    const k = Math.floor((tick - 1) / this.period);
    const step = (tick - 1) % this.period;
    const row = Math.floor(step / ticksPerRow);
    if (k >= order.length || row >= MNIST_ROWS) return;

    const pixels = image(order[k]!);
    if (rowCue) spiked[offset + MNIST_COLUMNS + row] = 1;
    for (let c = 0; c < MNIST_COLUMNS; c++) {
      if (this.stream.nextFloat() < pixels[row * MNIST_COLUMNS + c]!) spiked[offset + c] = 1;
    }
  }

  getState(): StimulusState {
    return { random: this.stream.getState() };
  }

  setState(state: StimulusState): void {
    this.stream.setState(state['random'] as Uint32Array);
  }
}
