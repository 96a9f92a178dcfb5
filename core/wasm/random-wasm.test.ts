import { describe, expect, it } from 'vitest';
import { PoissonEncoder } from '../encoders/poisson';
import { decayAllStochastic } from '../learning/fixed-point';
import { FixedTraceBank } from '../learning/traces';
import { createStream } from '../random';
import { createBernoulliKernel, createStochasticDecayKernel } from './random-wasm';

const TWO_POW_32 = 2 ** 32;

/** Thresholds with the edge cases: never, always, whole numbers and just above and below them. */
function edgeThresholds(size: number, seed: number): Float64Array {
  const stream = createStream(seed, 'test/thresholds');
  const edges = [0, TWO_POW_32, 1, 2 ** 31, 2 ** 31 + 0.5, 2 ** 31 - 1e-6, 0.25];
  return Float64Array.from({ length: size }, (_, i) =>
    i < edges.length ? edges[i]! : stream.nextFloat() * TWO_POW_32,
  );
}

/** Draws as the TypeScript reference does: one draw per input, a spike when it is below the threshold. */
function referenceBernoulli(thresholds: Float64Array, seed: number): { out: Uint8Array; state: Uint32Array } {
  const stream = createStream(seed, 'test/draws');
  const out = Uint8Array.from(thresholds, (threshold) => (stream.nextUint32() < threshold ? 1 : 0));
  return { out, state: stream.getState() };
}

describe('WebAssembly Bernoulli kernel', () => {
  it.each([0, 1, 7, 784, 1000])('matches TypeScript draws, %i inputs', (size) => {
    const thresholds = edgeThresholds(size, size + 1);
    const kernel = createBernoulliKernel(size);
    kernel.thresholds.set(thresholds);
    const stream = createStream(size + 1, 'test/draws');

    const fired = kernel.draw(stream);

    const expected = referenceBernoulli(thresholds, size + 1);
    expect(Array.from(kernel.out)).toEqual(Array.from(expected.out));
    expect(fired).toBe(expected.out.reduce((a, b) => a + b, 0));
    expect(Array.from(stream.getState())).toEqual(Array.from(expected.state));
  });

  it('never fires at threshold 0 and always at 2^32', () => {
    const kernel = createBernoulliKernel(2);
    kernel.thresholds.set([0, TWO_POW_32]);
    const stream = createStream(3, 'test/draws');
    for (let tick = 0; tick < 1000; tick++) {
      kernel.draw(stream);
      expect(Array.from(kernel.out)).toEqual([0, 1]);
    }
  });

  it('rejects a negative size with the value', () => {
    expect(() => createBernoulliKernel(-1)).toThrow(/kernel size: .* got -1/);
  });
});

describe('WebAssembly stochastic decay kernel', () => {
  const factors = [0, 1, 2048, 4000, 4095, 4096];

  it.each(factors)('matches decayAllStochastic bit for bit at factor %i', (factor) => {
    const valueStream = createStream(factor, 'test/values');
    const limit = 2 ** 23 - 1;
    const values = Int32Array.from({ length: 500 }, (_, i) => {
      if (i % 5 === 0) return 0;
      if (i === 1) return limit;
      if (i === 2) return -limit;
      return valueStream.nextInt(2 * limit + 1) - limit;
    });
    const kernel = createStochasticDecayKernel(values.length);
    kernel.values.set(values);
    const reference = values.slice();
    const kernelStream = createStream(7, 'test/decay');
    const referenceStream = createStream(7, 'test/decay');

    for (let tick = 0; tick < 20; tick++) {
      kernel.decay(kernelStream, factor);
      decayAllStochastic(reference, 4096 - factor, referenceStream);
    }

    expect(Array.from(kernel.values)).toEqual(Array.from(reference));
    expect(Array.from(kernelStream.getState())).toEqual(Array.from(referenceStream.getState()));
  });

  it('keeps every value and takes no draw at factor 4096', () => {
    const kernel = createStochasticDecayKernel(3);
    kernel.values.set([5, -9, 0]);
    const stream = createStream(1, 'test/decay');
    const before = stream.getState();
    kernel.decay(stream, 4096);
    expect(Array.from(kernel.values)).toEqual([5, -9, 0]);
    expect(Array.from(stream.getState())).toEqual(Array.from(before));
  });

  it('rounds halves at factor 2048', () => {
    // 3 * 2048 / 4096 = 1.5 rounds to 1 or 2; 256 / 2 = 128 has no fraction and takes no draw.
    const kernel = createStochasticDecayKernel(2);
    const stream = createStream(2, 'test/decay');
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      kernel.values.set([3, 256]);
      kernel.decay(stream, 2048);
      seen.add(kernel.values[0]!);
      expect(kernel.values[1]).toBe(128);
    }
    expect([...seen].sort()).toEqual([1, 2]);
  });

  it('rejects a factor above 4096 with the value', () => {
    const kernel = createStochasticDecayKernel(1);
    expect(() => kernel.decay(createStream(1, 'x'), 4097)).toThrow(/decay factor: .* got 4097/);
  });
});

describe('engines of the Poisson encoder and the fixed traces', () => {
  it('match for the Poisson encoder', () => {
    const make = (engine: 'wasm' | 'ts') =>
      new PoissonEncoder({ maxRateHz: 63.75, dtMs: 0.5, stream: createStream(11, 'encoder/in'), engine });
    const wasm = make('wasm');
    const ts = make('ts');
    const pixels = createStream(5, 'test/pixels');
    const wasmSpikes = new Uint8Array(784);
    const tsSpikes = new Uint8Array(784);

    for (let sample = 0; sample < 3; sample++) {
      const image = Array.from({ length: 784 }, () => (pixels.nextFloat() < 0.2 ? pixels.nextFloat() : 0));
      wasm.beginSample(image);
      ts.beginSample(image);
      for (let tick = 0; tick < 50; tick++) {
        expect(wasm.encode(tick, wasmSpikes)).toBe(ts.encode(tick, tsSpikes));
        expect(wasmSpikes).toEqual(tsSpikes);
      }
    }

    // A resumed encoder goes on with the saved thresholds and stream position.
    const resumed = make('wasm');
    resumed.setState(ts.getState());
    resumed.encode(0, wasmSpikes);
    ts.encode(0, tsSpikes);
    expect(wasmSpikes).toEqual(tsSpikes);
  });

  it('match for fixed traces', () => {
    const wasm = new FixedTraceBank(100, 20, 0.5, 'tau', createStream(4, 'learning'), 'wasm');
    const ts = new FixedTraceBank(100, 20, 0.5, 'tau', createStream(4, 'learning'), 'ts');
    const events = createStream(9, 'test/events');
    for (let tick = 0; tick < 300; tick++) {
      wasm.decay();
      ts.decay();
      for (let i = 0; i < 100; i++) {
        if (events.nextFloat() < 0.05) {
          wasm.jump(i);
          ts.jump(i);
        }
      }
      expect(wasm.values).toEqual(ts.values);
    }
    expect(wasm.values.some((value) => value > 0)).toBe(true);
  });
});
