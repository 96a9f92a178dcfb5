import { describe, it, expect } from 'vitest';
import { SpecError } from '../errors';
import { LatencyEncoder } from './latency';

/** Returns, per input, the steps at which it fired over `steps` steps. */
function firingSteps(latency: LatencyEncoder, inputs: number, steps: number): number[][] {
  const fired: number[][] = Array.from({ length: inputs }, () => []);
  const spiked = new Uint8Array(inputs);
  for (let step = 0; step < steps; step++) {
    latency.encode(step, spiked);
    spiked.forEach((s, i) => s === 1 && fired[i]!.push(step));
  }
  return fired;
}

describe('LatencyEncoder', () => {
  it('fires at hand-computed steps', () => {
    // T = 11, so step = round((1 - x) * 10): x = 1 -> 0, 0.75 -> round(2.5) = 3, 0.5 -> 5,
    // 0.26 -> round(7.4) = 7, 0 -> 10.
    const latency = new LatencyEncoder({ windowTicks: 11, silenceThreshold: 0 });
    latency.beginSample([1, 0.75, 0.5, 0.26, 0]);
    expect(firingSteps(latency, 5, 11)).toEqual([[0], [3], [5], [7], [10]]);
  });

  it('ties round up', () => {
    // T = 4, x = 0.5: (1 - 0.5) * 3 = 1.5 rounds to 2.
    const latency = new LatencyEncoder({ windowTicks: 4, silenceThreshold: 0 });
    latency.beginSample([0.5]);
    expect(firingSteps(latency, 1, 4)).toEqual([[2]]);
  });

  it('inputs below the threshold stay silent', () => {
    // 0.1 < 0.2 is silent, 0.2 is not: (1 - 0.2) * 9 = 7.2 -> 7.
    const latency = new LatencyEncoder({ windowTicks: 10, silenceThreshold: 0.2 });
    latency.beginSample([0.1, 0.2, 0]);
    expect(firingSteps(latency, 3, 10)).toEqual([[], [7], []]);
  });

  it('fires once per active input', () => {
    const latency = new LatencyEncoder({ windowTicks: 20, silenceThreshold: 0.01 });
    const values = Array.from({ length: 30 }, (_, i) => i / 29);
    latency.beginSample(values);
    const fired = firingSteps(latency, 30, 40);
    expect(fired[0]).toEqual([]);
    for (let i = 1; i < 30; i++) expect(fired[i]!.length, `input ${i}`).toBe(1);
  });

  it('a window of one tick fires at step 0', () => {
    const latency = new LatencyEncoder({ windowTicks: 1, silenceThreshold: 0 });
    latency.beginSample([0, 0.3, 1]);
    expect(firingSteps(latency, 3, 1)).toEqual([[0], [0], [0]]);
  });

  it('carries nothing between samples', () => {
    const latency = new LatencyEncoder({ windowTicks: 5, silenceThreshold: 0.1 });
    latency.beginSample([1, 1]);
    firingSteps(latency, 2, 2);
    latency.beginSample([0, 0.5]);
    expect(firingSteps(latency, 2, 5)).toEqual([[], [2]]);
  });

  it('resumes mid-sample from its state', () => {
    const first = new LatencyEncoder({ windowTicks: 8, silenceThreshold: 0 });
    first.beginSample([0.9, 0.1]);
    const resumed = new LatencyEncoder({ windowTicks: 8, silenceThreshold: 0 });
    resumed.setState(first.getState());
    // (1 - 0.1) * 7 = 6.3 -> 6.
    const spiked = new Uint8Array(2);
    expect(resumed.encode(6, spiked)).toBe(1);
    expect(Array.from(spiked)).toEqual([0, 1]);
  });

  it('rejects values outside 0..1', () => {
    const latency = new LatencyEncoder({ windowTicks: 4, silenceThreshold: 0 });
    expect(() => latency.beginSample([0.5, 1.2])).toThrow(/input 1 has value 1.2/);
  });

  it('rejects a window of 0 ticks', () => {
    expect(() => new LatencyEncoder({ windowTicks: 0, silenceThreshold: 0 })).toThrow(SpecError);
  });
});
