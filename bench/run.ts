/**
 * Benchmark entry point: `npm run bench -- NAME [--json]`. Each benchmark prints one JSON line
 * per configuration with --json, or a readable line without. Benchmarks print numbers; they
 * assert nothing, and no test depends on their timing.
 */
import { parseArgs } from 'node:util';

const BENCHMARKS: Record<string, () => Promise<{ run(json: boolean, args: string[]): Promise<void> }>> = {
  cuba: () => import('./cuba'),
  stdp: () => import('./stdp'),
  'lif-kernel': () => import('./lif-kernel'),
  api: () => import('./api'),
  load: () => import('./load'),
  ui: () => import('./ui'),
};

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: { json: { type: 'boolean', default: false } },
  });
  const [name, ...rest] = positionals;
  const load = name === undefined ? undefined : BENCHMARKS[name];
  if (load === undefined) {
    process.stderr.write(`usage: npm run bench -- ${Object.keys(BENCHMARKS).join('|')} [--json]\n`);
    process.exitCode = 2;
    return;
  }
  const benchmark = await load();
  await benchmark.run(values.json === true, rest);
}

await main();
