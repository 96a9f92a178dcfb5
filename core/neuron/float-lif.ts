/**
 * Float64 reference model of the LIF and ALIF neurons, line for line the fixed-point order.
 *
 * Per neuron and tick:
 *
 *     u = currentDecay * u + aIn * 2^6
 *     a = thresholdDecay * a                          (ALIF only; every tick, refractory or not)
 *     if refractoryLeft > 0:  refractoryLeft -= 1, v held, no spike
 *     else:
 *       v = voltageDecay * v + u + bias
 *       spike  iff  v > threshold + a                  (strict)
 *       on spike: v = 0 (reset 'zero') or v -= threshold + a (reset 'subtract', with the offset
 *                 that was tested), refractoryLeft = refractory, a += adaptInc (ALIF only)
 *
 * Constants are on the fixed model's scale: the threshold is `vth * 2^6` and `adaptInc` is
 * already multiplied by 2^6. Nothing is rounded, wrapped or clipped. During refractory ticks `v`
 * keeps its value after the reset, which is 0 under the 'zero' reset, as in the fixed model.
 * `membraneBeforeReset`, when given, receives `v` after integration and before the reset (the
 * held value on refractory ticks), which a surrogate gradient needs.
 */
import type { FloatNeuronParams } from '../program';
import type { FloatNeuronState } from './state';
import { checkLength, checkPopulationLengths } from './state';

// A module constant rather than an import, for the speed reason given in `lif.ts`.
const INPUT_SCALE = 2 ** 6;

/** Advances a float LIF or ALIF population by one tick and returns its spike count. */
export function stepFloatLif(
  state: FloatNeuronState,
  params: FloatNeuronParams,
  model: 'lif' | 'alif',
  aIn: Float64Array,
  spiked: Uint8Array,
  membraneBeforeReset?: Float64Array,
): number {
  checkPopulationLengths(state, aIn, spiked);
  if (membraneBeforeReset !== undefined) {
    checkLength('membraneBeforeReset', membraneBeforeReset.length, state.u.length);
  }

  const { u, v, refractoryLeft, thresholdOffset } = state;
  const size = u.length;
  const { currentDecay, voltageDecay, thresholdDecay, threshold, bias, adaptInc } = params;
  const adaptive = model === 'alif';
  const subtractReset = params.reset === 'subtract';
  const refractoryTicks = params.refractory;
  let spikeCount = 0;

  for (let i = 0; i < size; i++) {
    const current = currentDecay * u[i]! + aIn[i]! * INPUT_SCALE;
    u[i] = current;

    const offset = adaptive ? thresholdDecay * thresholdOffset[i]! : 0;
    if (adaptive) {
      thresholdOffset[i] = offset;
    }

    const ticksLeft = refractoryLeft[i]!;
    if (ticksLeft > 0) {
      refractoryLeft[i] = ticksLeft - 1;
      if (membraneBeforeReset !== undefined) {
        membraneBeforeReset[i] = v[i]!;
      }
      spiked[i] = 0;
      continue;
    }

    const voltage = voltageDecay * v[i]! + current + bias;
    if (membraneBeforeReset !== undefined) {
      membraneBeforeReset[i] = voltage;
    }

    const effectiveThreshold = threshold + offset;
    if (voltage > effectiveThreshold) {
      v[i] = subtractReset ? voltage - effectiveThreshold : 0;
      refractoryLeft[i] = refractoryTicks;
      if (adaptive) {
        thresholdOffset[i] = offset + adaptInc;
      }
      spiked[i] = 1;
      spikeCount++;
    } else {
      v[i] = voltage;
      spiked[i] = 0;
    }
  }
  return spikeCount;
}
