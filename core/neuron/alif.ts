/**
 * Fixed-point adaptive LIF (ALIF): the CUBA LIF of `lif.ts` plus a threshold offset `a`.
 *
 * Per neuron and tick, in this order:
 *
 *     u = wrap24( trunc0(u * (4096 - (du + 1))) + aIn * 2^6 )
 *     a = trunc0(a * (4096 - dThreshold))              (every tick, refractory or not)
 *     if refractoryLeft > 0:  refractoryLeft -= 1, v = 0, no spike
 *     else:
 *       v = clip24( trunc0(v * (4096 - dv)) + u + biasMant * 2^biasExp )
 *       spike  iff  v > vth * 2^6 + a                  (strict; a has already decayed)
 *       on spike: v = 0, refractoryLeft = refractory, a = clip24(a + adaptInc * 2^6)
 *
 * `a` decays like `v` (rounding toward zero, no `+ 1` on its register). It is a 24-bit register
 * that saturates at 2^23 - 1 rather than wrapping, because a wrapped offset would turn the
 * highest threshold into a negative one and make the neuron burst. `adaptInc` is non-negative, so `a`
 * never goes below zero. With `vth * 2^6 + a >= 2^23 - 1` no membrane value can pass the
 * threshold, so a saturated neuron stays silent until its offset decays.
 */
import type { NeuronRegisters } from '../program';
import { DECAY_ONE, STATE_SHIFT_SCALE } from '../fixed/arith';
import type { FixedNeuronState, NeuronActivity } from './state';

// Module constants rather than imports, for the speed reason given in `lif.ts`.
const DECAY_SCALE = 2 ** -12;
const INPUT_SCALE = 2 ** 6;
const STATE_MAX = 2 ** 23 - 1;

/**
 * Advances an ALIF population by one tick and returns its spike count; the caller has checked
 * the array lengths. `activity.active` receives the count of neurons whose `u` or `v` is
 * non-zero after the update or that spiked (the threshold offset is not counted).
 */
export function stepFixedAlifPopulation(
  state: FixedNeuronState,
  registers: NeuronRegisters,
  aIn: Int32Array,
  spiked: Uint8Array,
  activity?: NeuronActivity,
): number {
  const { u, v, refractoryLeft, thresholdOffset } = state;
  const size = u.length;
  const currentFactor = DECAY_ONE - (registers.du + 1);
  const voltageFactor = DECAY_ONE - registers.dv;
  const offsetFactor = DECAY_ONE - registers.dThreshold;
  const bias = registers.biasMant * 2 ** registers.biasExp;
  const threshold = registers.vth * STATE_SHIFT_SCALE;
  const adaptStep = registers.adaptInc * STATE_SHIFT_SCALE;
  const refractoryTicks = registers.refractory;
  let spikeCount = 0;
  let activeCount = 0;

  for (let i = 0; i < size; i++) {
    // trunc0, wrap24 and clip24 written inline, as in the LIF loop and for the same reason.
    const current = ((Math.trunc(u[i]! * currentFactor * DECAY_SCALE) + aIn[i]! * INPUT_SCALE) << 8) >> 8;
    u[i] = current;

    const offset = Math.trunc(thresholdOffset[i]! * offsetFactor * DECAY_SCALE);
    const ticksLeft = refractoryLeft[i]!;
    if (ticksLeft > 0) {
      refractoryLeft[i] = ticksLeft - 1;
      thresholdOffset[i] = offset;
      v[i] = 0;
      spiked[i] = 0;
      if (current !== 0) activeCount++;
      continue;
    }

    let voltage = Math.trunc(v[i]! * voltageFactor * DECAY_SCALE) + current + bias;
    if (voltage > STATE_MAX) {
      voltage = STATE_MAX;
    } else if (voltage < -STATE_MAX) {
      voltage = -STATE_MAX;
    }
    if (voltage > threshold + offset) {
      // adaptStep is non-negative, so only the upper bound of clip24 can act.
      const adapted = offset + adaptStep;
      v[i] = 0;
      refractoryLeft[i] = refractoryTicks;
      thresholdOffset[i] = adapted > STATE_MAX ? STATE_MAX : adapted;
      spiked[i] = 1;
      spikeCount++;
      activeCount++;
    } else {
      v[i] = voltage;
      thresholdOffset[i] = offset;
      spiked[i] = 0;
      if (current !== 0 || voltage !== 0) activeCount++;
    }
  }
  if (activity !== undefined) activity.active = activeCount;
  return spikeCount;
}
