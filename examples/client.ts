/**
 * Runs a network on a Livenet server from a script:
 *
 *   LIVENET_API_KEY=... npx tsx examples/client.ts SPEC.(json|yaml) [--seed N] [--mode fixed|float]
 *     [--ticks N] [--out snapshot.safetensors]
 *
 * It creates a run from the spec file, prints the run's progress (ticks, samples, accuracy, spikes
 * per population) until the run ends, and saves the run's final snapshot as safetensors.
 * LIVENET_URL selects the server (default http://localhost:3000). Ctrl-C cancels the run.
 *
 * Exit status:
 * - 0: the run succeeded and the snapshot was saved.
 * - 1: the run failed or was cancelled, or the server failed.
 * - 2: bad arguments or an invalid spec.
 * - 3: the API key is missing or was rejected.
 * - 4: the server cannot be reached.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import {
  ApiFailure,
  type FailureKind,
  createLivenetClient,
  downloadSnapshot,
  toApiFailure,
} from './livenet-api';
import { type ProgressMessage, chunkDataSchema, watchRun } from './watch-run';

const USAGE =
  'usage: npx tsx examples/client.ts SPEC.(json|yaml) [--seed N] [--mode fixed|float] [--ticks N] [--out FILE]';
const DEFAULT_URL = 'http://localhost:3000';
const RECONNECT_TIMEOUT_MS = 30_000;

const EXIT_CODES: Record<FailureKind | 'run', number> = {
  run: 1,
  server: 1,
  invalid: 2,
  auth: 3,
  unreachable: 4,
};

type SpecSource = { format: 'yaml'; text: string } | { format: 'json'; value: unknown };

interface Arguments {
  specPath: string;
  seed?: number;
  mode?: 'fixed' | 'float';
  ticks?: number;
  out?: string;
}

function parseInteger(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < min) {
    throw new ApiFailure(
      'invalid',
      `invalid --${name} ${JSON.stringify(value)}: expected an integer >= ${min}`,
    );
  }
  return number;
}

function parseArguments(argv: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        mode: { type: 'string' },
        ticks: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new ApiFailure('invalid', `${(error as Error).message}; ${USAGE}`);
  }

  const { positionals, values } = parsed;
  const [specPath, ...extra] = positionals;
  if (specPath === undefined || extra.length > 0) throw new ApiFailure('invalid', USAGE);
  if (values.mode !== undefined && values.mode !== 'fixed' && values.mode !== 'float') {
    throw new ApiFailure('invalid', `invalid --mode ${JSON.stringify(values.mode)}: expected fixed or float`);
  }

  const seed = parseInteger('seed', values.seed, 0);
  const ticks = parseInteger('ticks', values.ticks, 1);
  return {
    specPath,
    ...(seed === undefined ? {} : { seed }),
    ...(values.mode === undefined ? {} : { mode: values.mode }),
    ...(ticks === undefined ? {} : { ticks }),
    ...(values.out === undefined ? {} : { out: values.out }),
  };
}

/** Reads the spec file; YAML goes to the server as text, so its errors carry line numbers. */
async function readSpecSource(specPath: string): Promise<SpecSource> {
  const isYaml = /\.ya?ml$/i.test(specPath);
  if (!isYaml && !/\.json$/i.test(specPath)) {
    throw new ApiFailure('invalid', `spec file ${specPath} must end in .json, .yaml or .yml`);
  }

  let text: string;
  try {
    text = await readFile(specPath, 'utf8');
  } catch (error) {
    throw new ApiFailure('invalid', `cannot read spec file ${specPath}: ${(error as Error).message}`);
  }
  if (isYaml) return { format: 'yaml', text };

  try {
    return { format: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ApiFailure('invalid', `spec file ${specPath} is not valid JSON: ${(error as Error).message}`);
  }
}

function formatMessage(message: ProgressMessage): string | null {
  if (message.type === 'status') {
    const error = message.error === null ? '' : `: ${message.error}`;
    return `status ${message.status} at tick ${message.ticksDone}/${message.totalTicks}${error}`;
  }
  if (message.type === 'event') return `event ${message.kind} at tick ${message.tick}`;

  const chunk = chunkDataSchema.safeParse(message.data);
  if (!chunk.success) return `tick ${message.tick}`;
  const { samplesDone, accuracy, spikeCounts } = chunk.data;
  // Sorted, because the database does not keep the key order of the JSON it stores.
  const spikes = Object.entries(spikeCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([population, count]) => `${population}=${count}`)
    .join(' ');
  const accuracyText = accuracy === null ? '-' : accuracy.toFixed(3);
  return `tick ${message.tick} samples ${samplesDone} accuracy ${accuracyText} spikes ${spikes}`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  const apiKey = process.env['LIVENET_API_KEY'];
  if (!apiKey) {
    throw new ApiFailure('auth', 'LIVENET_API_KEY is not set: create an API key in Settings > API keys');
  }
  const baseUrl = process.env['LIVENET_URL'] || DEFAULT_URL;
  if (!URL.canParse(baseUrl))
    throw new ApiFailure('invalid', `invalid LIVENET_URL ${JSON.stringify(baseUrl)}`);

  const spec = await readSpecSource(args.specPath);
  const client = createLivenetClient(baseUrl, apiKey);
  const run = await client.runs.create
    .mutate({
      source: { kind: 'spec', spec },
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      ...(args.mode === undefined ? {} : { mode: args.mode }),
      ...(args.ticks === undefined ? {} : { ticks: args.ticks }),
    })
    .catch((error: unknown) => {
      const failure = toApiFailure(error, baseUrl);
      throw failure.kind === 'invalid'
        ? new ApiFailure('invalid', `${args.specPath}: ${failure.message}`)
        : failure;
    });
  console.log(`run ${run.id} created: ${run.totalTicks} ticks, seed ${run.seed}, mode ${run.mode}`);

  // The first Ctrl-C cancels the run before exiting; a second one exits at once.
  const onInterrupt = () => {
    void client.runs.cancel
      .mutate({ runId: run.id })
      .then(() => console.error(`cancelled run ${run.id}`))
      .catch(() =>
        console.error(`could not cancel run ${run.id}, so it may still be running: cancel it in the web app`),
      )
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);

  const final = await watchRun(
    client,
    run.id,
    (message) => {
      const line = formatMessage(message);
      if (line !== null) console.log(line);
    },
    { reconnectTimeoutMs: RECONNECT_TIMEOUT_MS },
  );
  process.off('SIGINT', onInterrupt);
  if (final.status !== 'succeeded') {
    console.error(`error: run ${run.id} ${final.status}${final.error === null ? '' : `: ${final.error}`}`);
    return EXIT_CODES.run;
  }

  const snapshots = await client.snapshots.list.query({ runId: run.id });
  const snapshot = snapshots.find((candidate) => candidate.kind === 'final');
  if (snapshot === undefined)
    throw new ApiFailure('server', `run ${run.id} succeeded but has no final snapshot`);
  const bytes = await downloadSnapshot(baseUrl, apiKey, snapshot.id, snapshot.sha256);
  const out = args.out ?? `livenet-${run.id}.safetensors`;
  await writeFile(out, bytes);
  console.log(`saved final snapshot (tick ${snapshot.tick}, ${bytes.byteLength} bytes) to ${out}`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const failure = toApiFailure(error, process.env['LIVENET_URL'] || DEFAULT_URL);
  console.error(`error: ${failure.message}`);
  process.exitCode = EXIT_CODES[failure.kind];
}
