/**
 * The browser's copy of one run, built from its progress feed: status, metric series, recorded
 * spikes and events. `apply` is idempotent per message (a chunk or event seen before is
 * ignored), so a subscription that reconnects and repeats itself cannot double a series.
 */
import { SpikeBuffer } from '../_components/raster/spike-buffer';
import type { RasterPopulation } from '../_components/raster/draw-raster';
import {
  chunkDataSchema,
  runSummarySchema,
  type ProgressMessage,
  type RunSpecShape,
  type RunStatus,
  type RunSummaryData,
} from './messages';
import { StateTraces } from './state-traces';

export interface RunEventRow {
  seq: number;
  tick: number;
  kind: string;
  data: unknown;
  appliedTick: number | null;
}

export interface RunSeries {
  ticks: number[];
  accuracy: (number | null)[];
  /** Synaptic operations per tick, averaged over each chunk. */
  synapticOpsPerTick: number[];
  /** Cumulative energy estimate, in nanojoules. */
  energyNanojoules: number[];
  samplesDone: number[];
}

/** Chunks used to estimate the tick rate: enough to smooth jitter, few enough to follow changes. */
const RATE_WINDOW = 8;

export class RunFeed {
  readonly populations: RasterPopulation[];
  readonly neuronCount: number;
  readonly spikes = new SpikeBuffer(1 << 14);
  readonly series: RunSeries = {
    ticks: [],
    accuracy: [],
    synapticOpsPerTick: [],
    energyNanojoules: [],
    samplesDone: [],
  };
  readonly events: RunEventRow[] = [];
  /** Sampled state variables of the first neurons of each recorded population. */
  readonly traces = new StateTraces();
  /** Spikes per population summed over the chunks seen, recorded or not. */
  readonly spikeTotals: Record<string, number> = {};
  status: RunStatus | null = null;
  ticksDone = 0;
  totalTicks = 0;
  error: string | null = null;
  summary: RunSummaryData | null = null;
  rasterTruncated = false;
  /** Bumped on every change, for React to notice in-place updates. */
  revision = 0;

  private lastChunkSeq = -1;
  private lastEventSeq = -1;
  private previousSynapticOps = 0;
  private previousTick = 0;
  private readonly arrivals: { tick: number; atMs: number }[] = [];
  private readonly offsets = new Map<string, number>();

  constructor(spec: RunSpecShape) {
    const recorded = new Set(spec.record?.spikes ?? []);
    let offset = 0;
    this.populations = [];
    for (const population of spec.populations) {
      if (!recorded.has(population.name)) continue;
      this.populations.push({ name: population.name, offset, size: population.size });
      this.offsets.set(population.name, offset);
      offset += population.size;
    }
    this.neuronCount = offset;
  }

  /** Applies one feed message; `nowMs` is the arrival time used for the tick rate. */
  apply(message: ProgressMessage, nowMs: number): void {
    if (message.type === 'status') this.applyStatus(message);
    else if (message.type === 'chunk') this.applyChunk(message.seq, message.data, nowMs);
    else this.applyEvent(message);
    this.revision += 1;
  }

  private applyStatus(message: Extract<ProgressMessage, { type: 'status' }>): void {
    this.status = message.status;
    this.ticksDone = Math.max(this.ticksDone, message.ticksDone);
    this.totalTicks = message.totalTicks;
    this.error = message.error;
    const summary = runSummarySchema.safeParse(message.summary);
    this.summary = summary.success ? summary.data : null;
  }

  private applyChunk(seq: number, raw: unknown, nowMs: number): void {
    if (seq <= this.lastChunkSeq) return;
    this.lastChunkSeq = seq;

    const parsed = chunkDataSchema.safeParse(raw);
    if (!parsed.success) return;
    const chunk = parsed.data;

    for (const { population, spikes } of chunk.raster ?? []) {
      const offset = this.offsets.get(population);
      if (offset !== undefined) this.spikes.pushPairs(spikes, offset);
    }
    for (const [population, spikes] of Object.entries(chunk.spikeCounts ?? {})) {
      this.spikeTotals[population] = (this.spikeTotals[population] ?? 0) + spikes;
    }
    this.rasterTruncated ||= chunk.rasterTruncated === true;
    for (const trace of chunk.state ?? []) this.traces.append(trace);

    // Counters and energy are cumulative, so a chunk's rate is its difference to the last one.
    const synapticOps = chunk.counters?.synapticOps ?? this.previousSynapticOps;
    const ticks = Math.max(1, chunk.tick - this.previousTick);
    this.series.ticks.push(chunk.tick);
    this.series.accuracy.push(chunk.accuracy ?? null);
    this.series.synapticOpsPerTick.push((synapticOps - this.previousSynapticOps) / ticks);
    this.series.energyNanojoules.push((chunk.energyJ ?? 0) * 1e9);
    this.series.samplesDone.push(chunk.samplesDone ?? 0);
    this.previousSynapticOps = synapticOps;
    this.previousTick = chunk.tick;
    this.ticksDone = Math.max(this.ticksDone, chunk.tick);

    this.arrivals.push({ tick: chunk.tick, atMs: nowMs });
    if (this.arrivals.length > RATE_WINDOW) this.arrivals.shift();
  }

  private applyEvent(message: Extract<ProgressMessage, { type: 'event' }>): void {
    if (message.seq <= this.lastEventSeq) return;
    this.lastEventSeq = message.seq;
    this.events.push({
      seq: message.seq,
      tick: message.tick,
      kind: message.kind,
      data: message.data,
      appliedTick: message.appliedTick,
    });
  }

  /** Ticks per second over the last few chunks, or null before two chunks have arrived. */
  ticksPerSecond(): number | null {
    const first = this.arrivals[0];
    const last = this.arrivals.at(-1);
    if (!first || !last || last.atMs <= first.atMs) return null;
    return ((last.tick - first.tick) * 1000) / (last.atMs - first.atMs);
  }

  /** Seconds until the last tick at the current rate, or null when unknown. */
  secondsLeft(): number | null {
    const rate = this.ticksPerSecond();
    if (rate === null || rate <= 0 || this.totalTicks === 0) return null;
    return Math.max(0, this.totalTicks - this.ticksDone) / rate;
  }

  /** Recorded spikes the run reports: from its summary once finished, else from the chunks. */
  recordedSpikeCount(): number {
    const totals = this.summary?.spikes ?? this.spikeTotals;
    return this.populations.reduce((sum, population) => sum + (totals[population.name] ?? 0), 0);
  }

  get finished(): boolean {
    return this.status === 'succeeded' || this.status === 'failed' || this.status === 'cancelled';
  }
}
