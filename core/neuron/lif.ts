/**
 * Fixed-point current-based leaky integrate-and-fire (CUBA LIF) neurons, bit-accurate.
 *
 * One call advances a whole population by one tick, in place. For every neuron, in this order:
 *
 *     u = wrap24( trunc0(u * (4096 - (du + 1))) + aIn * 2^6 )
 *     if refractoryLeft > 0:  refractoryLeft -= 1, v = 0, no spike
 *     else:
 *       v = clip24( trunc0(v * (4096 - dv)) + u + biasMant * 2^biasExp )
 *       spike  iff  v > vth * 2^6                     (strict)
 *       on spike: v = 0, refractoryLeft = refractory
 *
 * `trunc0` divides by 4096 rounding toward zero, `wrap24` wraps to signed 24 bits (the current
 * overflows like the hardware adder) and `clip24` saturates to `±(2^23 - 1)` (the membrane never
 * changes sign by overflow). The current decays by `du + 1`, so it can never be switched off.
 * `u` keeps integrating during refractory ticks. A spike at tick t blocks ticks t+1 .. t+R, so
 * a neuron that would fire on every tick fires every `R + 1` ticks. The adaptive variant is in
 * `alif.ts`; the float model with the same order is in `float-lif.ts`.
 *
 * Registers are trusted (see `assertNeuronRegisters`), and state values must be 24-bit, which
 * the kernel itself maintains. `aIn` may hold any int32, but only its low 18 bits reach `u`.
 *
 * The loops spell out `trunc0` as `Math.trunc(x * 2^-12)`, `wrap24` as `(x << 8) >> 8` and
 * `clip24` as two comparisons instead of calling the helpers of `fixed/arith.ts`, because on
 * Node 20 those calls across modules made this loop about 30% slower (64,000 neurons).
 */
import type { NeuronRegisters } from '../program';
import { DECAY_ONE, STATE_SHIFT_SCALE } from '../fixed/arith';
import { stepFixedAlifPopulation } from './alif';
import type { FixedNeuronState, NeuronActivity } from './state';
import { checkPopulationLengths } from './state';

// Constants of this module, not imports: on Node 20 the loop ran about 30% slower when it
// read them from imported bindings (64,000 neurons). Multiplying by 2^-12 is exact, like
// dividing by 4096.
const DECAY_SCALE = 2 ** -12;
const INPUT_SCALE = 2 ** 6;
const STATE_MAX = 2 ** 23 - 1;

export type SpikingModel = 'lif' | 'alif';

export type { FixedNeuronState, FloatNeuronState, NeuronActivity } from './state';
export { createFixedNeuronState, createFloatNeuronState } from './state';
export { stepFloatLif } from './float-lif';

/**
 * Advances a fixed-point LIF or ALIF population by one tick and returns its spike count.
 *
 * `aIn[i]` is the summed weight (mantissa * 2^wExp) arriving at neuron i this tick; `spiked[i]`
 * receives 1 or 0. When `activity` is given, `activity.active` receives the count of neurons
 * whose `u` or `v` is non-zero after the update or that spiked. Nothing is allocated, so the
 * simulator may call it every tick.
 */
export function stepFixedLif(
  state: FixedNeuronState,
  registers: NeuronRegisters,
  model: SpikingModel,
  aIn: Int32Array,
  spiked: Uint8Array,
  activity?: NeuronActivity,
): number {
  checkPopulationLengths(state, aIn, spiked);
  if (model === 'alif') {
    return stepFixedAlifPopulation(state, registers, aIn, spiked, activity);
  }

  const { u, v, refractoryLeft } = state;
  const size = u.length;
  const currentFactor = DECAY_ONE - (registers.du + 1);
  const voltageFactor = DECAY_ONE - registers.dv;
  const bias = registers.biasMant * 2 ** registers.biasExp;
  const threshold = registers.vth * STATE_SHIFT_SCALE;
  const refractoryTicks = registers.refractory;
  let spikeCount = 0;
  let activeCount = 0;

  for (let i = 0; i < size; i++) {
    const current = ((Math.trunc(u[i]! * currentFactor * DECAY_SCALE) + aIn[i]! * INPUT_SCALE) << 8) >> 8;
    u[i] = current;

    const ticksLeft = refractoryLeft[i]!;
    if (ticksLeft > 0) {
      refractoryLeft[i] = ticksLeft - 1;
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
    if (voltage > threshold) {
      v[i] = 0;
      refractoryLeft[i] = refractoryTicks;
      spiked[i] = 1;
      spikeCount++;
      activeCount++;
    } else {
      v[i] = voltage;
      spiked[i] = 0;
      if (current !== 0 || voltage !== 0) activeCount++;
    }
  }
  if (activity !== undefined) activity.active = activeCount;
  return spikeCount;
}
