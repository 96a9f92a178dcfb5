import { describe, expect, it } from 'vitest';

import { clampView, panView, zoomView } from './view';

const full = { tickStart: 0, tickEnd: 1000, neuronStart: 0, neuronEnd: 100 };

describe('zoomView', () => {
  it('halves the tick span around the cursor', () => {
    const view = zoomView(full, full, 0.5, { x: 0.5, y: 0.5 }, 'ticks');
    expect(view.tickStart).toBe(250);
    expect(view.tickEnd).toBe(750);
    expect(view.neuronEnd).toBe(100);
  });

  it('keeps the point under a left cursor fixed', () => {
    const view = zoomView(full, full, 0.5, { x: 0.2, y: 0 }, 'ticks');
    // The cursor sits at tick 200 before and after: 200 - 0.2 * 500 = 100.
    expect(view.tickStart).toBe(100);
    expect(view.tickEnd).toBe(600);
  });

  it('returns the full view when zooming out past it', () => {
    const half = { ...full, tickStart: 100, tickEnd: 600 };
    expect(zoomView(half, full, 4, { x: 0.5, y: 0.5 }, 'ticks')).toBe(full);
  });

  it('stops at four ticks', () => {
    const view = zoomView(full, full, 1e-6, { x: 0.5, y: 0.5 }, 'ticks');
    expect(view.tickEnd - view.tickStart).toBe(4);
  });

  it('zooms neurons on the neuron axis', () => {
    const view = zoomView(full, full, 0.1, { x: 0.5, y: 0 }, 'neurons');
    expect(view.neuronStart).toBe(0);
    expect(view.neuronEnd).toBe(10);
  });
});

describe('panView', () => {
  it('moves content with the pointer', () => {
    const view = { ...full, tickStart: 400, tickEnd: 600 };
    // Dragging right by a tenth of the plot shows earlier ticks: 200 ticks * 0.1 = 20.
    const moved = panView(view, full, 0.1, 0);
    expect(moved.tickStart).toBe(380);
    expect(moved.tickEnd).toBe(580);
  });

  it('stops at the start of the run', () => {
    const view = { ...full, tickStart: 10, tickEnd: 210 };
    const moved = panView(view, full, 0.5, 0);
    expect(moved.tickStart).toBe(0);
    expect(moved.tickEnd).toBe(200);
  });
});

describe('clampView', () => {
  it('returns the full view for a wider one', () => {
    expect(clampView({ tickStart: -5, tickEnd: 2000, neuronStart: -1, neuronEnd: 200 }, full)).toBe(full);
  });
});
