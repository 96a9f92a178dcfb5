/**
 * Vote readout, as in Diehl and Cook (2015): each neuron of the readout population is assigned the
 * class for which its mean spike count per presentation has been highest so far; a digit is
 * predicted as the class whose assigned neurons spiked most on average during its presentation.
 * The prediction is made before the digit's label updates the assignment, so the running accuracy
 * is an on-line score on digits the assignment has not yet seen.
 */
export class VoteReadout {
  private readonly size: number;
  private readonly classes: number;
  /** Spike counts of the current presentation, per neuron. */
  private readonly current: Float64Array;
  /** Summed spike counts per neuron and class: index neuron * classes + class. */
  private readonly responses: Float64Array;
  private readonly presentations: Float64Array;
  /** 1 for a correct prediction, 0 for a wrong one, for the last `window` digits. */
  private readonly recent: Uint8Array;
  private recentCount = 0;
  private recentNext = 0;
  correct = 0;
  total = 0;

  constructor(size: number, classes: number, window = 100) {
    this.size = size;
    this.classes = classes;
    this.current = new Float64Array(size);
    this.responses = new Float64Array(size * classes);
    this.presentations = new Float64Array(classes);
    this.recent = new Uint8Array(window);
  }

  /** Adds this tick's spikes of the readout population (local 0/1 array). */
  observe(spiked: Uint8Array): void {
    for (let i = 0; i < this.size; i++) this.current[i]! += spiked[i]!;
  }

  /** Returns the class the current spike counts vote for, or -1 when no neuron spiked. */
  predict(): number {
    const assignment = this.assignments();
    const votes = new Float64Array(this.classes);
    const members = new Float64Array(this.classes);
    let any = false;
    for (let i = 0; i < this.size; i++) {
      const c = assignment[i]!;
      if (c < 0) continue;
      votes[c]! += this.current[i]!;
      members[c]! += 1;
      if (this.current[i]! > 0) any = true;
    }
    if (!any) return -1;

    let best = -1;
    let bestScore = -1;
    for (let c = 0; c < this.classes; c++) {
      const score = members[c]! > 0 ? votes[c]! / members[c]! : 0;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  /** Scores the presentation that just ended against `label`, learns from it and resets the counts. */
  endPresentation(label: number, learn = true): boolean {
    const hit = this.predict() === label;
    this.total++;
    if (hit) this.correct++;
    this.recent[this.recentNext] = hit ? 1 : 0;
    this.recentNext = (this.recentNext + 1) % this.recent.length;
    this.recentCount = Math.min(this.recentCount + 1, this.recent.length);

    if (learn) {
      for (let i = 0; i < this.size; i++) this.responses[i * this.classes + label]! += this.current[i]!;
      this.presentations[label]! += 1;
    }
    this.current.fill(0);
    return hit;
  }

  /** Accuracy over the last `window` presentations, or null before the first one. */
  recentAccuracy(): number | null {
    if (this.recentCount === 0) return null;
    let sum = 0;
    for (let k = 0; k < this.recentCount; k++) sum += this.recent[k]!;
    return sum / this.recentCount;
  }

  assignments(): Int32Array {
    const out = new Int32Array(this.size).fill(-1);
    for (let i = 0; i < this.size; i++) {
      let best = -1;
      let bestRate = 0;
      for (let c = 0; c < this.classes; c++) {
        if (this.presentations[c] === 0) continue;
        const rate = this.responses[i * this.classes + c]! / this.presentations[c]!;
        if (rate > bestRate) {
          best = c;
          bestRate = rate;
        }
      }
      out[i] = best;
    }
    return out;
  }

  getState(): Record<string, Float64Array | Uint8Array> {
    return {
      current: this.current.slice(),
      responses: this.responses.slice(),
      presentations: this.presentations.slice(),
      recent: this.recent.slice(),
      counts: new Float64Array([this.recentCount, this.recentNext, this.correct, this.total]),
    };
  }

  setState(state: Record<string, Float64Array | Uint8Array | Int32Array | Uint32Array | Int8Array>): void {
    this.current.set(state['current']!);
    this.responses.set(state['responses']!);
    this.presentations.set(state['presentations']!);
    this.recent.set(state['recent']!);
    const [recentCount, recentNext, correct, total] = state['counts']!;
    this.recentCount = recentCount!;
    this.recentNext = recentNext!;
    this.correct = correct!;
    this.total = total!;
  }
}
