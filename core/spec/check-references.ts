/**
 * Semantic checks of names and references: names are unique inside their list, every `from`,
 * `to` and `population` names an existing population of the right kind, and each input
 * population has at most one stimulus.
 */
import type { CheckContext } from './check-context';

export function checkReferences(context: CheckContext): void {
  const { spec } = context;

  checkUniqueNames(context, 'populations', spec.populations);
  checkUniqueNames(context, 'projections', spec.projections);

  spec.projections.forEach((projection, i) => {
    context.population(['projections', i, 'from'], projection.from);
    context.neuronPopulation(['projections', i, 'to'], projection.to, 'the target of a projection');
  });

  checkStimulusReferences(context);
  checkRecordReferences(context);

  if (spec.readout !== undefined) {
    context.neuronPopulation(['readout', 'population'], spec.readout.population, 'a readout');
  }
}

function checkUniqueNames(context: CheckContext, list: string, items: readonly { name: string }[]): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.name);
    if (first === undefined) {
      firstIndex.set(item.name, i);
      return;
    }
    context.report(
      [list, i, 'name'],
      `duplicate name ${JSON.stringify(item.name)}, already used by ${list}[${first}]`,
      item.name,
    );
  });
}

function checkStimulusReferences(context: CheckContext): void {
  const stimulated = new Map<string, number>();

  context.spec.stimulus.forEach((stimulus, i) => {
    const population = context.population(['stimulus', i, 'population'], stimulus.population);
    if (population === undefined) return;

    if (population.kind !== 'input') {
      context.report(
        ['stimulus', i, 'population'],
        `${JSON.stringify(population.name)} is a neuron population; a stimulus drives an input population`,
        population.name,
      );
    }

    const first = stimulated.get(population.name);
    if (first !== undefined) {
      context.report(
        ['stimulus', i, 'population'],
        `${JSON.stringify(population.name)} already has a stimulus at stimulus[${first}]; merge them into one`,
        population.name,
      );
    } else {
      stimulated.set(population.name, i);
    }

    if (stimulus.data?.labels !== undefined) {
      context.population(['stimulus', i, 'data', 'labels', 'population'], stimulus.data.labels.population);
    }
  });
}

function checkRecordReferences(context: CheckContext): void {
  const { record } = context.spec;

  record.spikes.forEach((name, i) => context.population(['record', 'spikes', i], name));

  record.state.forEach((entry, i) => {
    context.neuronPopulation(['record', 'state', i, 'population'], entry.population, 'recorded for state');
  });

  record.weights?.projections?.forEach((name, i) => {
    if (context.projections.has(name)) return;
    context.report(
      ['record', 'weights', 'projections', i],
      `no projection is named ${JSON.stringify(name)}`,
      name,
    );
  });
}
