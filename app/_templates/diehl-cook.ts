import { Document, isScalar, isSeq, visit } from 'yaml';

import { diehlCookDocument } from '@/core/templates/diehl-cook';

import type { NotebookTemplate } from './types';

const SAMPLES = 20;

/**
 * Writes a spec document as YAML, with lists of plain values (weights, index pairs) on one line
 * each, so the lateral connection list is a single line instead of thousands.
 */
export function specToYaml(spec: unknown): string {
  const document = new Document(spec);
  const scalars = (items: unknown[]) => items.every((item) => isScalar(item));
  visit(document, {
    // Twelve significant digits drop binary noise such as 0.012700000000000001.
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isInteger(node.value))
        node.value = Number(node.value.toPrecision(12));
    },
    Seq(_key, node) {
      const ofScalars = scalars(node.items);
      const ofScalarLists = node.items.every((item) => isSeq(item) && scalars(item.items));
      if (ofScalars || ofScalarLists) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 });
}

/** Builds the notebook of the core's Diehl-and-Cook network with `neurons` excitatory neurons. */
function diehlCookTemplate(slug: string, title: string, neurons: number): NotebookTemplate {
  return {
    slug,
    title,
    summary: `The unsupervised MNIST network of Diehl and Cook (2015) as the core builds it: ${neurons} adaptive neurons, lateral inhibition and STDP, ${SAMPLES} digits.`,
    tags: ['MNIST', 'ALIF', 'STDP', 'paper'],
    cells: [
      {
        type: 'markdown',
        source: `# Diehl & Cook (2015), on the chip

Unsupervised digit learning after *Unsupervised learning of digit recognition using spike-timing-dependent plasticity* (Frontiers in Computational Neuroscience 9:99).
Pixels fire as Poisson trains at up to 63.75 Hz; ${neurons} excitatory neurons with adaptive thresholds learn the input weights with STDP, and every spike inhibits the other neurons through one lateral projection.
Each digit is shown for 350 ms and followed by 150 ms of rest, at 0.5 ms per tick.`,
      },
      { type: 'spec', source: specToYaml(diehlCookDocument({ neurons, samples: SAMPLES })) },
      { type: 'run', mode: null, seed: 1, ticks: null },
    ],
  };
}

/** Template of the core's Diehl-and-Cook network with 100 neurons. */
export const DIEHL_COOK = diehlCookTemplate('diehl-cook', 'Diehl & Cook digit network', 100);

/** The same network with 400 neurons, the size whose accuracy (87%) the paper reports. */
export const DIEHL_COOK_400 = diehlCookTemplate(
  'diehl-cook-400',
  'Diehl & Cook digit network, 400 neurons',
  400,
);
