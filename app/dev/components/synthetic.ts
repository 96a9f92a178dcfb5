import { compile } from '@/core/compile/compile';
import type { PlacementReport } from '@/core/program';
import { parseSpecYaml } from '@/core/spec/yaml';

import { MNIST_STDP } from '../../_templates/mnist-stdp';

import { SpikeBuffer } from '../../_components/raster/spike-buffer';

/** mulberry32: a small seeded generator, so the gallery shows the same picture on every load. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Exactly `total` spikes over `ticks` ticks: 784 inputs firing in bursts per 350-tick sample
 * and 100 output neurons each preferring one stretch of samples.
 */
export function syntheticSpikes(total: number, ticks: number): SpikeBuffer {
  const random = seededRandom(7);
  const buffer = new SpikeBuffer(total);
  for (let i = 0; i < total; i++) {
    const tick = 1 + Math.floor((i / total) * ticks);
    const sample = Math.floor(tick / 350);
    const isOutput = random() < 0.18;
    const neuron = isOutput
      ? 784 + ((sample * 7 + Math.floor(random() * 6)) % 100)
      : Math.floor(((Math.sin(sample * 1.7) + 1) / 2) * 300 + random() * 484);
    if (tick % 350 < 250 || isOutput) buffer.push(tick, neuron);
    else buffer.push(tick, Math.floor(random() * 784));
  }
  return buffer;
}

/** Builds a 784 x `toSize` weight matrix whose columns look like blurred strokes. */
export function syntheticWeights(toSize: number): Float32Array {
  const random = seededRandom(11);
  const weights = new Float32Array(784 * toSize);
  for (let post = 0; post < toSize; post++) {
    const cx = 8 + random() * 12;
    const cy = 8 + random() * 12;
    const angle = random() * Math.PI;
    for (let pixel = 0; pixel < 784; pixel++) {
      const x = (pixel % 28) - cx;
      const y = Math.floor(pixel / 28) - cy;
      const along = x * Math.cos(angle) + y * Math.sin(angle);
      const across = -x * Math.sin(angle) + y * Math.cos(angle);
      const stroke = Math.exp(-(across * across) / 6 - (along * along) / 60);
      weights[pixel * toSize + post] = Math.round(127 * stroke - 20 + random() * 12);
    }
  }
  return weights;
}

/** Compiles the MNIST template in the browser and returns its placement. */
export function templatePlacement(): PlacementReport {
  const specCell = MNIST_STDP.cells.find((cell) => cell.type === 'spec');
  const result = parseSpecYaml(specCell?.source ?? '');
  if (!('spec' in result)) throw new Error('the MNIST template does not parse');
  return compile(result.spec, { seed: 1 }).placement;
}

/** Builds a learning curve, op counts, energy and two membrane traces for the line plots. */
export function syntheticMetrics(points: number) {
  const random = seededRandom(3);
  const ticks: number[] = [];
  const accuracy: number[] = [];
  const synapticOps: number[] = [];
  const energy: number[] = [];
  const v0: number[] = [];
  const v1: number[] = [];
  let total = 0;
  for (let i = 0; i < points; i++) {
    ticks.push(i * 500);
    accuracy.push(Math.min(1, 0.1 + 0.8 * (1 - Math.exp(-i / 40)) + (random() - 0.5) * 0.05));
    const ops = 9000 + 3000 * Math.sin(i / 9) + random() * 800;
    synapticOps.push(ops);
    total += ops * 500 * 0.0236;
    energy.push(total);
    v0.push(Math.round(600 * ((i % 17) / 17)));
    v1.push(Math.round(600 * ((i % 11) / 11)));
  }
  return { ticks, accuracy, synapticOps, energy, v0, v1 };
}
