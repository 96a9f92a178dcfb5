/**
 * The `rows` encoder in a spec: the semantic checks of its data and population, and the stimulus
 * that `buildStimuli` makes of it.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../compile/compile';
import { image, sampleOrder } from '../data/mnist';
import { parseSpec } from '../spec/parse';
import { changed, specErrorOf } from '../spec/test-support';
import { buildStimuli } from './build-stimuli';

const TICKS_PER_ROW = 2;
const REST_TICKS = 3;
const PERIOD = 28 * TICKS_PER_ROW + REST_TICKS;

function rowsInput(): Record<string, unknown> {
  return {
    apiVersion: 'livenet/v1',
    name: 'rows',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'rows', size: 56, kind: 'input' },
      {
        name: 'rec',
        size: 4,
        neuron: { model: 'lif', physical: { tauSynMs: 2, tauMemMs: 20, vth: 1, refractoryMs: 2 } },
      },
    ],
    projections: [
      {
        name: 'rows-rec',
        from: 'rows',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'constant', value: 0.1 },
      },
    ],
    stimulus: [
      {
        population: 'rows',
        encoder: { kind: 'rows', ticksPerRow: TICKS_PER_ROW, rowCue: true },
        data: { dataset: 'mnist', split: 'train', samples: 2, presentTicks: 56, restTicks: REST_TICKS },
      },
    ],
  };
}

/** Returns the spiking inputs of every tick of the first `ticks` ticks of the spec's stimulus. */
function inputSpikes(seed: number, ticks: number): number[][] {
  const program = compile(parseSpec(rowsInput()), { seed });
  const [stimulus] = buildStimuli(program, seed);
  const out: number[][] = [];
  for (let tick = 1; tick <= ticks; tick++) {
    const spiked = new Uint8Array(program.neuronCount);
    stimulus!.fill(tick, spiked);
    out.push([...spiked.subarray(0, 56).keys()].filter((i) => spiked[i] === 1));
  }
  return out;
}

describe('rows encoder spec checks', () => {
  it('rejects presentTicks other than 28 rows', () => {
    const input = changed(rowsInput(), [['stimulus', 0, 'data', 'presentTicks'], 100]);
    const issue = specErrorOf(() => parseSpec(input)).issues[0]!;
    expect(issue.path).toBe('stimulus[0].data.presentTicks');
    expect(issue.message).toContain('expected 56');
    expect(issue.message).toContain('ticksPerRow 2');
    expect(issue.message).toContain('got 100');
  });

  it('rejects a population without cue room', () => {
    const input = changed(rowsInput(), [['populations', 0, 'size'], 28]);
    const issue = specErrorOf(() => parseSpec(input)).issues[0]!;
    expect(issue.path).toBe('stimulus[0].population');
    expect(issue.message).toContain('needs size 56, not 28');
  });

  it('rejects a rows encoder without data', () => {
    const input = changed(rowsInput(), [['stimulus', 0, 'data'], undefined]);
    const issue = specErrorOf(() => parseSpec(input)).issues[0]!;
    expect(issue.path).toBe('stimulus[0].data');
    expect(issue.message).toContain('missing');
  });

  it('defaults rowCue to false', () => {
    const input = changed(
      rowsInput(),
      [['populations', 0, 'size'], 28],
      [['stimulus', 0, 'encoder'], { kind: 'rows', ticksPerRow: 2 }],
    );
    expect(parseSpec(input).stimulus[0]!.encoder).toEqual({ kind: 'rows', ticksPerRow: 2, rowCue: false });
  });
});

describe('rows data stimulus', () => {
  it('shows the first digit row by row', () => {
    const pixels = image(sampleOrder('train', 4, 1)[0]!);
    const spikes = inputSpikes(4, PERIOD);

    for (let step = 0; step < 28 * TICKS_PER_ROW; step++) {
      const row = Math.floor(step / TICKS_PER_ROW);
      const columns = spikes[step]!.filter((i) => i < 28);
      // A column spikes only where its pixel is lit, and always where the pixel is 1.
      for (const c of columns) expect(pixels[row * 28 + c]).toBeGreaterThan(0);
      for (let c = 0; c < 28; c++) if (pixels[row * 28 + c] === 1) expect(columns).toContain(c);
      expect(spikes[step]!.filter((i) => i >= 28)).toEqual([28 + row]);
    }
    for (let step = 28 * TICKS_PER_ROW; step < PERIOD; step++) expect(spikes[step]).toEqual([]);
  });

  it('repeats for one seed', () => {
    const first = inputSpikes(4, 2 * PERIOD);
    expect(inputSpikes(4, 2 * PERIOD)).toEqual(first);
    expect(inputSpikes(5, 2 * PERIOD)).not.toEqual(first);
  });
});
