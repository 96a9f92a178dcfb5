/**
 * Neuron constants for both numeric models, from registers or from physical constants.
 *
 * Physical constants become registers by exact exponential decay: a time constant `tau` has the
 * per-tick factor `exp(-dtMs / tauMs)` and the 12-bit register `round(4096 * (1 - factor))`
 * (tau 20 ms at dt 1 ms gives 200, where forward Euler's 4096 / 20 would give 205). A refractory
 * period becomes `round(refractoryMs / dtMs)` ticks. The float model keeps the exact factors and
 * the unrounded `vth` and `adaptInc`.
 *
 * A neuron given by registers gets the float factors its registers mean on the chip: current
 * `(4096 - (du + 1)) / 4096`, voltage `(4096 - dv) / 4096`, threshold offset
 * `(4096 - dThreshold) / 4096`.
 *
 * Registers out of range are returned as such (callers check them with `registerRangeIssues`),
 * never clamped: a time constant below about `dtMs / 9` rounds to register 4096, which the chip
 * cannot hold.
 */
import type { FloatNeuronParams, NeuronRegisters, ResetMode } from '../program';
import type { NeuronPhysicalSpec, NeuronRegistersSpec, NeuronSpec } from '../spec/schema';

/** Scale of the threshold and of the weights in `u`: a mantissa counts 2^6. */
export const THRESHOLD_SCALE = 64;
const DECAY_ONE = 4096;

/** Returns the 12-bit decay register of a time constant. */
export function decayRegister(dtMs: number, tauMs: number): number {
  return Math.round(DECAY_ONE * (1 - Math.exp(-dtMs / tauMs)));
}

/** Returns a refractory period in whole ticks. */
export function refractoryTicks(dtMs: number, refractoryMs: number): number {
  return Math.round(refractoryMs / dtMs);
}

export interface NeuronConstants {
  registers: NeuronRegisters;
  float: FloatNeuronParams;
}

/** Registers and float constants of an input population, which has no dynamics. */
export function inputConstants(): NeuronConstants {
  return {
    registers: { du: 0, dv: 0, vth: 0, biasMant: 0, biasExp: 0, refractory: 0, dThreshold: 0, adaptInc: 0 },
    float: {
      currentDecay: 0,
      voltageDecay: 0,
      thresholdDecay: 0,
      threshold: 0,
      bias: 0,
      adaptInc: 0,
      refractory: 0,
      reset: 'zero',
    },
  };
}

/**
 * Converts a neuron spec that the semantic checks accepted (exactly one of `registers` and
 * `physical`). A LIF neuron gets `dThreshold = 0` and `adaptInc = 0`, so its threshold offset
 * stays 0 in both models.
 */
export function neuronConstants(neuron: NeuronSpec, dtMs: number): NeuronConstants {
  const reset = neuron.reset ?? 'zero';
  if (neuron.physical !== undefined) return fromPhysical(neuron.physical, dtMs, reset);
  return fromRegisters(neuron.registers ?? inputConstants().registers, reset);
}

function fromRegisters(r: NeuronRegistersSpec, reset: ResetMode): NeuronConstants {
  const registers: NeuronRegisters = {
    du: r.du,
    dv: r.dv,
    vth: r.vth,
    biasMant: r.biasMant,
    biasExp: r.biasExp,
    refractory: r.refractory,
    dThreshold: r.dThreshold ?? 0,
    adaptInc: r.adaptInc ?? 0,
  };
  const float: FloatNeuronParams = {
    currentDecay: (DECAY_ONE - (registers.du + 1)) / DECAY_ONE,
    voltageDecay: (DECAY_ONE - registers.dv) / DECAY_ONE,
    thresholdDecay: (DECAY_ONE - registers.dThreshold) / DECAY_ONE,
    threshold: registers.vth * THRESHOLD_SCALE,
    bias: registers.biasMant * 2 ** registers.biasExp,
    adaptInc: registers.adaptInc * THRESHOLD_SCALE,
    refractory: registers.refractory,
    reset,
  };
  return { registers, float };
}

function fromPhysical(p: NeuronPhysicalSpec, dtMs: number, reset: ResetMode): NeuronConstants {
  const refractory = refractoryTicks(dtMs, p.refractoryMs);
  const registers: NeuronRegisters = {
    du: decayRegister(dtMs, p.tauSynMs),
    dv: decayRegister(dtMs, p.tauMemMs),
    vth: Math.round(p.vth),
    biasMant: p.biasMant,
    biasExp: p.biasExp,
    refractory,
    dThreshold: p.tauAdaptMs === undefined ? 0 : decayRegister(dtMs, p.tauAdaptMs),
    adaptInc: Math.round(p.adaptInc ?? 0),
  };
  const float: FloatNeuronParams = {
    currentDecay: Math.exp(-dtMs / p.tauSynMs),
    voltageDecay: Math.exp(-dtMs / p.tauMemMs),
    thresholdDecay: p.tauAdaptMs === undefined ? 1 : Math.exp(-dtMs / p.tauAdaptMs),
    threshold: p.vth * THRESHOLD_SCALE,
    bias: p.biasMant * 2 ** p.biasExp,
    adaptInc: (p.adaptInc ?? 0) * THRESHOLD_SCALE,
    refractory,
    reset,
  };
  return { registers, float };
}
