/**
 * Semantic checks of stimuli. Each stimulus gives explicit `spikes` or an `encoder`, which
 * encodes its `data` or, without data, the constant value 1 on every input. Spike indices must
 * fit the population and appear once per tick. A Poisson rate must give a per-tick probability
 * of at most 1, and is never clamped. Pixel encoders of MNIST drive 784 inputs. A row encoder
 * needs MNIST data shown for exactly its 28 rows and drives 28 inputs, or 56 with the row cue.
 * A drift starts at a sample of the stream.
 */
import { mnistSplitRanges } from '../data/mnist-shape';
import { MAX_ISSUES_PER_LIST, type CheckContext } from './check-context';
import type { PathSegment } from './issues';
import type { PopulationSpec, StimulusSpec } from './schema';

/** Pixels of an MNIST digit (28 x 28); Poisson and latency encoders drive one input each. */
const MNIST_PIXELS = 784;
const MNIST_ROWS = 28;

export function checkStimuli(context: CheckContext): void {
  context.spec.stimulus.forEach((stimulus, i) => {
    const path: PathSegment[] = ['stimulus', i];
    if (!checkSource(context, path, stimulus)) return;

    const population = context.populations.get(stimulus.population);
    if (population === undefined) return;

    if (stimulus.spikes !== undefined) checkSpikes(context, [...path, 'spikes'], stimulus.spikes, population);
    if (stimulus.encoder !== undefined) checkEncoder(context, path, stimulus, population);
    checkDrift(context, path, stimulus);
    checkIndices(context, path, stimulus);
  });
}

/** Explicit digits give one index per sample, each a digit of the stream's split. */
function checkIndices(context: CheckContext, path: PathSegment[], stimulus: StimulusSpec): void {
  const data = stimulus.data;
  if (data?.indices === undefined) return;

  if (data.indices.length !== data.samples) {
    context.expected(
      [...path, 'data', 'indices'],
      `expected ${data.samples} ${data.samples === 1 ? 'index' : 'indices'}, one per sample (the data's samples)`,
      data.indices.length,
    );
    return;
  }

  const ranges = mnistSplitRanges(data.split);
  const outside = data.indices
    .map((index, k) => [index, k] as const)
    .filter(([index]) => !ranges.some(([first, last]) => index >= first && index <= last));
  for (const [index, k] of outside.slice(0, MAX_ISSUES_PER_LIST)) {
    context.expected(
      [...path, 'data', 'indices', k],
      `expected a digit of the ${data.split} split (${ranges.map(([first, last]) => `${first}..${last}`).join(', ')})`,
      index,
    );
  }
}

/** A drift must start within the stream; at `samples` itself no sample is drifted. */
function checkDrift(context: CheckContext, path: PathSegment[], stimulus: StimulusSpec): void {
  const data = stimulus.data;
  if (data?.drift === undefined || data.drift.fromSample <= data.samples) return;

  context.expected(
    [...path, 'data', 'drift', 'fromSample'],
    `expected a sample index in 0..${data.samples} (the data's samples)`,
    data.drift.fromSample,
  );
}

/** Checks that exactly one source is given; returns whether the stimulus can be checked further. */
function checkSource(context: CheckContext, path: PathSegment[], stimulus: StimulusSpec): boolean {
  const hasSpikes = stimulus.spikes !== undefined;
  const hasEncoder = stimulus.encoder !== undefined;

  if (hasSpikes === hasEncoder) {
    context.report(
      path,
      hasSpikes ? 'give either spikes or an encoder, not both' : 'missing: give spikes or an encoder',
    );
    return false;
  }
  if (hasSpikes && stimulus.data !== undefined) {
    context.report([...path, 'data'], 'data is read by an encoder only; explicit spikes take none');
    return false;
  }
  return true;
}

function checkSpikes(
  context: CheckContext,
  path: PathSegment[],
  spikes: [number, number][],
  population: PopulationSpec,
): void {
  const seen = new Set<string>();
  let reported = 0;

  for (let k = 0; k < spikes.length && reported < MAX_ISSUES_PER_LIST; k++) {
    const [tick, neuron] = spikes[k]!;
    if (neuron >= population.size) {
      context.expected(
        [...path, k, 1],
        `expected a neuron index of ${JSON.stringify(population.name)} in 0..${population.size - 1}`,
        neuron,
      );
      reported++;
    }

    const key = `${tick},${neuron}`;
    if (seen.has(key)) {
      context.report(
        [...path, k],
        `duplicate spike [${tick}, ${neuron}]; an input neuron spikes at most once a tick`,
        [tick, neuron],
      );
      reported++;
    }
    seen.add(key);
  }
}

function checkEncoder(
  context: CheckContext,
  path: PathSegment[],
  stimulus: StimulusSpec,
  population: PopulationSpec,
): void {
  const encoder = stimulus.encoder;
  if (encoder === undefined) return;

  if (encoder.kind === 'poisson') {
    // One Bernoulli draw per tick: the probability must stay a probability.
    const probability = (encoder.maxRateHz * context.spec.dtMs) / 1000;
    if (probability > 1) {
      const maxRateHz = 1000 / context.spec.dtMs;
      const populationIndex = context.spec.populations.indexOf(population);
      context.report(
        [...path, 'encoder', 'maxRateHz'],
        `${encoder.maxRateHz} Hz at dtMs ${context.spec.dtMs} gives input population ${JSON.stringify(population.name)} ` +
          `(populations[${populationIndex}]) a spike probability of ${probability} per tick, above 1; ` +
          `use maxRateHz <= ${maxRateHz}`,
        encoder.maxRateHz,
      );
    }
  }

  const pixelEncoder = encoder.kind === 'poisson' || encoder.kind === 'latency';
  if (pixelEncoder && stimulus.data?.dataset === 'mnist' && population.size !== MNIST_PIXELS) {
    context.report(
      [...path, 'population'],
      `a ${encoder.kind} encoder of MNIST drives one input per pixel, so ${JSON.stringify(population.name)} needs size ${MNIST_PIXELS}, not ${population.size}`,
      population.name,
    );
  }

  if (encoder.kind === 'rows') checkRowsEncoder(context, path, stimulus, population, encoder);
}

function checkRowsEncoder(
  context: CheckContext,
  path: PathSegment[],
  stimulus: StimulusSpec,
  population: PopulationSpec,
  encoder: Extract<NonNullable<StimulusSpec['encoder']>, { kind: 'rows' }>,
): void {
  const data = stimulus.data;
  if (data === undefined) {
    context.report([...path, 'data'], 'missing: a rows encoder reads MNIST digits; give data');
    return;
  }

  const presentTicks = MNIST_ROWS * encoder.ticksPerRow;
  if (data.presentTicks !== presentTicks) {
    context.expected(
      [...path, 'data', 'presentTicks'],
      `expected ${presentTicks} (28 rows x ticksPerRow ${encoder.ticksPerRow}), so that every row is shown once`,
      data.presentTicks,
    );
  }

  // Mirrors rowsOutputSize in core/encoders/rows.ts, which the spec layer does not import.
  const inputs = encoder.rowCue ? 2 * MNIST_ROWS : MNIST_ROWS;
  if (population.size !== inputs) {
    context.report(
      [...path, 'population'],
      `a rows encoder ${encoder.rowCue ? 'with rowCue ' : ''}drives ${inputs} inputs, so ${JSON.stringify(population.name)} needs size ${inputs}, not ${population.size}`,
      population.name,
    );
  }
}
