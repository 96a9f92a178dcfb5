import { describe, it, expect } from 'vitest';
import { createStream } from '../random';
import { SpecError } from '../errors';
import { PoissonEncoder } from './poisson';

function encoder(maxRateHz: number, dtMs: number, seed = 1234): PoissonEncoder {
  return new PoissonEncoder({ maxRateHz, dtMs, stream: createStream(seed, 'encoder/in') });
}

/** Runs `ticks` ticks and returns the spike count of each input. */
function countSpikes(poisson: PoissonEncoder, inputs: number, ticks: number): Float64Array {
  const counts = new Float64Array(inputs);
  const spiked = new Uint8Array(inputs);
  for (let t = 0; t < ticks; t++) {
    poisson.encode(t, spiked);
    for (let i = 0; i < inputs; i++) counts[i]! += spiked[i]!;
  }
  return counts;
}

function mean(values: Float64Array): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('PoissonEncoder', () => {
  it('F07 1000 Hz at 1 ms spikes every tick', () => {
    const poisson = encoder(1000, 1);
    poisson.beginSample(new Array(10).fill(1));
    const counts = countSpikes(poisson, 10, 1000);
    expect(Array.from(counts)).toEqual(new Array(10).fill(1000));
  });

  it('F07 500 Hz at 1 ms over 10,000 ticks', () => {
    // Binomial(10,000, 0.5): mean 5000, standard deviation 50; [4800, 5200] is +-4 sd.
    const poisson = encoder(500, 1);
    poisson.beginSample([1]);
    const count = countSpikes(poisson, 1, 10_000)[0]!;
    expect(count).toBeGreaterThanOrEqual(4800);
    expect(count).toBeLessThanOrEqual(5200);
  });

  it('F07 50 Hz over 2 s at 0.1 ms', () => {
    // 20,000 ticks at p = 0.005: mean 100, variance 99.5 per input. Over 200 inputs the mean has
    // standard deviation sqrt(99.5 / 200) = 0.71, so +-4 is more than 5 sd.
    const poisson = encoder(50, 0.1);
    poisson.beginSample(new Array(200).fill(1));
    expect(Math.abs(mean(countSpikes(poisson, 200, 20_000)) - 100)).toBeLessThan(4);
  });

  it('F07 50 Hz over 2 s at 1 ms', () => {
    // 2,000 ticks at p = 0.05: mean 100, variance 95; the mean of 200 inputs has sd 0.69.
    const poisson = encoder(50, 1);
    poisson.beginSample(new Array(200).fill(1));
    expect(Math.abs(mean(countSpikes(poisson, 200, 2_000)) - 100)).toBeLessThan(4);
  });

  it('F07 2000 Hz at 1 ms is a validation error', () => {
    let error: unknown;
    try {
      new PoissonEncoder({
        maxRateHz: 2000,
        dtMs: 1,
        stream: createStream(1, 'x'),
        path: ['stimulus', 0, 'encoder'],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    const issue = (error as SpecError).issues[0]!;
    expect(issue.path).toBe('stimulus[0].encoder.maxRateHz');
    expect(issue.value).toBe(2000);
    expect(issue.message).toMatch(/at most 1000 Hz at dtMs 1/);
    expect(issue.message).toMatch(/p = rateHz \* dtMs \/ 1000 = 2 > 1/);
    expect(issue.message).toMatch(/got 2000$/);
  });

  it('1000 Hz at 1 ms is accepted', () => {
    expect(() => encoder(1000, 1)).not.toThrow();
  });

  it('rejects a sample value with p above 1', () => {
    const poisson = encoder(1000, 1);
    expect(() => poisson.beginSample([0.5, 1, 1.5])).toThrow(/input 2 has value 1.5.*= 1.5 must be in 0..1/);
  });

  it('rejects a negative sample value', () => {
    expect(() => encoder(100, 1).beginSample([-0.1])).toThrow(/input 0 has value -0.1/);
  });

  it('input of value 0 never spikes', () => {
    const poisson = encoder(1000, 1);
    poisson.beginSample([0, 0]);
    expect(Array.from(countSpikes(poisson, 2, 500))).toEqual([0, 0]);
  });

  it('takes one draw per input per tick', () => {
    const stream = createStream(9, 'encoder/in');
    const poisson = new PoissonEncoder({ maxRateHz: 100, dtMs: 1, stream });
    poisson.beginSample([0, 0.5, 1, 0, 0]);
    poisson.encode(0, new Uint8Array(5));
    poisson.encode(1, new Uint8Array(5));

    const reference = createStream(9, 'encoder/in');
    for (let i = 0; i < 10; i++) reference.nextUint32();
    expect(stream.getState()).toEqual(reference.getState());
  });

  it('draws do not depend on other inputs', () => {
    const a = encoder(200, 1, 5);
    const b = encoder(200, 1, 5);
    a.beginSample([0.7, 0]);
    b.beginSample([0.7, 1]);
    const spikedA = new Uint8Array(2);
    const spikedB = new Uint8Array(2);
    for (let t = 0; t < 300; t++) {
      a.encode(t, spikedA);
      b.encode(t, spikedB);
      expect(spikedA[0], `tick ${t}`).toBe(spikedB[0]);
    }
  });

  it('resumes bit for bit from its state', () => {
    const values = Array.from({ length: 50 }, (_, i) => i / 49);
    const straight = encoder(300, 1, 77);
    straight.beginSample(values);
    const expected: number[] = [];
    const spiked = new Uint8Array(50);
    for (let t = 0; t < 100; t++) {
      straight.encode(t, spiked);
      expected.push(...spiked);
    }

    const first = encoder(300, 1, 77);
    first.beginSample(values);
    const actual: number[] = [];
    for (let t = 0; t < 37; t++) {
      first.encode(t, spiked);
      actual.push(...spiked);
    }
    const resumed = encoder(300, 1, 999);
    resumed.setState(first.getState());
    for (let t = 37; t < 100; t++) {
      resumed.encode(t, spiked);
      actual.push(...spiked);
    }

    expect(actual).toEqual(expected);
  });

  it('different seeds give different spikes', () => {
    const run = (seed: number) => {
      const poisson = encoder(200, 1, seed);
      poisson.beginSample(new Array(20).fill(1));
      return Array.from(countSpikes(poisson, 20, 50));
    };
    expect(run(0)).not.toEqual(run(1));
  });

  it('returns the spike count and clears outputs', () => {
    const poisson = encoder(1000, 1);
    poisson.beginSample([1, 0, 1]);
    const spiked = new Uint8Array([1, 1, 1]);
    expect(poisson.encode(0, spiked)).toBe(2);
    expect(Array.from(spiked)).toEqual([1, 0, 1]);
  });

  it('rejects a state with a bad stream', () => {
    expect(() =>
      encoder(10, 1).setState({ random: new Uint32Array(3), thresholds: new Float64Array(0) }),
    ).toThrow(/"random" has 3 values, expected 4/);
  });
});
