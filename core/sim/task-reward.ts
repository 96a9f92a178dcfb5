/**
 * The reward of `rewardSource: 'task'`: the run's labelled data stimulus scores the answer of the
 * population that an rstdp projection trains, one neuron per class (neuron k answers class k).
 *
 * Sample k of the stimulus is presented on ticks k * period + 1 .. k * period + presentTicks
 * (`./data-stimulus`). During those ticks every spike of a class neuron counts. At the last
 * presentation tick the answer is the neuron with the most spikes; among equal counts the one
 * whose first spike in the presentation came first, and among those the lowest index. A
 * presentation without a class spike has no answer. The reward is +1 when the answer equals the
 * sample's label and -1 otherwise (no answer included).
 *
 * When the reward is applied: at the end of that last presentation tick, after step 4's pairings
 * of the tick (so its eligibility includes the tick's own spikes), as `w += eta * r * e` on every
 * rstdp projection, the same moment and code path as a reward injected through the API. A reward
 * injected for the same tick adds to it (r[t] is the sum). Rest ticks give no reward.
 *
 * The tracker's state (counts and first-spike ticks of the current presentation) is saved with
 * the simulator, so a run resumed in the middle of a presentation scores it the same way.
 */
import type { Program } from '../program';
import type { DataStimulus } from './data-stimulus';

export class TaskReward {
  private readonly stimulus: DataStimulus;
  private readonly offset: number;
  private readonly size: number;
  private readonly period: number;
  /** Spike counts of the class neurons in the current presentation. */
  readonly counts: Int32Array;
  /** Tick of each class neuron's first spike in the current presentation, 0 if none. */
  readonly firstSpike: Float64Array;
  /** Presentations scored so far and how many of them were answered correctly. */
  readonly score = new Float64Array(2);

  constructor(program: Program, population: number, stimulus: DataStimulus) {
    const target = program.populations[population]!;
    this.stimulus = stimulus;
    this.offset = target.offset;
    this.size = target.size;
    this.period = stimulus.presentTicks + stimulus.restTicks;
    this.counts = new Int32Array(target.size);
    this.firstSpike = new Float64Array(target.size);
  }

  /** Counts tick t's class spikes; returns the reward due at the end of t (0 when none is). */
  observe(t: number, spiked: Uint8Array): number {
    const sample = Math.floor((t - 1) / this.period);
    const step = (t - 1) % this.period;
    if (sample >= this.stimulus.samples || step >= this.stimulus.presentTicks) return 0;
    if (step === 0) {
      this.counts.fill(0);
      this.firstSpike.fill(0);
    }

    for (let k = 0; k < this.size; k++) {
      if (spiked[this.offset + k] === 0) continue;
      if (this.counts[k] === 0) this.firstSpike[k] = t;
      this.counts[k]!++;
    }
    if (step !== this.stimulus.presentTicks - 1) return 0;
    const correct = this.answer() === this.stimulus.labelOfSample(sample);
    this.score[0]!++;
    if (correct) this.score[1]!++;
    return correct ? 1 : -1;
  }

  /** The answer of the current presentation, -1 when no class neuron spiked. */
  answer(): number {
    let best = -1;
    for (let k = 0; k < this.size; k++) {
      if (this.counts[k] === 0) continue;
      if (
        best < 0 ||
        this.counts[k]! > this.counts[best]! ||
        (this.counts[k] === this.counts[best] && this.firstSpike[k]! < this.firstSpike[best]!)
      ) {
        best = k;
      }
    }
    return best;
  }
}
