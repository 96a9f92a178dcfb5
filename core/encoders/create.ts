/**
 * Builds the encoder a stimulus spec names, from its options and the run's context.
 *
 * Encoders that read an MNIST digit take the 784 pixel values per sample. The delta encoder reads
 * the digit as a row sequence: 28 channels, one row per tick, the last row held after step 27. The
 * row encoder shows one row for `ticksPerRow` ticks as column spikes, with optional row cues.
 */
import type { RandomStream } from '../random';
import type { PathSegment } from '../spec/issues';
import type { EncoderSpec } from '../spec/stimulus-schema';
import { MNIST_COLUMNS } from '../data/mnist-shape';
import type { Encoder } from './encoder';
import { DeltaEncoder } from './delta';
import { LatencyEncoder } from './latency';
import { PoissonEncoder } from './poisson';
import { RowsEncoder } from './rows';
import { SaccadeEncoder } from './saccade';

export interface EncoderContext {
  dtMs: number;
  /** Ticks each sample is presented. */
  presentTicks: number;
  /** The run's stream for this encoder; the Poisson and row encoders draw from it. */
  stream: RandomStream;
  /** Spec location of the encoder options, like `['stimulus', 0, 'encoder']`. */
  path: readonly PathSegment[];
}

export function createEncoder(spec: EncoderSpec, context: EncoderContext): Encoder {
  const path = context.path;
  switch (spec.kind) {
    case 'poisson':
      return new PoissonEncoder({
        maxRateHz: spec.maxRateHz,
        dtMs: context.dtMs,
        stream: context.stream,
        path,
      });
    case 'latency':
      return new LatencyEncoder({
        windowTicks: context.presentTicks,
        silenceThreshold: spec.silenceThreshold,
        path,
      });
    case 'delta':
      return new DeltaEncoder({ threshold: spec.threshold, channels: MNIST_COLUMNS, path });
    case 'saccade':
      return new SaccadeEncoder({
        windowTicks: context.presentTicks,
        threshold: spec.threshold,
        amplitudePx: spec.amplitudePx,
        path,
      });
    case 'rows':
      return new RowsEncoder({
        ticksPerRow: spec.ticksPerRow,
        rowCue: spec.rowCue,
        stream: context.stream,
        path,
      });
  }
}
