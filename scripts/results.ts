/**
 * Writes `docs/results.md` and its pictures (`docs/results/*.png`) from real experiment runs:
 *
 *     npx tsx scripts/results.ts [--run] [--only ID,ID]
 *
 * Each run listed in `RUNS` is an `npm run experiment` command whose whole result (`--save`)
 * lives in `docs/results/runs/<id>.json`, kept in git so the page can be written again without
 * rerunning anything. With `--run` the script first runs the
 * commands (one after the other; hours in all on a 2-core machine), else it renders the results
 * already saved and lists the missing ones as not run. Every figure on the page comes from those
 * files: nothing is typed in by hand except the published figures quoted beside ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { z } from 'zod';
import { lineChart, receptiveFields } from '../experiments/plots';
import type { Series } from '../experiments/plots';
import { DIEHL_COOK_DT_MS, DIEHL_COOK_PRESENT_TICKS } from '../core/templates/diehl-cook';

const RESULTS_DIRECTORY = 'docs/results/runs';
const DOCS_DIRECTORY = 'docs';
const PICTURES_DIRECTORY = join(DOCS_DIRECTORY, 'results');

const curveSchema = z.array(z.object({ samples: z.number(), accuracy: z.number() }));

const resultSchema = z.object({
  task: z.string(),
  accuracy: z.number(),
  trainSamples: z.number(),
  testSamples: z.number(),
  wallS: z.number(),
  synapticOps: z.number(),
  energyEstimateJ: z.number(),
  seed: z.number(),
  mode: z.string(),
  command: z.string(),
  details: z.record(z.string(), z.unknown()),
  artifacts: z.record(z.string(), z.unknown()).optional(),
});
type Result = z.infer<typeof resultSchema>;

interface Picture {
  file: string;
  caption: string;
  png: Buffer;
}

interface RunEntry {
  id: string;
  title: string;
  args: string[];
  /** Published figure to show beside ours, with its source. */
  published: string;
  /** Accuracy the task must reach, or null when its goal is a comparison shown in `rows`. */
  goal: number | null;
  /** Rows of task-specific figures added to the table. */
  rows?: (result: Result) => string[];
  pictures?: (result: Result) => Picture[];
}

const BLUE = [40, 90, 200] as const;
const RED = [200, 50, 40] as const;
const GREEN = [30, 150, 60] as const;

function curvePicture(id: string, result: Result, caption: string): Picture[] {
  const curve = curveSchema.safeParse(result.details['curve']);
  if (!curve.success || curve.data.length === 0) return [];
  const points = curve.data.map((p) => [p.samples, 100 * p.accuracy] as const);
  const xMax = Math.max(...points.map(([x]) => x));
  return [
    {
      file: `${id}-curve.png`,
      caption,
      png: lineChart([{ points, color: BLUE }], {
        xMax,
        yMin: 0,
        yMax: 100,
        xStep: xMax >= 4000 ? 1000 : 500,
        yStep: 10,
        ySuffix: '%',
      }),
    },
  ];
}

function fieldsPicture(id: string, result: Result, neurons: number): Picture[] {
  const weights = z.array(z.array(z.number())).safeParse(result.artifacts?.['inputWeights']);
  if (!weights.success) return [];
  return [
    {
      file: `${id}-fields.png`,
      caption: `Learned receptive fields: the 784 input weights of each of the ${neurons} neurons as a 28 x 28 tile, black for the neuron's largest weight.`,
      png: receptiveFields(weights.data, neurons > 100 ? 20 : 10),
    },
  ];
}

const DRIFT_CAPTION =
  'Accuracy on drifted test digits (contrast halved, shifted 3 pixels) against the drifted training digits seen after the drift: frozen network in red, living network in green, accuracy on clean test digits before the drift in blue.';

function driftPicture(id: string, result: Result, caption: string): Picture[] {
  const curves = z
    .object({ frozen: curveSchema, living: curveSchema, corrupted: curveSchema.optional() })
    .safeParse(result.details['driftCurves']);
  if (!curves.success) return [];
  const series: Series[] = [
    { points: curves.data.frozen.map((p) => [p.samples, 100 * p.accuracy] as const), color: RED },
    { points: curves.data.living.map((p) => [p.samples, 100 * p.accuracy] as const), color: GREEN },
  ];
  const xMax = Math.max(...curves.data.living.map((p) => p.samples), 1);
  const preDrift = result.details['preDrift'];
  if (typeof preDrift === 'number') {
    series.push({
      points: [
        [0, 100 * preDrift],
        [xMax, 100 * preDrift],
      ],
      color: BLUE,
    });
  }
  return [
    {
      file: `${id}-frozen-vs-living.png`,
      caption,
      png: lineChart(series, { xMax, yMin: 0, yMax: 100, xStep: 500, yStep: 10, ySuffix: '%' }),
    },
  ];
}

const corruptedSchema = z.object({
  before: z.number(),
  withEnvelope: z.number(),
  withoutEnvelope: z.number(),
  rollbacks: z.number(),
});
const driftDetailsSchema = z.object({
  preDrift: z.number(),
  frozenDrift: z.number(),
  livingDrift: z.number(),
  recovered: z.number(),
  driftRollbacks: z.number(),
  corrupted: corruptedSchema,
  livingFeatures: z.boolean().optional(),
  metricWindow: z.number().optional(),
  envelope: z.object({ rollback: z.object({ floor: z.number() }).optional() }).optional(),
});

/** Rows of the drift task: the accuracies of each phase and what the two goals compare. */
function driftRows(result: Result): string[] {
  const details = driftDetailsSchema.safeParse(result.details);
  if (!details.success) return [];
  const d = details.data;
  const corruptedDrop = d.corrupted.before - d.corrupted.withEnvelope;
  const floor = d.envelope?.rollback?.floor;
  const rule =
    floor === undefined || d.metricWindow === undefined
      ? []
      : [
          `| what lives | the readout${d.livingFeatures === true ? ' and the feature layer (STDP, adaptive thresholds)' : ' only'} |`,
          `| rollback rule | share of rewarded answers over the last ${d.metricWindow} digits below ${percent(floor)} |`,
        ];
  return [
    ...rule,
    `| before the drift (clean test digits) | ${percent(d.preDrift)} |`,
    `| frozen network, drifted test digits | ${percent(d.frozenDrift)} |`,
    `| living network after the drifted training digits | ${percent(d.livingDrift)}, ${percent(d.recovered)} of the pre-drift accuracy (goal 90%): **${d.recovered >= 0.9 ? 'met' : 'not met'}** |`,
    `| rollbacks while adapting to the drift | ${d.driftRollbacks} |`,
    `| shuffled labels, with the envelope | ${percent(d.corrupted.withEnvelope)} (${d.corrupted.rollbacks} rollbacks), ${(100 * corruptedDrop).toFixed(1)} points below before (goal at most 10): **${corruptedDrop <= 0.1 ? 'met' : 'not met'}** |`,
    `| shuffled labels, without the envelope | ${percent(d.corrupted.withoutEnvelope)} |`,
  ];
}

const driftEpropSchema = z.object({
  preDrift: z.number(),
  frozenDrift: z.number(),
  livingDrift: z.number(),
  recovered: z.number(),
  driftRate: z.number(),
});

/** Rows of the e-prop drift task: the accuracy of each phase and the recovery goal. */
function driftEpropRows(result: Result): string[] {
  const details = driftEpropSchema.safeParse(result.details);
  if (!details.success) return [];
  const d = details.data;
  return [
    `| what lives | every weight of the e-prop network (input, recurrent, readout), step ${d.driftRate} times task 3's starting rate, weights bounded to -8..8; the task trainer applies no drift budget or rollback (the simulator's e-prop takes an envelope, the trainer does not) |`,
    `| before the drift (clean test digits) | ${percent(d.preDrift)} |`,
    `| frozen network, drifted test digits | ${percent(d.frozenDrift)} |`,
    `| living network after the drifted training digits | ${percent(d.livingDrift)}, ${percent(d.recovered)} of the pre-drift accuracy (goal 90%): **${d.recovered >= 0.9 ? 'met' : 'not met'}** |`,
  ];
}

const RUNS: RunEntry[] = [
  {
    id: 'diehl-cook-100',
    title: 'Task 1: unsupervised STDP (Diehl and Cook), 100 neurons',
    args: ['diehl-cook', '--neurons', '100', '--seed', '1'],
    published: 'about 82% (BindsNET replication, 100 neurons, 60,000 training digits)',
    goal: 0.85,
    pictures: (r) => [
      ...curvePicture(
        'diehl-cook-100',
        r,
        'Running vote accuracy over the last 100 training digits, each digit predicted before its label updates the neuron labels (y), against training digits seen (x).',
      ),
      ...fieldsPicture('diehl-cook-100', r, 100),
    ],
  },
  {
    id: 'diehl-cook-400',
    title: 'Task 1: unsupervised STDP (Diehl and Cook), 400 neurons',
    args: ['diehl-cook', '--neurons', '400', '--seed', '1'],
    published: '87.0% (Diehl and Cook 2015, 400 neurons, 60,000 training digits)',
    goal: 0.9,
    pictures: (r) => [
      ...curvePicture(
        'diehl-cook-400',
        r,
        'Running vote accuracy over the last 100 training digits, each digit predicted before its label updates the neuron labels (y), against training digits seen (x).',
      ),
      ...fieldsPicture('diehl-cook-400', r, 400),
    ],
  },
  {
    id: 'rstdp',
    title: 'Task 2: R-STDP readout on task 1 features',
    args: ['rstdp', '--seed', '1'],
    published: 'none for this setup',
    goal: 0.85,
    pictures: (r) =>
      curvePicture(
        'rstdp',
        r,
        'Share of +1 rewards over the last 200 training digits (y) against training digits (x).',
      ),
  },
  {
    id: 'rstdp-400',
    title: 'Task 2: R-STDP readout on the 400-neuron features',
    args: [
      'rstdp',
      '--neurons',
      '400',
      '--param',
      'readoutEta=8',
      '--param',
      'readoutThreshold=4',
      '--param',
      'readoutOutputDecay=4',
      '--seed',
      '1',
    ],
    published: 'none for this setup',
    goal: 0.85,
    pictures: (r) =>
      curvePicture(
        'rstdp-400',
        r,
        'Share of +1 rewards over the last 200 training digits (y) against training digits (x), 400 feature neurons.',
      ),
  },
  {
    id: 'eprop',
    title: 'Task 3: e-prop on row sequences generated from MNIST',
    args: ['eprop', '--seed', '1'],
    published: 'none for this setup',
    goal: 0.92,
    pictures: (r) =>
      curvePicture('eprop', r, 'Training accuracy over the last 500 digits (y) against training digits (x).'),
  },
  {
    id: 'drift',
    title: 'Task 4: drift, frozen versus living network',
    args: ['drift', '--seed', '1'],
    published: 'none (goal: recover 90% of the pre-drift accuracy within 2,000 digits)',
    goal: null,
    rows: driftRows,
    pictures: (r) =>
      driftPicture(
        'drift',
        r,
        `${DRIFT_CAPTION} Red and green points score a frozen copy of the network (the readout and, when the feature layer lives, that layer too) on the same 500 drifted test digits.`,
      ),
  },
  {
    id: 'drift-eprop',
    title: 'Task 4: drift, frozen versus living e-prop network',
    args: ['drift-eprop', '--seed', '1'],
    published: 'none (goal: recover 90% of the pre-drift accuracy within 2,000 digits)',
    goal: null,
    rows: driftEpropRows,
    pictures: (r) =>
      driftPicture(
        'drift-eprop',
        r,
        `${DRIFT_CAPTION} Green points score the network, learning paused, on the same 500 drifted test digits.`,
      ),
  },
];

function resultPath(id: string): string {
  return join(RESULTS_DIRECTORY, `${id}.json`);
}

function runExperiment(entry: RunEntry): void {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const args = ['run', 'experiment', '--', ...entry.args, '--json', '--save', resultPath(entry.id)];
  process.stderr.write(`running npm ${args.join(' ')}\n`);
  const status = spawnSync('npm', args, { stdio: 'inherit' }).status;
  if (status !== 0) process.stderr.write(`${entry.id}: the experiment failed with exit status ${status}\n`);
}

/** Rows for details that several tasks record. */
function commonRows(result: Result): string[] {
  const rows: string[] = [];
  const vote = result.details['voteAccuracy'];
  if (typeof vote === 'number') {
    rows.push(`| plain vote (each neuron labelled with one class), same run | ${accuracyPercent(vote)} |`);
  }
  const neurons = result.details['neurons'];
  if ((result.task === 'eprop-rows' || result.task === 'drift-eprop') && typeof neurons === 'number') {
    rows.push(`| recurrent ALIF neurons | ${neurons} |`);
  }
  const readout = result.details['readout'];
  if (typeof readout === 'object' && readout !== null && 'presentTicks' in readout) {
    const ticks = Number(readout.presentTicks);
    rows.push(`| presentation | ${ticks * DIEHL_COOK_DT_MS} ms per training and test digit |`);
  }
  const testRepeats = result.details['testRepeats'];
  if (typeof testRepeats === 'number' && testRepeats > 1) {
    rows.push(`| runs per test digit | ${testRepeats}, readout scores added (fresh input spikes each run) |`);
  }
  const scorePresentTicks = result.details['scorePresentTicks'];
  if (typeof scorePresentTicks === 'number') {
    rows.push(
      `| presentation | ${scorePresentTicks * DIEHL_COOK_DT_MS} ms per labelling and test digit, ${DIEHL_COOK_PRESENT_TICKS * DIEHL_COOK_DT_MS} ms per training digit |`,
    );
  }
  const retries = result.details['retries'];
  const retry = result.details['retry'];
  if (typeof retries === 'number' && typeof retry === 'object' && retry !== null) {
    const { minSpikes, rateStepHz, maxRetries } = retry as Record<string, unknown>;
    rows.push(
      `| digits shown again | ${retries} showings of labelling and test digits that drew fewer than ${String(minSpikes)} layer spikes, each at ${String(rateStepHz)} Hz more input rate than the last, up to ${String(maxRetries)} times per digit |`,
    );
  }
  const testRetries = result.details['testRetries'];
  const testRetry = result.details['testRetry'];
  if (typeof testRetries === 'number' && typeof testRetry === 'object' && testRetry !== null) {
    const { rateStepHz, maxRetries } = testRetry as Record<string, unknown>;
    rows.push(
      `| test digits shown again | ${testRetries} showings of test digits with no output spike, each at ${String(rateStepHz)} Hz more input rate than the last, up to ${String(maxRetries)} times per digit |`,
    );
  }
  if (result.details['featuresFromCache'] === true) {
    rows.push(
      '| trained layer | read from the cache of an earlier run with the same settings, so its training is not counted in the wall time, operations and energy above |',
    );
  }
  return rows;
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

/** Formats a test accuracy with two decimals, which show a count out of 2,000 digits exactly. */
function accuracyPercent(value: number): string {
  return `${(100 * value).toFixed(2)}%`;
}

function renderEntry(entry: RunEntry, result: Result): string[] {
  const lines = [
    `## ${entry.title}`,
    '',
    '| | value |',
    '|---|---|',
    `| our accuracy (held-out test digits) | **${accuracyPercent(result.accuracy)}** on ${result.testSamples} digits |`,
    `| published | ${entry.published} |`,
    ...(entry.goal === null
      ? []
      : [`| goal | ${percent(entry.goal)}: **${result.accuracy >= entry.goal ? 'met' : 'not met'}** |`]),
    `| training digits | ${result.trainSamples} |`,
    `| seed, numeric mode | ${result.seed}, ${result.mode} |`,
    `| wall time | ${result.wallS.toFixed(0)} s |`,
    `| synaptic operations | ${result.synapticOps.toExponential(3)} |`,
    `| energy | ${result.energyEstimateJ.toExponential(3)} J (estimate, cost table loihi-2018-table2) |`,
    `| command | \`${result.command}\` |`,
    ...commonRows(result),
    ...(entry.rows?.(result) ?? []),
    '',
  ];
  const notes = result.details['notes'];
  if (typeof notes === 'string') lines.push(notes, '');

  for (const picture of entry.pictures?.(result) ?? []) {
    writeFileSync(join(PICTURES_DIRECTORY, picture.file), picture.png);
    lines.push(`![${picture.caption}](results/${picture.file})`, '', `*${picture.caption}*`, '');
  }
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { run: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const only = values.only?.split(',');
  const selected = RUNS.filter((entry) => only === undefined || only.includes(entry.id));

  if (values.run) for (const entry of selected) runExperiment(entry);
  mkdirSync(PICTURES_DIRECTORY, { recursive: true });

  const lines = [
    '# Results on real digits',
    '',
    'Every number below comes from a saved run of `npm run experiment` on the machine the',
    'project is developed on (2 cores shared with other work, so wall times are long). The test',
    'digits are the 2,000 of the held-out test split; nothing was trained or tuned on them.',
    'Regenerate this page with `npx tsx scripts/results.ts --run` (hours), or from saved runs',
    'with `npx tsx scripts/results.ts`.',
    '',
    'Task 1 stores its trained layer in `.data/experiments/`, and later runs with the same',
    'options and seed (tasks 2 and 4, or a rescoring of task 1) read it from there. Wall time,',
    'synaptic operations and energy cover only the phases a command ran, so a run whose',
    'features came from that cache leaves out their training.',
    '',
  ];
  for (const entry of RUNS) {
    const path = resultPath(entry.id);
    if (!existsSync(path)) {
      lines.push(
        `## ${entry.title}`,
        '',
        `Not run yet: \`npm run experiment -- ${entry.args.join(' ')}\`.`,
        '',
      );
      continue;
    }
    const result = resultSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    lines.push(...renderEntry(entry, result));
  }
  // Formatted as the repository's other Markdown is, so that the page passes `prettier --check`.
  const page = await format(lines.join('\n'), { parser: 'markdown' });
  writeFileSync(join(DOCS_DIRECTORY, 'results.md'), page);
}

await main();
