import { describe, expect, it } from 'vitest';

import { clampLabelX, placeBandLabels } from './band-labels';

// The drift template's shape: 784 inputs, 400 features, 10 readout neurons on top.
const DRIFT = [
  { name: 'in', offset: 0, size: 784 },
  { name: 'feature', offset: 784, size: 400 },
  { name: 'out', offset: 1184, size: 10 },
];
const FULL = { tickStart: 0, tickEnd: 1000, neuronStart: 0, neuronEnd: 1194 };
const PLOT = { top: 6, height: 300 };

describe('placeBandLabels', () => {
  it('labels a thin band', () => {
    const labels = placeBandLabels(DRIFT, FULL, PLOT, 13);
    expect(labels.map((label) => label.name).sort()).toEqual(['feature', 'in', 'out']);
  });

  it('keeps a thin label inside the plot', () => {
    const out = placeBandLabels(DRIFT, FULL, PLOT, 13).find((label) => label.name === 'out');
    // The band's middle is 1.3 px below the top edge; half a line (6.5 px) fits above the text.
    expect(out?.y).toBe(6 + 6.5);
  });

  it('puts a wide band label at its middle', () => {
    const input = placeBandLabels(DRIFT, FULL, PLOT, 13).find((label) => label.name === 'in');
    // Neuron 392 of 1194 from the bottom edge at y = 306.
    expect(input?.y).toBeCloseTo(306 - (392 / 1194) * 300, 9);
  });

  it('drops overlapping thin labels', () => {
    const crowded = [
      { name: 'big', offset: 0, size: 1000 },
      { name: 'a', offset: 1000, size: 1 },
      { name: 'b', offset: 1001, size: 1 },
    ];
    const view = { tickStart: 0, tickEnd: 1, neuronStart: 0, neuronEnd: 1002 };
    const names = placeBandLabels(crowded, view, PLOT, 13).map((label) => label.name);
    expect(names).toEqual(['big', 'a']);
  });

  it('skips bands outside the view', () => {
    const zoomed = { ...FULL, neuronStart: 0, neuronEnd: 500 };
    expect(placeBandLabels(DRIFT, zoomed, PLOT, 13).map((label) => label.name)).toEqual(['in']);
  });
});

describe('clampLabelX', () => {
  it('moves the last label inside', () => {
    // A 26 px label centred 10 px from the right edge of a 400 px canvas ends at 400.
    expect(clampLabelX(390, 26, 400)).toBe(387);
  });

  it('leaves a middle label alone', () => {
    expect(clampLabelX(200, 26, 400)).toBe(200);
  });

  it('moves the first label inside', () => {
    expect(clampLabelX(4, 20, 400)).toBe(10);
  });
});
