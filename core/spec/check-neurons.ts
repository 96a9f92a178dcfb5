/**
 * Semantic checks of populations and neuron models. Input populations take no model. A neuron
 * population needs one, given by exactly one of `registers` and `physical`. ALIF fields appear
 * with `alif` only, and `reset: subtract` exists only in float mode. Physical constants must
 * convert to registers inside the chip's ranges at this `dtMs`.
 */
import { decayRegister, refractoryTicks } from '../compile/registers';
import type { CheckContext } from './check-context';
import { DECAY_REGISTER_MAX, REFRACTORY_MAX_TICKS } from './fields';
import type { PathSegment } from './issues';
import type { NeuronSpec } from './schema';

export function checkNeurons(context: CheckContext): void {
  context.spec.populations.forEach((population, i) => {
    const path: PathSegment[] = ['populations', i];

    if (population.kind === 'input') {
      if (population.neuron !== undefined) {
        context.report(
          [...path, 'neuron'],
          'input populations take no neuron model; remove it or drop kind: input',
        );
      }
      return;
    }

    if (population.neuron === undefined) {
      context.report(
        [...path, 'neuron'],
        'missing: a neuron population needs a neuron model (or kind: input)',
      );
      return;
    }
    checkNeuron(context, [...path, 'neuron'], population.neuron);
  });
}

function checkNeuron(context: CheckContext, path: PathSegment[], neuron: NeuronSpec): void {
  if ((neuron.registers === undefined) === (neuron.physical === undefined)) {
    const message =
      neuron.registers === undefined
        ? 'missing: give either registers or physical'
        : 'give either registers or physical, not both';
    context.report(path, message);
    return;
  }

  if (neuron.reset === 'subtract' && context.mode === 'fixed') {
    context.report(
      [...path, 'reset'],
      "reset 'subtract' exists only in float mode; the chip resets v to 0",
      'subtract',
    );
  }

  checkAdaptation(context, path, neuron);
  if (neuron.physical !== undefined) checkPhysical(context, [...path, 'physical'], neuron.physical);
}

/** ALIF needs a threshold decay and an increment; LIF takes neither. */
function checkAdaptation(context: CheckContext, path: PathSegment[], neuron: NeuronSpec): void {
  const block = neuron.registers !== undefined ? 'registers' : 'physical';
  const fields =
    neuron.registers !== undefined
      ? { decay: 'dThreshold', decayValue: neuron.registers.dThreshold, inc: neuron.registers.adaptInc }
      : { decay: 'tauAdaptMs', decayValue: neuron.physical?.tauAdaptMs, inc: neuron.physical?.adaptInc };

  if (neuron.model === 'alif') {
    if (fields.decayValue === undefined) {
      context.report([...path, block, fields.decay], `missing: model alif needs ${fields.decay}`);
    }
    if (fields.inc === undefined) {
      context.report([...path, block, 'adaptInc'], 'missing: model alif needs adaptInc');
    }
    return;
  }

  if (fields.decayValue !== undefined) {
    context.report(
      [...path, block, fields.decay],
      `${fields.decay} is an ALIF field; set model: alif`,
      fields.decayValue,
    );
  }
  if (fields.inc !== undefined) {
    context.report([...path, block, 'adaptInc'], 'adaptInc is an ALIF field; set model: alif', fields.inc);
  }
}

/** The registers physical constants round to must be in range, never clamped. */
function checkPhysical(
  context: CheckContext,
  path: PathSegment[],
  physical: NonNullable<NeuronSpec['physical']>,
): void {
  const { dtMs } = context.spec;
  const decays: [string, number | undefined][] = [
    ['tauSynMs', physical.tauSynMs],
    ['tauMemMs', physical.tauMemMs],
    ['tauAdaptMs', physical.tauAdaptMs],
  ];

  for (const [field, tauMs] of decays) {
    if (tauMs === undefined) continue;
    const register = decayRegister(dtMs, tauMs);
    if (register <= DECAY_REGISTER_MAX) continue;

    // 4096 * (1 - exp(-dt / tau)) stays below 4095.5 while tau > dt / ln(8192).
    const shortestMs = dtMs / Math.log(8192);
    context.report(
      [...path, field],
      `${tauMs} ms at dtMs ${dtMs} gives decay register ${register}, outside 0..${DECAY_REGISTER_MAX}; ` +
        `use ${field} > ${shortestMs.toPrecision(4)}`,
      tauMs,
    );
  }

  const ticks = refractoryTicks(dtMs, physical.refractoryMs);
  if (ticks > REFRACTORY_MAX_TICKS) {
    context.report(
      [...path, 'refractoryMs'],
      `${physical.refractoryMs} ms at dtMs ${dtMs} is ${ticks} ticks, outside 0..${REFRACTORY_MAX_TICKS} ticks`,
      physical.refractoryMs,
    );
  }
}
