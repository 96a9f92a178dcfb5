/**
 * The Vogels-Abbott CUBA benchmark in Livenet's model: N LIF neurons, 80% excitatory and 20%
 * inhibitory, each receiving about 80 random synapses, dt 0.1 ms, 1 s of simulated time.
 *
 * Differences from the published network (Vogels and Abbott 2005, as in Brian2's CUBA example):
 * our neurons are current-based with one synaptic time constant (5 ms) for both signs, weights are
 * 8-bit mantissas, and the activity is started and kept at 5 to 10 Hz by a bias just below
 * threshold plus a small Poisson input population instead of random initial potentials.
 */
import type { Spec } from '../core/spec/schema';
import { parseSpec } from '../core/spec/parse';
import { compile } from '../core/compile/compile';
import { Simulator } from '../core/sim/simulator';
import { buildStimuli } from '../core/sim/build-stimuli';
import type { NumericMode } from '../core/program';

const DT_MS = 0.1;
const TICKS = 10_000;
const FAN_IN = 80;

export function cubaSpec(n: number): Spec {
  const excitatory = Math.round(0.8 * n);
  const inhibitory = n - excitatory;
  const external = Math.max(100, Math.round(n / 40));
  const neuron = {
    model: 'lif',
    physical: { tauSynMs: 5, tauMemMs: 20, vth: 10000, refractoryMs: 5, biasMant: 2800, biasExp: 0 },
  };
  const p = (size: number, share: number) => Math.min(1, (FAN_IN * share) / size);

  return parseSpec({
    apiVersion: 'livenet/v1',
    name: `cuba-${n}`,
    chip: { profile: 'loihi2-like', mode: 'fixed' },
    dtMs: DT_MS,
    populations: [
      { name: 'ext', size: external, kind: 'input' },
      { name: 'exc', size: excitatory, neuron },
      { name: 'inh', size: inhibitory, neuron },
    ],
    projections: [
      ['exc', 'exc', 0.8, 6],
      ['exc', 'inh', 0.8, 6],
      ['inh', 'exc', 0.2, -40],
      ['inh', 'inh', 0.2, -40],
      ['ext', 'exc', 0.05, 40],
      ['ext', 'inh', 0.05, 40],
    ].map(([from, to, share, weight]) => {
      const source = from === 'exc' ? excitatory : from === 'inh' ? inhibitory : external;
      return {
        name: `${String(from)}-${String(to)}`,
        from,
        to,
        connectivity: { kind: 'sparse', p: p(source, Number(share)) },
        weights: { init: 'constant', value: weight },
        wExp: 0,
        delay: 0,
      };
    }),
    stimulus: [{ population: 'ext', encoder: { kind: 'poisson', maxRateHz: 10 } }],
  });
}

export interface CubaResult {
  engine: string;
  mode: NumericMode;
  n: number;
  synapses: number;
  compileS: number;
  /** CPU seconds of the compile, all threads of the process included. */
  compileCpuS: number;
  wallS: number;
  /** CPU seconds of the tick loop: on a busy machine, updates per CPU second are steadier than per wall second. */
  cpuS: number;
  spikes: number;
  meanRateHz: number;
  synapticEvents: number;
  neuronUpdatesPerS: number;
  synapticEventsPerS: number;
  neuronUpdatesPerCpuS: number;
  synapticEventsPerCpuS: number;
  peakRssMb: number;
  /**
   * Bytes of every typed array the compiled program and the simulator hold after the run, in
   * MB (10^6 bytes): each distinct ArrayBuffer once, so the WebAssembly kernel's whole memory
   * (neuron state, spikes and delay ring) counts at its full size.
   */
  typedArrayMb: number;
}

export function runCuba(n: number, mode: NumericMode, seed = 1): CubaResult {
  const spec = cubaSpec(n);
  const compileStart = performance.now();
  const compileCpuStart = process.cpuUsage();
  const program = compile(spec, { seed, mode });
  const compileS = (performance.now() - compileStart) / 1000;
  const compileCpu = process.cpuUsage(compileCpuStart);
  const simulator = new Simulator(program, { seed, stimuli: buildStimuli(program, seed) });

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  simulator.run(TICKS);
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuS = (cpu.user + cpu.system) / 1e6;

  const neuronSpikes = simulator.spikeTotals[1]! + simulator.spikeTotals[2]!;
  const synapses = program.projections.reduce((sum, p) => sum + p.post.length, 0);
  return {
    engine: simulator.engine === 'wasm' ? 'livenet-wasm-simd' : 'livenet-ts',
    mode,
    n,
    synapses,
    compileS,
    compileCpuS: (compileCpu.user + compileCpu.system) / 1e6,
    wallS,
    cpuS,
    spikes: neuronSpikes,
    meanRateHz: neuronSpikes / n / ((TICKS * DT_MS) / 1000),
    synapticEvents: simulator.counters.synapticOps,
    neuronUpdatesPerS: (n * TICKS) / wallS,
    synapticEventsPerS: simulator.counters.synapticOps / wallS,
    neuronUpdatesPerCpuS: (n * TICKS) / cpuS,
    synapticEventsPerCpuS: simulator.counters.synapticOps / cpuS,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    typedArrayMb: typedArrayBytes(program, simulator) / 1e6,
  };
}

/**
 * Sums the byteLength of every distinct ArrayBuffer reachable from `roots` through own
 * enumerable properties, array items and map entries. Closures are not walked.
 */
export function typedArrayBytes(...roots: unknown[]): number {
  const buffers = new Set<ArrayBufferLike>();
  const seen = new Set<object>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      buffers.add(value.buffer);
    } else if (value instanceof Map) {
      for (const [key, item] of value) pending.push(key, item);
    } else {
      pending.push(...(Object.values(value) as unknown[]));
    }
  }

  let bytes = 0;
  for (const buffer of buffers) bytes += buffer.byteLength;
  return bytes;
}

/** Arguments: network sizes (default 4000 16000 64000) and optionally `fixed` or `float` alone. */
export async function run(json: boolean, args: string[]): Promise<void> {
  const modeArgs = args.filter((arg): arg is NumericMode => arg === 'fixed' || arg === 'float');
  const sizeArgs = args.filter((arg) => arg !== 'fixed' && arg !== 'float').map(Number);
  const sizes = sizeArgs.length > 0 ? sizeArgs : [4_000, 16_000, 64_000];
  const modes: NumericMode[] = modeArgs.length > 0 ? modeArgs : ['fixed', 'float'];
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 10)
      throw new RangeError(`cuba: sizes must be integers of at least 10, got ${n}`);
    for (const mode of modes) {
      const result = runCuba(n, mode);
      process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatLine(result)}\n`);
    }
  }
  await Promise.resolve();
}

function formatLine(r: CubaResult): string {
  return (
    `cuba n=${r.n} ${r.mode}: ${r.synapses} synapses, compile ${r.compileS.toFixed(2)} s (${r.compileCpuS.toFixed(2)} CPU s), loop ${r.wallS.toFixed(2)} s, ` +
    `${r.meanRateHz.toFixed(1)} Hz, ${(r.neuronUpdatesPerS / 1e6).toFixed(0)}M neuron updates/s, ` +
    `${(r.synapticEventsPerS / 1e6).toFixed(1)}M synaptic events/s (per CPU second: ` +
    `${(r.neuronUpdatesPerCpuS / 1e6).toFixed(0)}M and ${(r.synapticEventsPerCpuS / 1e6).toFixed(1)}M), peak RSS ${r.peakRssMb.toFixed(0)} MB, ` +
    `typed arrays ${r.typedArrayMb.toFixed(1)} MB`
  );
}
