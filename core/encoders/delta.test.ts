import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DeltaEncoder } from './delta';

/** Runs `steps` steps and returns, per step, the signed event of each channel (+1, -1 or 0). */
function events(delta: DeltaEncoder, steps: number): number[][] {
  const channels = delta.channels;
  const spiked = new Uint8Array(2 * channels);
  const out: number[][] = [];
  for (let step = 0; step < steps; step++) {
    delta.encode(step, spiked);
    out.push(Array.from({ length: channels }, (_, c) => spiked[c]! - spiked[channels + c]!));
  }
  return out;
}

describe('DeltaEncoder', () => {
  it('fires at hand-computed steps', () => {
    // Threshold 0.25, reconstruction from 0: 0.6 fires ON (0.25), ON (0.5), then waits;
    // 0.1 fires OFF (0.25), then 0.1 - 0.25 = -0.15 is less than a threshold away.
    const delta = new DeltaEncoder({ threshold: 0.25, channels: 1 });
    delta.beginSample([0, 0.6, 0.6, 0.6, 0.1, 0.1, 0.1]);
    expect(events(delta, 7).map((e) => e[0])).toEqual([0, 1, 1, 0, -1, 0, 0]);
  });

  it('spreads a large jump over ticks', () => {
    // A jump to 1 at threshold 0.3 is three thresholds: ON on three consecutive ticks.
    const delta = new DeltaEncoder({ threshold: 0.3, channels: 1 });
    delta.beginSample([1]);
    expect(events(delta, 5).map((e) => e[0])).toEqual([1, 1, 1, 0, 0]);
  });

  it('decimal ties fire', () => {
    // 0.3 is exactly three thresholds of 0.1 in decimal.
    const delta = new DeltaEncoder({ threshold: 0.1, channels: 1 });
    delta.beginSample([0.3]);
    expect(events(delta, 4).map((e) => e[0])).toEqual([1, 1, 1, 0]);
  });

  it('negative signals fire OFF', () => {
    const delta = new DeltaEncoder({ threshold: 0.5, channels: 1 });
    delta.beginSample([-0.5, -0.4, 0.2]);
    // -0.5 -> OFF (level -1); -0.4 vs -0.5: no event; 0.2 >= 0 -> ON (level 0).
    expect(events(delta, 3).map((e) => e[0])).toEqual([-1, 0, 1]);
  });

  it('maps ON then OFF channels', () => {
    // Two channels: channel 0 rises, channel 1 falls. Outputs: [on0, on1, off0, off1].
    const delta = new DeltaEncoder({ threshold: 1, channels: 2 });
    delta.beginSample([1, -1]);
    const spiked = new Uint8Array(4);
    expect(delta.encode(0, spiked)).toBe(2);
    expect(Array.from(spiked)).toEqual([1, 0, 0, 1]);
  });

  it('starts each sample from zero', () => {
    const delta = new DeltaEncoder({ threshold: 0.5, channels: 1 });
    delta.beginSample([1]);
    events(delta, 2);
    delta.beginSample([0.5]);
    expect(events(delta, 2).map((e) => e[0])).toEqual([1, 0]);
  });

  it('reconstruction ends within a threshold', () => {
    // After the sequence ends and pending events drain, the net event count n of each channel
    // satisfies |x - n * threshold| < threshold for the held last value x.
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (signal, threshold) => {
          const delta = new DeltaEncoder({ threshold, channels: 1 });
          delta.beginSample(signal);
          let net = 0;
          for (const step of events(delta, signal.length + 100)) net += step[0]!;
          return Math.abs(signal.at(-1) - net * threshold) < threshold;
        },
      ),
    );
  });

  it('resumes mid-sample from its state', () => {
    const signal = [0, 0.9, 0.2, 0.95, 0.5, 0.5, 0];
    const straight = new DeltaEncoder({ threshold: 0.2, channels: 1 });
    straight.beginSample(signal);
    const expected = events(straight, 9);

    const first = new DeltaEncoder({ threshold: 0.2, channels: 1 });
    first.beginSample(signal);
    const head = events(first, 3);
    const resumed = new DeltaEncoder({ threshold: 0.2, channels: 1 });
    resumed.setState(first.getState());
    const spiked = new Uint8Array(2);
    const tail: number[][] = [];
    for (let step = 3; step < 9; step++) {
      resumed.encode(step, spiked);
      tail.push([spiked[0]! - spiked[1]!]);
    }
    expect([...head, ...tail]).toEqual(expected);
  });

  it('rejects a sample that is not whole steps', () => {
    const delta = new DeltaEncoder({ threshold: 0.1, channels: 28 });
    expect(() => delta.beginSample(new Float32Array(30))).toThrow(/multiple of 28 values, got 30/);
  });

  it('rejects a threshold of 0', () => {
    expect(() => new DeltaEncoder({ threshold: 0, channels: 1 })).toThrow(
      /encoder.threshold: expected a finite number > 0, got 0/,
    );
  });
});
