import { describe, it, expect } from 'vitest';
import { createStream } from '../random';
import { SaccadeEncoder } from './saccade';
import { displacementAt, triangleVertices } from './saccade-path';

const CANVAS = 34;
const PIXELS = CANVAS * CANVAS;

interface Event {
  step: number;
  row: number;
  column: number;
  polarity: 1 | -1;
}

/** Runs steps `0..steps-1` and lists every event. */
function runEvents(encoder: SaccadeEncoder, steps: number, from = 0): Event[] {
  const spiked = new Uint8Array(2 * PIXELS);
  const events: Event[] = [];
  for (let step = from; step < steps; step++) {
    encoder.encode(step, spiked);
    for (let p = 0; p < 2 * PIXELS; p++) {
      if (spiked[p] === 0) continue;
      const pixel = p % PIXELS;
      events.push({
        step,
        row: Math.floor(pixel / CANVAS),
        column: pixel % CANVAS,
        polarity: p < PIXELS ? 1 : -1,
      });
    }
  }
  return events;
}

/** Returns a black image with one pixel of intensity 1 at row 10, column 10 (canvas (13, 13) at rest). */
function brightPixel(): Float32Array {
  const pixels = new Float32Array(784);
  pixels[10 * 28 + 10] = 1;
  return pixels;
}

describe('displacementAt', () => {
  it('walks the triangle and closes the loop', () => {
    const vertices = triangleVertices(3);
    // T = 30: each edge lasts 10 steps; step 9 reaches the second vertex, step 29 the first again.
    expect(displacementAt(vertices, 9, 30)).toEqual([3, 3]);
    expect(displacementAt(vertices, 19, 30)).toEqual([-3, 3]);
    expect(displacementAt(vertices, 29, 30)).toEqual([0, -3]);
    expect(displacementAt(vertices, 4, 30)).toEqual([1.5, 0]);
    expect(displacementAt(vertices, 500, 30)).toEqual([0, -3]);
  });
});

describe('SaccadeEncoder', () => {
  it('has 2 x 34 x 34 outputs', () => {
    const encoder = new SaccadeEncoder({ windowTicks: 10, threshold: 0.2, amplitudePx: 2 });
    expect(encoder.outputSize(784)).toBe(2312);
    expect(() => encoder.outputSize(100)).toThrow(/784 values\), got 100/);
  });

  it('blank image gives no events', () => {
    const encoder = new SaccadeEncoder({ windowTicks: 90, threshold: 0.15, amplitudePx: 3 });
    encoder.beginSample(new Float32Array(784));
    expect(runEvents(encoder, 120)).toEqual([]);
  });

  it('still image gives no events', () => {
    const encoder = new SaccadeEncoder({
      windowTicks: 50,
      threshold: 0.15,
      amplitudePx: 1,
      sweepVertices: [
        [1, 1],
        [1, 1],
      ],
    });
    encoder.beginSample(brightPixel());
    expect(runEvents(encoder, 50)).toEqual([]);
  });

  describe('bright pixel swept right by 3 px', () => {
    // Vertices (0, 0) and (3, 0) over 600 ticks: the first edge lasts 300 steps and step s sits at
    // dx = (s + 1) / 100. The pixel's canvas position is x = 13 + dx on row 13, and bilinear
    // sampling spreads it as a tent, I(c) = max(0, 1 - |c - 13 - dx|). With threshold 0.2 and
    // epsilon 0.1, L changes by at most ln(1.1) = 0.095 a tick, so no event is ever delayed.
    const encoder = new SaccadeEncoder({
      windowTicks: 600,
      threshold: 0.2,
      amplitudePx: 3,
      logEpsilon: 0.1,
      sweepVertices: [
        [0, 0],
        [3, 0],
      ],
    });
    encoder.beginSample(brightPixel());
    const events = runEvents(encoder, 300);
    const at = (column: number, polarity: 1 | -1) =>
      events.filter((e) => e.column === column && e.polarity === polarity).map((e) => e.step);

    it('fires only on row 13', () => {
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.row === 13)).toBe(true);
    });

    it('ON ahead, OFF behind', () => {
      const onColumns = [...new Set(events.filter((e) => e.polarity === 1).map((e) => e.column))].sort();
      const offColumns = [...new Set(events.filter((e) => e.polarity === -1).map((e) => e.column))].sort();
      expect(onColumns).toEqual([14, 15, 16]);
      expect(offColumns).toEqual([13, 14, 15]);
    });

    it('column 14 brightens at hand-computed steps', () => {
      // ln(0.1 + dx) - ln(0.1) >= 0.2 k  <=>  dx >= 0.1 (e^(0.2 k) - 1); ln(1.1 / 0.1) = 2.398
      // allows k = 1..11 before dx reaches 1.
      const expected = Array.from(
        { length: 11 },
        (_, i) => Math.ceil(10 * (Math.exp(0.2 * (i + 1)) - 1)) - 1,
      );
      expect(expected.slice(0, 3)).toEqual([2, 4, 8]);
      expect(at(14, 1)).toEqual(expected);
    });

    it('column 13 darkens at hand-computed steps', () => {
      // ln(1.1 - dx) - ln(1.1) <= -0.2 k  <=>  dx >= 1.1 (1 - e^(-0.2 k)), k = 1..11.
      const expected = Array.from(
        { length: 11 },
        (_, i) => Math.ceil(110 * (1 - Math.exp(-0.2 * (i + 1)))) - 1,
      );
      expect(expected.slice(0, 3)).toEqual([19, 36, 49]);
      expect(at(13, -1)).toEqual(expected);
    });

    it('column 14 darkens once dx passes 1.36', () => {
      // After 11 ON events the reference is 2.2 above ln(0.1); OFF needs ln((2.1 - dx) / 0.1) <= 2.0,
      // that is dx >= 2.1 - 0.1 e^2 = 1.361, step 136.
      expect(at(14, -1)[0]).toBe(136);
    });

    it('each column brightens before it darkens', () => {
      for (const column of [14, 15]) {
        expect(at(column, 1)[0]!, `column ${column}`).toBeLessThan(at(column, -1)[0]!);
      }
    });
  });

  it('closed loop balances ON and OFF per pixel', () => {
    // T = 3000: each edge of the amplitude-3 triangle lasts 1000 steps and moves at most 3 px in x
    // and 6 px in y, so the intensity changes by at most 0.009 a tick and L by at most 0.09, below
    // the 0.2 threshold: no event is left pending and every pixel ends at its starting level.
    const stream = createStream(11, 'test/image');
    const pixels = Float32Array.from({ length: 784 }, () => stream.nextFloat());
    const encoder = new SaccadeEncoder({ windowTicks: 3000, threshold: 0.2, amplitudePx: 3 });
    encoder.beginSample(pixels);

    const net = new Int32Array(PIXELS);
    let on = 0;
    for (const event of runEvents(encoder, 3000)) {
      net[event.row * CANVAS + event.column]! += event.polarity;
      if (event.polarity === 1) on++;
    }
    expect(on).toBeGreaterThan(1000);
    expect(net.every((n) => n === 0)).toBe(true);
  });

  it('resumes mid-sample from its state', () => {
    const options = { windowTicks: 60, threshold: 0.15, amplitudePx: 2 };
    const straight = new SaccadeEncoder(options);
    straight.beginSample(brightPixel());
    const expected = runEvents(straight, 60);

    const first = new SaccadeEncoder(options);
    first.beginSample(brightPixel());
    const head = runEvents(first, 25);
    const resumed = new SaccadeEncoder(options);
    resumed.setState(first.getState());
    const tail = runEvents(resumed, 60, 25);

    expect(expected.length).toBeGreaterThan(0);
    expect([...head, ...tail]).toEqual(expected);
  });

  it('rejects a negative intensity', () => {
    const encoder = new SaccadeEncoder({ windowTicks: 10, threshold: 0.2, amplitudePx: 2 });
    const pixels = new Float32Array(784);
    pixels[5] = -1;
    expect(() => encoder.beginSample(pixels)).toThrow(/input 5 has value -1/);
  });

  it('rejects a threshold of 0', () => {
    expect(() => new SaccadeEncoder({ windowTicks: 10, threshold: 0, amplitudePx: 2 })).toThrow(
      /encoder.threshold/,
    );
  });
});
