/**
 * Experiment entry point:
 *
 *     npm run experiment -- NAME [--json] [--samples N] [--neurons N] [--seed N] [--mode fixed|float]
 *                               [--test N] [--label N] [--param name=value ...] [--save FILE]
 *
 * Prints one line with the task, the test accuracy, the sample counts, the wall time, the
 * synaptic operations and the energy estimate (JSON with --json). While it runs, a progress bar
 * with the time left goes to stderr (a line every tenth of a phase when stderr is not a
 * terminal). `--save` writes the whole result, learned weights included, to FILE for the results
 * script.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { ExperimentOptions, ExperimentResult } from './types';

type Experiment = { run(options: ExperimentOptions): Promise<ExperimentResult> };

const EXPERIMENTS: Record<string, () => Promise<Experiment>> = {
  'diehl-cook': () => import('./diehl-cook'),
  rstdp: () => import('./rstdp-readout'),
  eprop: () => import('./eprop-rows'),
  drift: () => import('./drift'),
  'drift-eprop': () => import('./drift-eprop'),
};

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`--${name}: expected a non-negative integer, got ${text}`);
  }
  return value;
}

function parseParams(list: string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const item of list) {
    const [name, text] = item.split('=');
    const value = Number(text);
    if (name === undefined || name === '' || text === undefined || !Number.isFinite(value)) {
      throw new RangeError(`--param: expected name=number, got ${item}`);
    }
    params[name] = value;
  }
  return params;
}

/** Returns a progress callback that draws one bar per phase on stderr. */
function progressBars(): { update: ExperimentOptions['progress']; stop(): void } {
  let phase = '';
  let bar: cliProgress.SingleBar | null = null;
  let lastTenth = -1;
  const tty = process.stderr.isTTY;

  return {
    update(name, done, total) {
      if (name !== phase) {
        bar?.stop();
        phase = name;
        lastTenth = -1;
        bar = tty
          ? new cliProgress.SingleBar({
              stream: process.stderr,
              format: `${name.padEnd(6)} [{bar}] {value}/{total} digits | {duration_formatted} elapsed | {eta_formatted} left`,
              etaBuffer: 50,
            })
          : null;
        bar?.start(total, 0);
      }
      bar?.update(done);
      const tenth = Math.floor((10 * done) / total);
      if (!tty && tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${new Date().toISOString()} ${name} ${done}/${total}\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      samples: { type: 'string' },
      neurons: { type: 'string' },
      seed: { type: 'string', default: '1' },
      mode: { type: 'string', default: 'fixed' },
      test: { type: 'string' },
      label: { type: 'string' },
      param: { type: 'string', multiple: true, default: [] },
      save: { type: 'string' },
    },
  });
  const [name] = positionals;
  const load = name === undefined ? undefined : EXPERIMENTS[name];
  if (load === undefined) {
    process.stderr.write(`usage: npm run experiment -- ${Object.keys(EXPERIMENTS).join('|')} [--json]\n`);
    process.exitCode = 2;
    return;
  }
  if (values.mode !== 'fixed' && values.mode !== 'float') {
    throw new RangeError(`--mode: expected fixed or float, got ${values.mode}`);
  }

  const bars = progressBars();
  const experiment = await load();
  const result = await experiment.run({
    seed: positiveInteger('seed', values.seed) ?? 1,
    mode: values.mode,
    samples: positiveInteger('samples', values.samples),
    neurons: positiveInteger('neurons', values.neurons),
    testSamples: positiveInteger('test', values.test),
    labelSamples: positiveInteger('label', values.label),
    params: parseParams(values.param),
    progress: bars.update,
  });
  bars.stop();

  if (values.save !== undefined) {
    const command = `npm run experiment -- ${process.argv.slice(2).join(' ')}`;
    writeFileSync(values.save, JSON.stringify({ ...result, command }));
  }
  const { artifacts: _artifacts, details, ...summary } = result;
  const line = { ...summary, details: { ...details, curve: undefined } };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(line)}\n`
      : `${result.task}: accuracy ${(100 * result.accuracy).toFixed(2)}% on ${result.testSamples} test digits ` +
          `after ${result.trainSamples} training digits, ${result.wallS.toFixed(0)} s, seed ${result.seed}, ${result.mode}\n`,
  );
}

await main();
