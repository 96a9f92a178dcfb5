/**
 * Range checks of the neuron registers and float constants a population hands its kernel.
 *
 * The kernels trust their registers and check nothing per neuron, so a compiler or a snapshot
 * loader calls these once, where the values enter. The ranges are the chip's register widths;
 * the threshold and the adaptation step are capped at 2^17 - 1 so that, shifted left by 6, each
 * fits in the 23 magnitude bits of a 24-bit register.
 */
import type { FloatNeuronParams, NeuronRegisters } from '../program';

/** Largest threshold register and largest adaptation step: `2^17 - 1`. */
export const THRESHOLD_REGISTER_MAX = 2 ** 17 - 1;

/** Largest refractory period in ticks; the per-neuron countdown is 8 bits wide. */
export const REFRACTORY_TICKS_MAX = 255;

interface IntegerRange {
  field: keyof NeuronRegisters;
  min: number;
  max: number;
}

const REGISTER_RANGES: readonly IntegerRange[] = [
  { field: 'du', min: 0, max: 4095 },
  { field: 'dv', min: 0, max: 4095 },
  { field: 'vth', min: 0, max: THRESHOLD_REGISTER_MAX },
  { field: 'biasMant', min: -4096, max: 4095 },
  { field: 'biasExp', min: 0, max: 7 },
  { field: 'refractory', min: 0, max: REFRACTORY_TICKS_MAX },
  { field: 'dThreshold', min: 0, max: 4095 },
  { field: 'adaptInc', min: 0, max: THRESHOLD_REGISTER_MAX },
];

/** Throws a RangeError naming `path.field`, the value and the allowed range of the first bad register. */
export function assertNeuronRegisters(registers: NeuronRegisters, path: string): void {
  for (const { field, min, max } of REGISTER_RANGES) {
    const value = registers[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${path}.${field}: must be an integer in ${min}..${max}, got ${value}`);
    }
  }
}

function assertInRange(path: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${path}: must be a finite number in [${min}, ${max}], got ${value}`);
  }
}

/** Throws a RangeError naming `path.field` and the value of the first invalid float constant. */
export function assertFloatNeuronParams(params: FloatNeuronParams, path: string): void {
  assertInRange(`${path}.currentDecay`, params.currentDecay, 0, 1);
  assertInRange(`${path}.voltageDecay`, params.voltageDecay, 0, 1);
  assertInRange(`${path}.thresholdDecay`, params.thresholdDecay, 0, 1);
  assertInRange(`${path}.threshold`, params.threshold, -Number.MAX_VALUE, Number.MAX_VALUE);
  assertInRange(`${path}.bias`, params.bias, -Number.MAX_VALUE, Number.MAX_VALUE);
  assertInRange(`${path}.adaptInc`, params.adaptInc, 0, Number.MAX_VALUE);

  const refractory = params.refractory;
  if (!Number.isInteger(refractory) || refractory < 0 || refractory > REFRACTORY_TICKS_MAX) {
    throw new RangeError(
      `${path}.refractory: must be an integer in 0..${REFRACTORY_TICKS_MAX} ticks, got ${refractory}`,
    );
  }
  if (params.reset !== 'zero' && params.reset !== 'subtract') {
    throw new RangeError(`${path}.reset: must be 'zero' or 'subtract', got '${String(params.reset)}'`);
  }
}
