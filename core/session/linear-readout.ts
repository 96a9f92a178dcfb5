/**
 * Scores a trained linear readout, the leaky readout that e-prop learns (`core/sim/eprop-driver.ts`).
 *
 * A sample is predicted as the class whose readout output, summed over the sample's read ticks,
 * is largest; a tie goes to the lowest class. This is the rule of the e-prop experiment trainer
 * (`core/templates/eprop-rows-trainer.ts`, `runDigit`), so a run reports the accuracy the trainer
 * measures. The read ticks are the rest ticks after the presentation, where the trainer reads,
 * because the readout can only name the digit once it has seen all of it. A stream without rest
 * ticks is read over its whole period instead (`RunTracker`). The outputs are those of the
 * learner's step at each tick, computed before that tick's weight update, so the score is online
 * like the vote's. With one update per sample (`updateEveryTicks` equal to the period, as in the
 * template), a sample is scored before its own update changes the weights.
 *
 * The running accuracy covers the last `window` samples, as `VoteReadout` does.
 */
export class LinearReadout {
  private readonly classes: number;
  /** Readout outputs summed over the read ticks seen so far of the current sample. */
  private readonly sums: Float64Array;
  /** 1 for a correct prediction, 0 for a wrong one, for the last `window` samples. */
  private readonly recent: Uint8Array;
  private recentCount = 0;
  private recentNext = 0;
  correct = 0;
  total = 0;

  constructor(classes: number, window = 100) {
    this.classes = classes;
    this.sums = new Float64Array(classes);
    this.recent = new Uint8Array(window);
  }

  /** Adds one read tick's readout outputs (one value per class). */
  observe(values: ArrayLike<number>): void {
    if (values.length !== this.classes) {
      throw new RangeError(`readout: expected ${this.classes} outputs, got ${values.length}`);
    }
    for (let c = 0; c < this.classes; c++) this.sums[c]! += values[c]!;
  }

  /** Returns the class with the largest summed output (the lowest one on a tie). */
  predict(): number {
    let best = 0;
    for (let c = 1; c < this.classes; c++) if (this.sums[c]! > this.sums[best]!) best = c;
    return best;
  }

  /** Scores the sample that just ended against `label` and clears the sums. */
  endPresentation(label: number): boolean {
    const hit = this.predict() === label;
    this.total++;
    if (hit) this.correct++;
    this.recent[this.recentNext] = hit ? 1 : 0;
    this.recentNext = (this.recentNext + 1) % this.recent.length;
    this.recentCount = Math.min(this.recentCount + 1, this.recent.length);
    this.sums.fill(0);
    return hit;
  }

  /** Accuracy over the last `window` samples, or null before the first one. */
  recentAccuracy(): number | null {
    if (this.recentCount === 0) return null;
    let sum = 0;
    for (let k = 0; k < this.recentCount; k++) sum += this.recent[k]!;
    return sum / this.recentCount;
  }

  getState(): Record<string, Float64Array | Uint8Array> {
    return {
      sums: this.sums.slice(),
      recent: this.recent.slice(),
      counts: new Float64Array([this.recentCount, this.recentNext, this.correct, this.total]),
    };
  }

  setState(state: Record<string, Float64Array | Uint8Array | Int32Array | Uint32Array | Int8Array>): void {
    const sums = state['sums'];
    const recent = state['recent'];
    const counts = state['counts'];
    if (sums === undefined || recent === undefined || counts === undefined) {
      throw new Error('checkpoint: the linear readout state (sums, recent, counts) is missing');
    }
    this.sums.set(sums);
    this.recent.set(recent);
    const [recentCount, recentNext, correct, total] = counts;
    this.recentCount = recentCount!;
    this.recentNext = recentNext!;
    this.correct = correct!;
    this.total = total!;
  }
}
