'use client';

import { useState } from 'react';

import { NetworkCellEditor } from '../../_editor/network-cell-editor';

const PAIR_DEMO = `apiVersion: livenet/v1
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
      registers: { du: 4095, dv: 0, vth: 10 }
projections:
  - name: in-out
    from: in
    to: out
    connectivity: { kind: dense }
    weights: { values: [[5], [3]] }
    delay: 0
stimulus:
  - population: in
    spikes: [[1, 0], [3, 1]]
record:
  spikes: [out]
`;

export function EditorPlayground() {
  const [text, setText] = useState(PAIR_DEMO);
  const [runs, setRuns] = useState(0);

  return (
    <div className="space-y-3">
      <header className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Spec editor</h1>
        <span className="text-sm text-muted" data-testid="run-count">
          Shift+Enter pressed {runs} times
        </span>
      </header>
      <NetworkCellEditor value={text} onChange={setText} onRun={() => setRuns((n) => n + 1)} />
    </div>
  );
}
