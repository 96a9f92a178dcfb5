import type { NotebookTemplate } from './types';

const SPEC = `apiVersion: livenet/v1
name: pair-demo
chip: { profile: loihi2-like, mode: fixed }
dtMs: 1
populations:
  - name: in
    size: 2
    kind: input
  - name: out
    size: 1
    neuron:
      model: lif
      registers: { du: 4095, dv: 0, vth: 10, biasMant: 0, biasExp: 0, refractory: 0 }
projections:
  - name: in-out
    from: in
    to: out
    connectivity: { kind: dense }
    weights: { values: [[6], [5]] }
    wExp: 0
    delay: 0
stimulus:
  - population: in
    spikes: [[1, 0], [3, 1]]
record:
  spikes: [in, out]
  state: [{ population: out, vars: [u, v], every: 1 }]
`;

/** The smallest network: two inputs, one neuron, hand-set weights and spikes, every register visible. */
export const PAIR_DEMO: NotebookTemplate = {
  slug: 'pair-demo',
  title: 'Two inputs, one neuron',
  summary:
    'Two input spikes with hand-set weights drive one LIF neuron; a network small enough to follow by hand.',
  tags: ['registers', 'explicit spikes'],
  cells: [
    {
      type: 'markdown',
      source: `# Two inputs, one neuron

Input 0 spikes at tick 1 and input 1 at tick 3. Each spike arrives one tick later (no delay) and adds its weight, in units of 64, to the neuron's current \`u\`.
With \`du: 4095\` the current is gone a tick later, and \`dv: 0\` keeps the voltage \`v\` from decaying, so \`v\` sums the two inputs: 6 + 5 = 11 reaches the threshold of 10 and the neuron spikes at tick 4.`,
    },
    { type: 'spec', source: SPEC },
    { type: 'run', mode: null, seed: 1, ticks: 20 },
  ],
};
