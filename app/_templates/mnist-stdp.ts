import type { NotebookTemplate } from './types';

const SPEC = `apiVersion: livenet/v1
name: mnist-stdp
chip: { profile: loihi2-like, mode: fixed }
dtMs: 1
populations:
  - name: pixels
    size: 784
    kind: input
  - name: digits
    size: 100
    neuron:
      model: lif
      physical: { tauSynMs: 5, tauMemMs: 20, vth: 300, refractoryMs: 5 }
projections:
  - name: pixels-digits
    from: pixels
    to: digits
    connectivity: { kind: dense }
    weights: { init: uniform, low: 0, high: 8 }
    learning:
      rule: stdp
      aPlus: 0.5
      aMinus: 0.55
      tauPreMs: 20
      tauPostMs: 20
      wMin: 0
      wMax: 127
      bound: soft
  # Every digit neuron inhibits the others, so they compete and learn different digits.
  - name: inhibition
    from: digits
    to: digits
    connectivity: { kind: dense }
    weights: { init: constant, value: -60 }
stimulus:
  - population: pixels
    encoder: { kind: poisson, maxRateHz: 63.75 }
    data:
      dataset: mnist
      split: train
      samples: 20
      presentTicks: 350
      restTicks: 150
      labels: { population: digits }
readout: { population: digits, kind: vote, classes: 10 }
record:
  spikes: [pixels, digits]
  weights: { every: 2500 }
`;

/** Unsupervised digit learning: Poisson-coded MNIST into 100 LIF neurons with STDP and a vote readout. */
export const MNIST_STDP: NotebookTemplate = {
  slug: 'mnist-stdp',
  title: 'MNIST digits with STDP',
  summary:
    '784 Poisson-coded pixels drive 100 competing LIF neurons through plastic synapses; a vote readout scores which neurons answer to which digit.',
  tags: ['MNIST', 'STDP', 'fixed point'],
  cells: [
    {
      type: 'markdown',
      source: `# MNIST digits with STDP

Each 28 × 28 digit is shown for **350 ticks** as Poisson spike trains (brighter pixel, higher rate), then the network rests for 150 ticks.
The 100 output neurons inhibit each other and learn with pair-based STDP; the vote readout assigns each neuron to the digit it fires for most and reports the running accuracy.

Press **Shift+Enter** in the network cell to run it. Twenty samples take 10,000 ticks, too few to learn much: raise \`samples\` for a real training run.`,
    },
    { type: 'spec', source: SPEC },
    { type: 'run', mode: null, seed: 1, ticks: null },
  ],
};
