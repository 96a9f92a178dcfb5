import { describe, expect, it } from 'vitest';

import { createStream } from '../random';
import { RowsEncoder } from './rows';

const COLUMNS = 28;

function encoder(ticksPerRow: number, rowCue: boolean, seed = 5): RowsEncoder {
  return new RowsEncoder({ ticksPerRow, rowCue, stream: createStream(seed, 'encoder/rows') });
}

/** Returns the indices that spike at each step of one digit presentation. */
function spikesPerStep(rows: RowsEncoder, pixels: Float32Array, steps: number, size: number): number[][] {
  rows.beginSample(pixels);
  const spiked = new Uint8Array(size);
  const out: number[][] = [];
  for (let step = 0; step < steps; step++) {
    rows.encode(step, spiked);
    out.push([...spiked.keys()].filter((i) => spiked[i] === 1));
  }
  return out;
}

describe('RowsEncoder', () => {
  it('spikes certain pixels on their row', () => {
    // Pixels of value 1 spike on every tick of their row and pixels of value 0 never do: the
    // diagonal (r, r) and one extra pixel (5, 10).
    const pixels = new Float32Array(784);
    for (let r = 0; r < 28; r++) pixels[r * COLUMNS + r] = 1;
    pixels[5 * COLUMNS + 10] = 1;

    const steps = spikesPerStep(encoder(3, true), pixels, 28 * 3, 56);
    for (let step = 0; step < 28 * 3; step++) {
      const row = Math.floor(step / 3);
      const expected = row === 5 ? [5, 10, 28 + 5] : [row, 28 + row];
      expect(steps[step]).toEqual(expected);
    }
  });

  it('omits cues without rowCue', () => {
    const pixels = new Float32Array(784);
    pixels[2 * COLUMNS + 7] = 1;

    const steps = spikesPerStep(encoder(2, false), pixels, 28 * 2, 28);
    expect(steps[4]).toEqual([7]);
    expect(steps[5]).toEqual([7]);
    expect(steps.filter((s) => s.length > 0)).toHaveLength(2);
  });

  it('stays silent after the last row', () => {
    const pixels = new Float32Array(784).fill(1);
    const steps = spikesPerStep(encoder(2, true), pixels, 28 * 2 + 5, 56);
    expect(steps[28 * 2 - 1]).toHaveLength(29);
    for (let step = 28 * 2; step < 28 * 2 + 5; step++) expect(steps[step]).toEqual([]);
  });

  it('matches the pixel probability', () => {
    // 28 columns x 1,000 ticks at p = 0.25: mean 7,000 spikes, sd sqrt(28,000 * 0.1875) = 72.5.
    const pixels = new Float32Array(784).fill(0.25);
    const steps = spikesPerStep(encoder(1000, false), pixels, 1000, 28);
    const total = steps.reduce((sum, s) => sum + s.length, 0);
    expect(total).toBeGreaterThan(7000 - 4 * 73);
    expect(total).toBeLessThan(7000 + 4 * 73);
  });

  it('repeats for one seed', () => {
    const pixels = new Float32Array(784).fill(0.5);
    const first = spikesPerStep(encoder(2, true, 9), pixels, 56, 56);
    const again = spikesPerStep(encoder(2, true, 9), pixels, 56, 56);
    const other = spikesPerStep(encoder(2, true, 10), pixels, 56, 56);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('resumes from saved state', () => {
    const pixels = new Float32Array(784).fill(0.5);
    const whole = spikesPerStep(encoder(2, false, 3), pixels, 56, 28);

    const start = encoder(2, false, 3);
    start.beginSample(pixels);
    const spiked = new Uint8Array(28);
    for (let step = 0; step < 20; step++) start.encode(step, spiked);
    const resumed = encoder(2, false, 77);
    resumed.setState(start.getState());
    for (let step = 20; step < 56; step++) {
      resumed.encode(step, spiked);
      expect([...spiked.keys()].filter((i) => spiked[i] === 1)).toEqual(whole[step]);
    }
  });

  it('rejects pixels outside 0..1', () => {
    const pixels = new Float32Array(784);
    pixels[3] = 1.5;
    expect(() => encoder(1, false).beginSample(pixels)).toThrow('pixel 3 has value 1.5');
  });
});
