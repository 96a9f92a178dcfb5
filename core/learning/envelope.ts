/**
 * The safety envelope of one plastic projection: what learning may change while the network lives.
 *
 * The envelope owns a working copy of the weights. The learning rule writes into the working copy
 * (pass `envelope.working` as the rule's weights); the simulator delivers spikes with the live
 * weights. At the end of every tick, after the rule's update and reward, `endTick` decides:
 *
 *   1. frozen projection (`setPlastic(false)`): pending changes are dropped, as a refused update;
 *      after `plasticUntilTick` likewise, but only the first refusal of each window is recorded,
 *      so a rule that changes weights every tick cannot flood the events. `setPlastic(true)` does
 *      not reopen a closed plasticity window;
 *   2. cadence: `every-event` commits every tick, `every-n-ticks` commits when `tick % n == 0`
 *      (changes accumulate in the working copy until then), `on-confidence-drop` commits only
 *      while the last reported confidence is below the floor and drops the changes otherwise
 *      (also before any confidence is reported);
 *   3. drift budget: the distance of the working weights from the last accepted snapshot is the
 *      mean absolute difference per synapse (in mantissa units in fixed mode). A commit beyond
 *      `driftBudget` is refused, so the working copy returns to the live weights and a
 *      `refused-update` event is recorded;
 *   4. window: when `tick % windowTicks == 0` the live weights become the accepted snapshot.
 *
 * `observe` takes the task's metrics. For the rollback metric, a value at or above the floor
 * marks the live weights as the last good snapshot (the initial weights are the first one); a
 * value below the floor restores that snapshot into the live and working weights and the drift
 * snapshot, and records a `rollback` event, unless the live weights already equal it. Only
 * weights are restored; the rule's traces and eligibilities carry on. After `plasticUntilTick`
 * no rollback happens, so the weights of a closed window never change.
 *
 * Weight bounds are not repeated here: the rule clamps every update before the weight is used.
 */
import type { EnvelopeSpec } from '../spec/schema';
import { restoreArray } from './projection-setup';
import type { RuleState } from './types';

export type EnvelopeMetric = 'accuracy' | 'confidence' | 'reward';

export interface EnvelopeEvent {
  tick: number;
  kind: 'refused-update' | 'rollback' | 'plasticity-changed';
  projection: string;
  data: Record<string, number | string | boolean>;
}

type Weights = Int8Array | Float64Array;

const METRICS: EnvelopeMetric[] = ['accuracy', 'confidence', 'reward'];

/** Mean absolute difference per synapse. */
function meanDistance(a: Weights, b: Weights): number {
  if (a.length === 0) return 0;
  let total = 0;
  for (let s = 0; s < a.length; s++) total += Math.abs(a[s]! - b[s]!);
  return total / a.length;
}

function sameWeights(a: Weights, b: Weights): boolean {
  for (let s = 0; s < a.length; s++) if (a[s] !== b[s]) return false;
  return true;
}

export class ProjectionEnvelope {
  readonly projection: string;
  readonly spec: EnvelopeSpec;
  /** Weights the rule writes; committed into `live` at the cadence. */
  readonly working: Weights;
  private readonly live: Weights;
  private readonly snapshot: Weights;
  private readonly good: Weights;
  /** plastic flag, window start tick, good snapshot tick, then the last value of each metric. */
  private readonly scalars: Float64Array;
  /**
   * Start tick of the last window whose refusal after `plasticUntilTick` was recorded, or -1.
   * It is saved only when the spec sets `plasticUntilTick`, so older checkpoints still restore.
   */
  private readonly closedWindowReported = Float64Array.of(-1);

  constructor(projection: string, spec: EnvelopeSpec, live: Weights) {
    if (!Number.isFinite(spec.driftBudget) || spec.driftBudget <= 0) {
      throw new RangeError(
        `${projection}.envelope.driftBudget: expected a number > 0, got ${spec.driftBudget}`,
      );
    }
    if (!Number.isInteger(spec.windowTicks) || spec.windowTicks < 1) {
      throw new RangeError(
        `${projection}.envelope.windowTicks: expected an integer >= 1, got ${spec.windowTicks}`,
      );
    }
    const until = spec.plasticUntilTick;
    if (until !== undefined && (!Number.isSafeInteger(until) || until < 0)) {
      throw new RangeError(`${projection}.envelope.plasticUntilTick: expected an integer >= 0, got ${until}`);
    }
    this.projection = projection;
    this.spec = spec;
    this.live = live;
    this.working = live.slice();
    this.snapshot = live.slice();
    this.good = live.slice();
    this.scalars = Float64Array.from([1, 0, 0, NaN, NaN, NaN]);
  }

  get plastic(): boolean {
    return this.scalars[0] === 1;
  }

  /** Freezes or thaws the projection; returns the event, or null when nothing changed. */
  setPlastic(tick: number, plastic: boolean): EnvelopeEvent | null {
    if (plastic === this.plastic) return null;
    this.scalars[0] = plastic ? 1 : 0;
    return this.event(tick, 'plasticity-changed', { plastic });
  }

  /** Last value reported for `metric`, or NaN before any. */
  lastMetric(metric: EnvelopeMetric): number {
    return this.scalars[3 + METRICS.indexOf(metric)]!;
  }

  /** Tells whether tick `tick` comes after the plasticity window of `plasticUntilTick`. */
  private windowClosed(tick: number): boolean {
    const until = this.spec.plasticUntilTick;
    return until !== undefined && tick > until;
  }

  /** Runs the end-of-tick decision (see the module doc) and returns the events it records. */
  endTick(tick: number): EnvelopeEvent[] {
    const events: EnvelopeEvent[] = [];
    if (this.windowClosed(tick)) {
      if (tick === this.spec.plasticUntilTick! + 1) {
        events.push(this.event(tick, 'plasticity-changed', { plastic: false, reason: 'plasticUntilTick' }));
      }
      const refused = this.refuseAfterWindow(tick);
      if (refused !== null) events.push(refused);
    } else if (!this.plastic) {
      if (!sameWeights(this.working, this.live)) {
        this.working.set(this.live);
        events.push(this.event(tick, 'refused-update', { reason: 'frozen' }));
      }
    } else if (this.commitDue(tick)) {
      const refused = this.commit(tick);
      if (refused !== null) events.push(refused);
    } else if (this.spec.cadence.kind === 'on-confidence-drop') {
      this.working.set(this.live);
    }

    if (tick % this.spec.windowTicks === 0) {
      this.snapshot.set(this.live);
      this.scalars[1] = tick;
    }
    return events;
  }

  /** Records a metric of the task and applies the rollback rule; returns the events it records. */
  observe(tick: number, metric: EnvelopeMetric, value: number): EnvelopeEvent[] {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${metric}: expected a finite metric value, got ${value}`);
    }
    this.scalars[3 + METRICS.indexOf(metric)] = value;

    const rollback = this.spec.rollback;
    if (rollback === undefined || rollback.metric !== metric || this.windowClosed(tick)) return [];
    if (value >= rollback.floor) {
      this.good.set(this.live);
      this.scalars[2] = tick;
      return [];
    }
    if (sameWeights(this.live, this.good)) return [];

    this.live.set(this.good);
    this.working.set(this.good);
    this.snapshot.set(this.good);
    return [
      this.event(tick, 'rollback', {
        metric,
        value,
        floor: rollback.floor,
        restoredFromTick: this.scalars[2]!,
      }),
    ];
  }

  /** Drops pending changes after the plasticity window; returns the window's first refusal event. */
  private refuseAfterWindow(tick: number): EnvelopeEvent | null {
    // Once this window's refusal is recorded, a plain copy drops the changes: comparing every
    // weight each tick would cost more than the copy on large projections.
    const windowStart = this.scalars[1]!;
    if (this.closedWindowReported[0] === windowStart) {
      this.working.set(this.live);
      return null;
    }
    if (sameWeights(this.working, this.live)) return null;

    this.working.set(this.live);
    this.closedWindowReported[0] = windowStart;
    return this.event(tick, 'refused-update', {
      reason: 'plasticity-window',
      plasticUntilTick: this.spec.plasticUntilTick!,
      windowStartTick: windowStart,
    });
  }

  private commitDue(tick: number): boolean {
    const cadence = this.spec.cadence;
    if (cadence.kind === 'every-event') return true;
    if (cadence.kind === 'every-n-ticks') return tick % cadence.n === 0;
    const confidence = this.lastMetric('confidence');
    return confidence < cadence.floor;
  }

  /** Commits the working weights, or refuses them; returns the refusal event if any. */
  private commit(tick: number): EnvelopeEvent | null {
    if (sameWeights(this.working, this.live)) return null;

    const distance = meanDistance(this.working, this.snapshot);
    if (distance > this.spec.driftBudget) {
      this.working.set(this.live);
      return this.event(tick, 'refused-update', {
        reason: 'drift-budget',
        distance,
        budget: this.spec.driftBudget,
        windowStartTick: this.scalars[1]!,
      });
    }
    this.live.set(this.working);
    return null;
  }

  private event(tick: number, kind: EnvelopeEvent['kind'], data: EnvelopeEvent['data']): EnvelopeEvent {
    return { tick, kind, projection: this.projection, data };
  }

  getState(): RuleState {
    return {
      working: this.working.slice(),
      snapshot: this.snapshot.slice(),
      good: this.good.slice(),
      scalars: this.scalars.slice(),
      ...(this.spec.plasticUntilTick !== undefined
        ? { closedWindowReported: this.closedWindowReported.slice() }
        : {}),
    };
  }

  /** Restores a state from `getState`; the live weights are restored by their owner. */
  setState(state: RuleState): void {
    restoreArray(state, 'working', this.working);
    restoreArray(state, 'snapshot', this.snapshot);
    restoreArray(state, 'good', this.good);
    restoreArray(state, 'scalars', this.scalars);
    if (this.spec.plasticUntilTick !== undefined) {
      restoreArray(state, 'closedWindowReported', this.closedWindowReported);
    }
  }
}
