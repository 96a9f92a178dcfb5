/**
 * The e-prop rows template reports the accuracy of its trained linear readout. On the same seeded
 * digits, the run scores the same digits right and wrong as the e-prop experiment trainer
 * (`core/templates/eprop-rows-trainer.ts`). The trainer predicts the class of the largest readout
 * summed over the read ticks, before the digit's update.
 */
import { describe, expect, it } from 'vitest';
import { RunSession } from '@/core/session/run-session';
import { parseSpecYaml } from '@/core/spec/yaml';
import { EPROP_ROWS_TASK_SETTINGS, EpropRowsTrainer } from '@/core/templates/eprop-rows-trainer';
import { EPROP_ROWS } from './eprop-rows';

const DIGITS = 60;
const PERIOD = 28 * 4 + 20;

function templateSpec(samples: number) {
  const cell = EPROP_ROWS.cells.find((c) => c.type === 'spec');
  if (cell?.type !== 'spec') throw new Error('the template has no spec cell');
  const parsed = parseSpecYaml(cell.source.replace(/samples: \d+/, `samples: ${samples}`));
  if (!('spec' in parsed)) throw new Error(JSON.stringify(parsed.issues));
  return parsed.spec;
}

describe('eprop-rows template accuracy', () => {
  it('equals the trainer online, digit by digit (seed 1)', () => {
    // The window of the running accuracy (100 samples) contains every digit here, so accuracy x
    // samples is the count of right digits so far, and each step of it is a digit scored right.
    const session = RunSession.create(templateSpec(DIGITS), { seed: 1 });
    expect(session.accuracyKind).toBe('linear');
    const reported: number[] = [];
    let before = 0;
    while (!session.done) {
      const report = session.advance(PERIOD);
      const correct = Math.round(report.accuracy! * report.samplesDone);
      reported.push(correct - before);
      before = correct;
    }

    const trainer = new EpropRowsTrainer({ ...EPROP_ROWS_TASK_SETTINGS, trainSamples: 60_000 }, 1);
    const trained = Array.from({ length: DIGITS }, () => trainer.train(1));

    expect(reported).toEqual(trained);
    // Both right and wrong digits occur, so a scoring that differs on any digit fails the comparison.
    expect(new Set(trained)).toEqual(new Set([0, 1]));
  }, 120_000);
});
