/**
 * Proportion-weighted vote, a variant of the Diehl-and-Cook vote. Instead of labelling each
 * neuron with the single class it responds to most, every neuron keeps its mean spike count per
 * class on the labelling digits, normalised to sum 1 over the classes, and each of its spikes on
 * a test digit adds those proportions to the class scores. Neurons that respond to two classes
 * alike then split their vote instead of casting it for one.
 */
import type { FrozenPhase } from './frozen-vote';

/** Returns each neuron's share of its mean response per class, row-major `[neuron * classes + class]`. */
export function classProportions(labelling: FrozenPhase, classes = 10): Float64Array {
  const { size, counts, labels } = labelling;
  const responses = new Float64Array(size * classes);
  const presentations = new Float64Array(classes);
  for (let k = 0; k < labels.length; k++) {
    const c = labels[k]!;
    presentations[c]! += 1;
    for (let i = 0; i < size; i++) responses[i * classes + c]! += counts[k * size + i]!;
  }

  const proportions = new Float64Array(size * classes);
  for (let i = 0; i < size; i++) {
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const rate = presentations[c]! > 0 ? responses[i * classes + c]! / presentations[c]! : 0;
      proportions[i * classes + c] = rate;
      total += rate;
    }
    for (let c = 0; c < classes && total > 0; c++) proportions[i * classes + c]! /= total;
  }
  return proportions;
}

/**
 * Returns the share of `test` digits whose highest class score is their label. A digit on which
 * no neuron spiked counts as wrong.
 */
export function proportionAccuracy(labelling: FrozenPhase, test: FrozenPhase, classes = 10): number {
  const proportions = classProportions(labelling, classes);
  const { size, counts, labels } = test;
  let correct = 0;

  for (let k = 0; k < labels.length; k++) {
    const scores = new Float64Array(classes);
    for (let i = 0; i < size; i++) {
      const spikes = counts[k * size + i]!;
      for (let c = 0; spikes > 0 && c < classes; c++) scores[c]! += spikes * proportions[i * classes + c]!;
    }
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < classes; c++) {
      if (scores[c]! > bestScore) {
        best = c;
        bestScore = scores[c]!;
      }
    }
    if (best === labels[k]) correct++;
  }
  return correct / labels.length;
}
