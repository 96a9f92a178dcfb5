/**
 * Eligibility traces of e-prop for one projection into the recurrent population (float).
 *
 * The neuron is the float CUBA LIF/ALIF of the simulator:
 *
 *     u = alphaU * u + c * sum_i w[i] * s[i]            (s: arrivals at t; c = 2^(wExp + 6))
 *     a = rho * aStored                                 (threshold offset tested at t)
 *     vPre = alphaV * v + u + bias     (held vPre = v on refractory ticks, no spike)
 *     z = H(vPre - threshold - a)      v = reset(vPre, z)      aStored = a + beta * z
 *
 * For a synapse (i -> j), the eligibility vector contains two derivatives by w taken along neuron
 * j's own state: of its membrane after the reset (P) and of its stored offset (S). Per tick:
 *
 *     U[i] = alphaU * U[i] + c * s[i]        the filtered presynaptic trace, including the arrival at t
 *     A    = rho * S
 *     Vpre = alphaV * P + U[i]               (Vpre = P on a refractory tick)
 *     e    = psi[j] * (Vpre - A)             the eligibility trace, dz[j]/dw
 *     P    = Vpre                                             reset detached (default)
 *          = (1 - z) * Vpre - vPre * e                        reset attached, zero reset
 *          = Vpre - (threshold + a) * e - z * A               reset attached, subtract reset
 *     S    = A + beta * e
 *     ebar = kappa * ebar + e                the eligibility filtered by the readout leak
 *     grad += L[j] * ebar                    L: learning signal of neuron j at t
 *
 * psi is the (damped) surrogate at `vPre - threshold - a`, and 0 on refractory ticks. Detached
 * means the reset term is a constant, so the membrane derivative passes a spike unchanged.
 * Arrivals over other synapses are treated as inputs (e-prop drops the paths through other
 * neurons), which makes the gradient exact for a network without recurrent projections.
 */
import type { EpropProjection } from './types';

/** Per-tick values of the recurrent neurons that every projection's update reads. */
export interface NeuronTick {
  refractory: Uint8Array;
  spikes: Uint8Array;
  membraneBeforeReset: Float64Array;
  /** Tested threshold `threshold + a` per neuron. */
  effectiveThreshold: Float64Array;
  surrogate: Float64Array;
  learningSignal: Float64Array;
}

export interface EligibilityConstants {
  currentDecay: number;
  voltageDecay: number;
  thresholdDecay: number;
  adaptInc: number;
  readoutDecay: number;
  reset: 'detached' | 'zero' | 'subtract';
}

export class ProjectionEligibility {
  readonly projection: EpropProjection;
  /** Filtered presynaptic trace U per presynaptic neuron. */
  readonly presynapticTrace: Float64Array;
  /** P: derivative of the membrane after the reset, per synapse. */
  readonly membraneDerivative: Float64Array;
  /** S: derivative of the stored threshold offset, per synapse (ALIF only). */
  readonly offsetDerivative: Float64Array;
  /** ebar: eligibility filtered by the readout leak, per synapse. */
  readonly filteredEligibility: Float64Array;
  readonly gradient: Float64Array;

  constructor(projection: EpropProjection, name: string, postSize: number) {
    const { preSize, rowPtr, post, weights, weightScale } = projection;
    if (rowPtr.length !== preSize + 1 || rowPtr[preSize] !== post.length || weights.length !== post.length) {
      throw new RangeError(
        `${name}: expected rowPtr of ${preSize + 1} entries ending at the synapse count ${post.length} ` +
          `and one weight per synapse, got ${rowPtr.length} entries ending at ${rowPtr[preSize]} and ${weights.length} weights`,
      );
    }
    for (let s = 0; s < post.length; s++) {
      if (post[s]! < 0 || post[s]! >= postSize) {
        throw new RangeError(
          `${name}.post[${s}]: expected a neuron index in 0..${postSize - 1}, got ${post[s]}`,
        );
      }
    }
    if (!Number.isFinite(weightScale) || weightScale <= 0) {
      throw new RangeError(`${name}.weightScale: expected a finite number > 0, got ${weightScale}`);
    }

    const synapses = post.length;
    this.projection = projection;
    this.presynapticTrace = new Float64Array(preSize);
    this.membraneDerivative = new Float64Array(synapses);
    this.offsetDerivative = new Float64Array(synapses);
    this.filteredEligibility = new Float64Array(synapses);
    this.gradient = new Float64Array(synapses);
  }

  /** Advances every synapse by one tick and returns the number of synapses updated. */
  advance(arrivals: Uint8Array, neurons: NeuronTick, constants: EligibilityConstants): number {
    const { rowPtr, post, preSize, weightScale } = this.projection;
    const { currentDecay, voltageDecay, thresholdDecay, adaptInc, readoutDecay, reset } = constants;
    const { refractory, spikes, membraneBeforeReset, effectiveThreshold, surrogate, learningSignal } =
      neurons;
    const trace = this.presynapticTrace;
    const P = this.membraneDerivative;
    const S = this.offsetDerivative;
    const ebar = this.filteredEligibility;
    const gradient = this.gradient;
    const adaptive = adaptInc !== 0;

    for (let i = 0; i < preSize; i++) {
      trace[i] = currentDecay * trace[i]! + (arrivals[i] !== 0 ? weightScale : 0);
    }

    for (let i = 0; i < preSize; i++) {
      const inputTrace = trace[i]!;
      const stop = rowPtr[i + 1]!;
      for (let s = rowPtr[i]!; s < stop; s++) {
        const j = post[s]!;
        const offsetDerivative = adaptive ? thresholdDecay * S[s]! : 0;
        const preResetDerivative = refractory[j] !== 0 ? P[s]! : voltageDecay * P[s]! + inputTrace;
        const eligibility = surrogate[j]! * (preResetDerivative - offsetDerivative);

        if (reset === 'detached') {
          P[s] = preResetDerivative;
        } else if (reset === 'zero') {
          P[s] = (1 - spikes[j]!) * preResetDerivative - membraneBeforeReset[j]! * eligibility;
        } else {
          P[s] = preResetDerivative - effectiveThreshold[j]! * eligibility - spikes[j]! * offsetDerivative;
        }
        if (adaptive) S[s] = offsetDerivative + adaptInc * eligibility;

        ebar[s] = readoutDecay * ebar[s]! + eligibility;
        gradient[s]! += learningSignal[j]! * ebar[s]!;
      }
    }
    return post.length;
  }
}
