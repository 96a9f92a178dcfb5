import { describe, it, expect } from 'vitest';
import { createStream } from '../random';
import { SpecError } from '../errors';
import { createEncoder } from './create';
import type { EncoderContext } from './create';

const context: EncoderContext = {
  dtMs: 1,
  presentTicks: 100,
  stream: createStream(1, 'encoder/in'),
  path: ['stimulus', 0, 'encoder'],
};

describe('createEncoder', () => {
  it('builds each kind with its output size', () => {
    expect(createEncoder({ kind: 'poisson', maxRateHz: 63.75 }, context).outputSize(784)).toBe(784);
    expect(createEncoder({ kind: 'latency', silenceThreshold: 0 }, context).outputSize(784)).toBe(784);
    expect(createEncoder({ kind: 'delta', threshold: 0.1 }, context).outputSize(28)).toBe(56);
    expect(createEncoder({ kind: 'saccade', threshold: 0.15, amplitudePx: 2 }, context).outputSize(784)).toBe(
      2312,
    );
  });

  it('latency window is the presentation', () => {
    // T = 100: x = 0.5 fires at round(0.5 * 99) = round(49.5) = 50.
    const latency = createEncoder({ kind: 'latency', silenceThreshold: 0 }, context);
    latency.beginSample([0.5]);
    const spiked = new Uint8Array(1);
    expect(latency.encode(49, spiked)).toBe(0);
    expect(latency.encode(50, spiked)).toBe(1);
  });

  it('errors carry the spec path', () => {
    let error: unknown;
    try {
      createEncoder({ kind: 'poisson', maxRateHz: 2000 }, context);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues[0]!.path).toBe('stimulus[0].encoder.maxRateHz');
  });
});
