/**
 * Builds the stimulus sources that a compiled spec names: explicit spike lists now, encoders
 * (row sequences included) bound to a data stream through `createDataStimulus`.
 */
import type { Program } from '../program';
import type { StimulusSource } from './stimulus';
import { SpikeListStimulus } from './stimulus';
import { createDataStimulus } from './data-stimulus';

export function buildStimuli(program: Program, seed: number): StimulusSource[] {
  return (program.spec.stimulus ?? []).map((stimulus, index) => {
    const population = program.populations.find((p) => p.name === stimulus.population)!;
    if ('spikes' in stimulus && stimulus.spikes !== undefined) {
      return new SpikeListStimulus(population, stimulus.spikes);
    }
    return createDataStimulus(program, population, stimulus, seed, index);
  });
}
