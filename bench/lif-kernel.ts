/**
 * Throughput of the fixed-point LIF/ALIF population update alone: the TypeScript kernel against
 * the WebAssembly kernel (four-lane SIMD and one neuron at a time), in neuron updates per second.
 *
 *     npx tsx bench/lif-kernel.ts [--neurons 64000] [--json]
 *
 * One population of regularly firing neurons (bias just above what the leak removes, about one
 * spike every 20 ticks) gets sparse random input: 5% of neurons receive a weight sum in
 * -40..40 each tick, from eight pre-drawn input frames used in turn, so nothing is copied or
 * drawn inside the timed loop. Each configuration warms up for 300 ticks, then times 11 samples
 * of 200 ticks; the median, minimum and maximum sample are printed. Single thread.
 *
 * Rates come from wall-clock time and, separately, from the process's CPU time (user + system,
 * all threads). On a shared, busy machine the CPU-time rate estimates what an idle core would do.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { NeuronRegisters } from '../core/program';
import { RandomStream } from '../core/random';
import { createFixedNeuronState, stepFixedLif } from '../core/neuron/lif';
import type { FixedNeuronState, SpikingModel } from '../core/neuron/lif';
import { createWasmLifKernel } from '../core/wasm/lif-wasm';

const INPUT_FRAMES = 8;
const WARMUP_TICKS = 300;
const SAMPLES = 11;
const TICKS_PER_SAMPLE = 200;

const REGISTERS: NeuronRegisters = {
  du: 410,
  dv: 200,
  vth: 160,
  biasMant: 300,
  biasExp: 1,
  refractory: 5,
  dThreshold: 20,
  adaptInc: 40,
};

type Kernel = 'typescript' | 'wasm-simd' | 'wasm-scalar';

interface Population {
  state: FixedNeuronState;
  frames: Int32Array[];
  spiked: Uint8Array;
  step: (state: FixedNeuronState, aIn: Int32Array, spiked: Uint8Array) => number;
}

function fillFrames(frames: Int32Array[], seed: number): void {
  const random = new RandomStream(seed, 'lif-kernel-bench');
  for (const frame of frames) {
    for (let i = 0; i < frame.length; i++) {
      frame[i] = random.nextInt(20) === 0 ? random.nextInt(81) - 40 : 0;
    }
  }
}

function createPopulation(kernel: Kernel, model: SpikingModel, neurons: number): Population {
  if (kernel === 'typescript') {
    const frames = Array.from({ length: INPUT_FRAMES }, () => new Int32Array(neurons));
    fillFrames(frames, 1);
    return {
      state: createFixedNeuronState(neurons),
      frames,
      spiked: new Uint8Array(neurons),
      step: (state, aIn, spiked) => stepFixedLif(state, REGISTERS, model, aIn, spiked),
    };
  }

  const wasm = createWasmLifKernel(neurons * (INPUT_FRAMES + 1), { vectorized: kernel === 'wasm-simd' });
  const frames = Array.from({ length: INPUT_FRAMES }, () => wasm.allocateInt32(neurons));
  fillFrames(frames, 1);
  return {
    state: wasm.createFixedNeuronState(neurons),
    frames,
    spiked: wasm.allocateUint8(neurons),
    step: (state, aIn, spiked) => wasm.stepFixedLif(state, REGISTERS, model, aIn, spiked),
  };
}

/** Runs `ticks` updates and returns the number of spikes, so the work cannot be skipped. */
function runTicks(population: Population, firstTick: number, ticks: number): number {
  let spikes = 0;
  for (let tick = firstTick; tick < firstTick + ticks; tick++) {
    spikes += population.step(population.state, population.frames[tick % INPUT_FRAMES]!, population.spiked);
  }
  return spikes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Result {
  kernel: Kernel;
  model: SpikingModel;
  neurons: number;
  medianUpdatesPerSecond: number;
  minUpdatesPerSecond: number;
  maxUpdatesPerSecond: number;
  medianUpdatesPerCpuSecond: number;
  spikesPerNeuronTick: number;
}

function measure(kernel: Kernel, model: SpikingModel, neurons: number): Result {
  const population = createPopulation(kernel, model, neurons);
  runTicks(population, 0, WARMUP_TICKS);

  const rates: number[] = [];
  const cpuRates: number[] = [];
  let spikes = 0;
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    spikes += runTicks(population, WARMUP_TICKS + sample * TICKS_PER_SAMPLE, TICKS_PER_SAMPLE);
    const cpu = process.cpuUsage(cpuStart);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push((neurons * TICKS_PER_SAMPLE) / seconds);
    cpuRates.push((neurons * TICKS_PER_SAMPLE) / ((cpu.user + cpu.system) / 1e6));
  }
  return {
    kernel,
    model,
    neurons,
    medianUpdatesPerSecond: Math.round(median(rates)),
    minUpdatesPerSecond: Math.round(Math.min(...rates)),
    maxUpdatesPerSecond: Math.round(Math.max(...rates)),
    medianUpdatesPerCpuSecond: Math.round(median(cpuRates)),
    spikesPerNeuronTick: spikes / (neurons * SAMPLES * TICKS_PER_SAMPLE),
  };
}

function millions(rate: number): string {
  return (rate / 1e6).toFixed(1);
}

export async function run(json: boolean, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { neurons: { type: 'string', default: '64000' } } });
  const neurons = Number(values.neurons);
  if (!Number.isInteger(neurons) || neurons < 1) {
    throw new RangeError(`--neurons: must be a positive integer, got ${values.neurons}`);
  }

  for (const model of ['lif', 'alif'] as const) {
    for (const kernel of ['typescript', 'wasm-scalar', 'wasm-simd'] as const) {
      const result = measure(kernel, model, neurons);
      const line = json
        ? JSON.stringify({ benchmark: 'lif-kernel', node: process.version, ...result })
        : `${model} ${kernel}: ${millions(result.medianUpdatesPerSecond)}M updates/s median ` +
          `(${millions(result.minUpdatesPerSecond)}..${millions(result.maxUpdatesPerSecond)}M), ` +
          `${millions(result.medianUpdatesPerCpuSecond)}M per CPU second, ` +
          `${result.spikesPerNeuronTick.toFixed(4)} spikes per neuron-tick`;
      process.stdout.write(`${line}\n`);
    }
  }
  return Promise.resolve();
}

// Run directly (not through bench/run.ts): the flags are this process's own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = process.argv.slice(2);
  await run(
    flags.includes('--json'),
    flags.filter((flag) => flag !== '--json'),
  );
}
