/**
 * The Livenet command line: drives the core without the web app.
 *
 *   livenet simulate SPEC.json|SPEC.yaml --ticks N --seed S [--mode fixed|float] [--json]
 *
 * With --json it prints one JSON object (spikes, state, weights, counters); without, a short
 * summary. Exit status 0 on success, 2 with a one-line message on a bad spec or bad arguments.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseSpec } from '../core/spec/parse';
import { simulate } from '../core/run/simulate';
import { LivenetError } from '../core/errors';

const USAGE = 'usage: livenet simulate SPEC.json --ticks N --seed S [--mode fixed|float] [--json]';

/**
 * Ticks per command. The run keeps every recorded spike and sample in memory until it prints
 * them, so an unbounded count ends in an out-of-memory crash instead of an error.
 */
export const MAX_CLI_TICKS = 100_000_000;

const HELP = `${USAGE}

Runs a network spec (JSON, or YAML when the file name ends in .yaml or .yml) on the core and
prints a one-line summary of the run.

options:
  --ticks N      number of ticks to run, 1..${MAX_CLI_TICKS.toLocaleString('en-US')}
  --seed S       seed of the random streams, an integer in 0..2^53 - 1
  --mode MODE    fixed (integer arithmetic of the chip) or float; default: the spec's chip.mode
  --json         print one JSON object (spikes, state, weights, counters) instead of the summary
  -h, --help     print this help and exit
`;

class UsageError extends Error {}

function parseInteger(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined) throw new UsageError(`missing --${name}; ${USAGE}`);
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`invalid --${name} ${JSON.stringify(value)}: expected an integer in ${min}..${max}`);
  }
  return number;
}

/** Parses the options, turning Node's parse errors (unknown option, missing value) into usage errors. */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ticks: { type: 'string' },
        seed: { type: 'string' },
        mode: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const message = (error as Error).message.split('\n')[0]!.replace(/\.$/, '');
    // Node reads `--seed -1` as a missing value followed by an option named `-1`.
    const hint =
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? ' (write a value that starts with a dash as --seed=-1)'
        : '';
    throw new UsageError(`${message}${hint}; ${USAGE}`);
  }
}

function readSpecFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read spec file ${path}: ${(error as Error).message}`);
  }
  try {
    return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `spec file ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
    );
  }
}

function main(argv: string[]): number {
  const { positionals, values } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const [command, specPath] = positionals;
  if (command !== 'simulate' || specPath === undefined) throw new UsageError(USAGE);
  const ticks = parseInteger('ticks', values.ticks, 1, MAX_CLI_TICKS);
  const seed = parseInteger('seed', values.seed, 0, Number.MAX_SAFE_INTEGER);
  const mode = values.mode;
  if (mode !== undefined && mode !== 'fixed' && mode !== 'float') {
    throw new UsageError(`invalid --mode ${JSON.stringify(mode)}: expected fixed or float`);
  }

  const spec = parseSpec(readSpecFile(specPath));
  const result = simulate(spec, { ticks, seed, ...(mode === undefined ? {} : { mode }) });

  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const counts = Object.entries(result.spikes).map(([name, spikes]) => `${name}: ${spikes.length} spikes`);
    process.stdout.write(
      `${spec.name}: ${ticks} ticks in ${result.mode} mode, seed ${seed}; ${counts.join(', ') || 'no recorded spikes'}; ` +
        `${result.counters.synapticOps} synaptic ops; energy estimate ${result.counters.energyEstimateJ.toExponential(3)} J (${result.counters.energyTable})\n`,
    );
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof LivenetError) {
    process.stderr.write(`livenet: ${error.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
