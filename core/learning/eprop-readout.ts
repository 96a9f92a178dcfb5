/**
 * The leaky readout of e-prop, its softmax cross-entropy error and the readout gradients.
 *
 * Per tick t, with kappa the readout leak and z[t] the recurrent spikes of this tick:
 *
 *     y[k]     = kappa * y[k] + sum_j W[k, j] * z[j] + b[k]
 *     pi       = softmax(y)
 *     err[k]   = pi[k] - (k == target)               (0 for every k when the tick has no target)
 *     loss    += -log pi[target]
 *     zbar[j]  = kappa * zbar[j] + z[j]               dy[k]/dW[k, j] summed over past ticks
 *     bbar     = kappa * bbar + 1                     dy[k]/db[k] summed over past ticks
 *     gradW[k, j] += err[k] * zbar[j]                 gradB[k] += err[k] * bbar
 *
 * These are the exact gradients of the summed cross-entropy while W and b stay fixed between
 * updates. `err` is what the learning signal of the recurrent neurons is built from.
 */
import type { EpropReadoutParams } from './types';

export class LeakyReadout {
  readonly size: number;
  readonly recurrentSize: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly values: Float64Array;
  readonly probabilities: Float64Array;
  /** Output error `pi - onehot(target)` of the last tick. */
  readonly error: Float64Array;
  readonly filteredSpikes: Float64Array;
  readonly gradWeights: Float64Array;
  readonly gradBias: Float64Array;
  /** `bbar` and the summed loss, in one array so that a checkpoint saves them. */
  readonly scalars = new Float64Array(2);
  private readonly decay: number;

  constructor(params: EpropReadoutParams, recurrentSize: number) {
    const { size, decay, weights, bias } = params;
    if (!Number.isInteger(size) || size < 2) {
      throw new RangeError(`readout.size: expected an integer number of classes >= 2, got ${size}`);
    }
    if (!(decay >= 0 && decay < 1)) {
      throw new RangeError(`readout.decay: expected a per-tick leak factor in [0, 1), got ${decay}`);
    }
    if (weights.length !== size * recurrentSize) {
      throw new RangeError(
        `readout.weights: expected ${size} x ${recurrentSize} values, got ${weights.length}`,
      );
    }
    if (bias.length !== size) {
      throw new RangeError(`readout.bias: expected ${size} values, got ${bias.length}`);
    }

    this.size = size;
    this.recurrentSize = recurrentSize;
    this.decay = decay;
    this.weights = weights;
    this.bias = bias;
    this.values = new Float64Array(size);
    this.probabilities = new Float64Array(size);
    this.error = new Float64Array(size);
    this.filteredSpikes = new Float64Array(recurrentSize);
    this.gradWeights = new Float64Array(size * recurrentSize);
    this.gradBias = new Float64Array(size);
  }

  /** Runs one tick; returns whether the tick had a target (and so a non-zero error). */
  step(spikes: Uint8Array, target: number): boolean {
    const { size, recurrentSize, decay, weights, values, filteredSpikes } = this;
    for (let j = 0; j < recurrentSize; j++) filteredSpikes[j] = decay * filteredSpikes[j]! + spikes[j]!;
    this.scalars[0] = decay * this.scalars[0]! + 1;

    for (let k = 0; k < size; k++) {
      let input = this.bias[k]!;
      const row = k * recurrentSize;
      for (let j = 0; j < recurrentSize; j++) if (spikes[j] !== 0) input += weights[row + j]!;
      values[k] = decay * values[k]! + input;
    }
    this.updateProbabilities();

    if (target < 0) {
      this.error.fill(0);
      return false;
    }
    if (!Number.isInteger(target) || target >= size) {
      throw new RangeError(`target: expected -1 or a class in 0..${size - 1}, got ${target}`);
    }
    this.accumulate(target);
    return true;
  }

  private updateProbabilities(): void {
    const { values, probabilities } = this;
    // Subtracting the largest value keeps exp() finite; it cancels in the ratio.
    const largest = Math.max(...values);
    let total = 0;
    for (let k = 0; k < this.size; k++) {
      probabilities[k] = Math.exp(values[k]! - largest);
      total += probabilities[k]!;
    }
    for (let k = 0; k < this.size; k++) probabilities[k]! /= total;
  }

  private accumulate(target: number): void {
    const { size, recurrentSize, probabilities, error, filteredSpikes, gradWeights } = this;
    const biasTrace = this.scalars[0]!;

    // log-softmax from the shifted values, so a tiny probability does not underflow to log(0).
    const largest = Math.max(...this.values);
    let total = 0;
    for (let k = 0; k < size; k++) total += Math.exp(this.values[k]! - largest);
    this.scalars[1]! += Math.log(total) - (this.values[target]! - largest);

    for (let k = 0; k < size; k++) {
      error[k] = probabilities[k]! - (k === target ? 1 : 0);
      this.gradBias[k]! += error[k]! * biasTrace;
      const row = k * recurrentSize;
      for (let j = 0; j < recurrentSize; j++) gradWeights[row + j]! += error[k]! * filteredSpikes[j]!;
    }
  }

  /**
   * Applies `-rate * gradient` to the readout weights and (when `trainBias`) the bias, clears the
   * sums, returns the count of values changed.
   */
  applyGradients(rate: number, trainBias = true): number {
    for (let n = 0; n < this.weights.length; n++) this.weights[n]! -= rate * this.gradWeights[n]!;
    if (trainBias) for (let k = 0; k < this.size; k++) this.bias[k]! -= rate * this.gradBias[k]!;
    this.gradWeights.fill(0);
    this.gradBias.fill(0);
    this.scalars[1] = 0;
    return this.weights.length + (trainBias ? this.size : 0);
  }

  /** Returns the readout to rest (values, probabilities, error and traces zero); keeps the sums. */
  resetSequence(): void {
    this.values.fill(0);
    this.probabilities.fill(0);
    this.error.fill(0);
    this.filteredSpikes.fill(0);
    this.scalars[0] = 0;
  }
}
