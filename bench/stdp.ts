/**
 * Training speed of the digit tasks on one thread: `npm run bench -- stdp [--json] [SAMPLES]`.
 *
 * stdp: task 1 with 100 excitatory neurons (784 Poisson inputs, 350 ms presentation and 150 ms
 * rest at dt 0.5 ms, so 1,000 ticks a digit), pair STDP on the 78,400 input weights and weight
 * normalisation after every digit, driven through `RunSession` as the experiment drives it.
 * Brian2's C++ standalone mode trains the same network at 34.6 digits/s on this machine; the
 * goal is 100.
 *
 * eprop: task 3's recurrent network (100 ALIF neurons, 132 ticks a digit) on row sequences,
 * trained online with its task settings, in float mode (e-prop exists in float mode only).
 *
 * Each configuration first runs a few digits untimed (data loading and JIT warm-up), then times
 * the rest. Both wall-clock and CPU-time rates are printed, because on a shared machine the wall
 * clock also counts the time other processes hold the core.
 */
import { loadMnist } from '../core/data/mnist';
import type { NumericMode } from '../core/program';
import { RunSession } from '../core/session/run-session';
import type { Spec } from '../core/spec/schema';
import { diehlCookSpec } from '../core/templates/diehl-cook';
import { EPROP_ROWS_TASK_SETTINGS, EpropRowsTrainer } from '../core/templates/eprop-rows-trainer';

const WARM_UP_SAMPLES = 5;

export interface SpeedResult {
  benchmark: string;
  mode: NumericMode;
  samples: number;
  wallS: number;
  cpuS: number;
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
  ticksPerSample: number;
}

function timeSession(name: string, spec: Spec, samples: number): SpeedResult {
  const session = RunSession.create(spec, { seed: 1 });
  const ticksPerSample = session.totalTicks / (samples + WARM_UP_SAMPLES);
  session.advance(WARM_UP_SAMPLES * ticksPerSample);

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (!session.done) session.advance(10 * ticksPerSample);
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  return {
    benchmark: name,
    mode: spec.chip.mode,
    samples,
    wallS,
    cpuS,
    samplesPerSecond: samples / wallS,
    samplesPerCpuSecond: samples / cpuS,
    ticksPerSample,
  };
}

function timeEprop(samples: number): SpeedResult {
  const trainer = new EpropRowsTrainer(
    { ...EPROP_ROWS_TASK_SETTINGS, trainSamples: samples + WARM_UP_SAMPLES },
    1,
  );
  trainer.train(WARM_UP_SAMPLES);

  const cpuStart = process.cpuUsage();
  const start = performance.now();
  trainer.train(samples);
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  return {
    benchmark: 'eprop',
    mode: 'float',
    samples,
    wallS,
    cpuS,
    samplesPerSecond: samples / wallS,
    samplesPerCpuSecond: samples / cpuS,
    ticksPerSample: trainer.ticksPerSample,
  };
}

function formatLine(r: SpeedResult): string {
  return (
    `${r.benchmark} ${r.mode}: ${r.samplesPerSecond.toFixed(1)} digits/s wall, ` +
    `${r.samplesPerCpuSecond.toFixed(1)} digits/s of CPU time (${r.samples} digits, ` +
    `${r.ticksPerSample} ticks each, ${r.wallS.toFixed(1)} s)`
  );
}

export async function run(json: boolean, args: string[]): Promise<void> {
  const samples = args[0] === undefined ? 50 : Number(args[0]);
  if (!Number.isSafeInteger(samples) || samples < 1) {
    throw new RangeError(`stdp bench: expected a positive number of digits, got ${args[0]}`);
  }
  loadMnist();

  const results: SpeedResult[] = [];
  for (const mode of ['fixed', 'float'] as const) {
    const spec = diehlCookSpec({ neurons: 100, samples: samples + WARM_UP_SAMPLES, mode });
    results.push(timeSession('stdp', spec, samples));
  }
  results.push(timeEprop(samples));

  for (const result of results) {
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatLine(result)}\n`);
  }
  await Promise.resolve();
}
