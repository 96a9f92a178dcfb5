/**
 * Spec template of a reward-modulated STDP readout on top of a trained Diehl-and-Cook layer.
 *
 * The layer of `./diehl-cook` (input weights given, no STDP, threshold growth off) drives 10
 * output neurons, one per class, through plastic projections with the `rstdp` rule:
 * pairings of a layer spike with a later output spike build an eligibility, and the reward the
 * task injects after each presentation (+1 when the output neuron that spiked most is the
 * label's, -1 otherwise) turns it into a weight change, `w += eta * r * e`. The output neurons
 * inhibit each other, so usually one of them answers a digit, and a -1 weakens the synapses that
 * made a wrong neuron answer. The eligibility time constant (300 ms) spans a presentation, so a
 * reward given just after it still finds the pairings of the whole digit.
 *
 * Inhibition arrives one tick after a spike, so one layer spike can lift several output neurons
 * over threshold on the same tick. All of them then share the reward, and a -1 lowers the
 * weights of every one, the right class's included. `delayGroups` spreads the synapses over
 * several delays, so the outputs mostly cross threshold on different ticks and the first one
 * inhibits the others. In the first 1,000 training digits of the task (100 neurons, seed 1),
 * 523 began with several output neurons firing on the same tick with one group, 110 with eight.
 */
import type { EnvelopeSpec, Spec, SpecInput } from '../spec/schema';
import { createStream } from '../random';
import { parseSpec } from '../spec/parse';
import type { DiehlCookOptions } from './diehl-cook';
import { diehlCookDocument, WEIGHT_ONE } from './diehl-cook';

export interface RstdpReadoutOptions {
  /** The feature layer; `inputWeights` should hold trained weights. */
  features: Omit<DiehlCookOptions, 'plastic'>;
  /** Learning on the readout; false gives the frozen network used for testing. */
  plastic?: boolean;
  /** Explicit readout weights `[neuron][class]` instead of the random start. */
  readoutWeights?: number[][];
  /** Eligibility gain per pairing (mantissa units) and reward learning rate. */
  aPlus?: number;
  /**
   * Default 1. Over 8,000 training digits, each scored before its own reward, a rate of 4
   * peaked near 78% after 3,000 digits and sank to 68% (75 of the 1,000 weights ended at the
   * upper bound), while a rate of 1 held 77% over the last 1,000.
   */
  eta?: number;
  /** Eligibility time constant in ms (default 300, about one 350 ms presentation). */
  tauEligibilityMs?: number;
  /** Rewards the expected reward averages over (`rewardBaseline` of the rule); none when absent. */
  rewardBaselineTau?: number;
  /** Threshold of the output neurons, in weights of 1.0 (mantissa 127). */
  thresholdWeights?: number;
  /**
   * Membrane decay register `dv` of the output neurons (default 20, a time constant of about
   * 100 ms at dt 0.5 ms; 4 gives about 500 ms).
   */
  outputDecay?: number;
  /** Inhibition between output neurons per spike, in weights of 1.0. */
  inhibitionWeights?: number;
  /**
   * Safety envelope of the readout's learning. Each delay group's projection gets its own copy,
   * so drift budgets and rollbacks apply per group.
   */
  envelope?: EnvelopeSpec;
  /**
   * Delay groups of the layer-to-output synapses (default 1, where every synapse has delay 0).
   * With G groups, each synapse gets one of the delays 0, 2, ..., 2 * (G - 1) ticks, drawn once
   * from a fixed stream (`READOUT_DELAY_STREAM`). Each group is a projection of its own.
   */
  delayGroups?: number;
  /** Ticks each digit is shown (default `DIEHL_COOK_PRESENT_TICKS`, 350 ms), training and testing alike. */
  presentTicks?: number;
  /**
   * Learning on the feature layer too (STDP on its input weights, adaptive thresholds), off by
   * default. The drift task uses it because a changed input makes the trained fields miss the
   * digits.
   */
  featuresPlastic?: boolean;
  /** Safety envelope of the feature layer's learning, when `featuresPlastic`. */
  featureEnvelope?: EnvelopeSpec;
}

export const READOUT_CLASSES = 10;
/** Ticks between the delays of successive readout delay groups. */
export const READOUT_DELAY_STEP_TICKS = 2;
/** Seed and stream name of the draw that puts each readout synapse in a delay group. */
const READOUT_DELAY_SEED = 1;
export const READOUT_DELAY_STREAM = 'template/rstdp-readout/delays';

/** Name of the readout projection of delay group `group` (group 0 keeps the name `exc-out`). */
export function readoutProjectionName(group: number): string {
  return group === 0 ? 'exc-out' : `exc-out-${group}`;
}

/**
 * Returns, per delay group, the `[neuron, class]` pairs in it. The draw does not depend on the
 * run's seed, so a trained readout and its frozen copy share the layout.
 */
export function readoutDelayPairs(neurons: number, groups: number): [number, number][][] {
  if (!Number.isInteger(groups) || groups < 1 || READOUT_DELAY_STEP_TICKS * (groups - 1) > 62) {
    throw new RangeError(`delayGroups: expected an integer in 1..32, got ${groups}`);
  }
  const stream = createStream(READOUT_DELAY_SEED, READOUT_DELAY_STREAM);
  const pairs: [number, number][][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < neurons; i++) {
    for (let c = 0; c < READOUT_CLASSES; c++) pairs[groups === 1 ? 0 : stream.nextInt(groups)]!.push([i, c]);
  }
  return pairs;
}

/** Returns the checked spec of the feature layer plus the reward-trained readout. */
export function rstdpReadoutSpec(options: RstdpReadoutOptions): Spec {
  const featureEnvelope = options.featureEnvelope;
  const base = diehlCookDocument({
    ...options.features,
    plastic: options.featuresPlastic ?? false,
    ...(options.presentTicks !== undefined ? { presentTicks: options.presentTicks } : {}),
  });
  if (options.featuresPlastic === true && featureEnvelope !== undefined) {
    base.projections = (base.projections ?? []).map((projection) =>
      projection.name === 'input-exc' && projection.learning !== undefined
        ? { ...projection, learning: { ...projection.learning, envelope: featureEnvelope } }
        : projection,
    );
  }
  const neurons = options.features.neurons;
  const inhibition = Math.round((options.inhibitionWeights ?? 4) * WEIGHT_ONE);
  const inhibitionExp = Math.max(0, Math.ceil(Math.log2(inhibition / 128)));

  const lateralPairs: [number, number][] = [];
  for (let i = 0; i < READOUT_CLASSES; i++) {
    for (let j = 0; j < READOUT_CLASSES; j++) if (i !== j) lateralPairs.push([i, j]);
  }
  const document: SpecInput = {
    ...base,
    name: `rstdp-readout-${neurons}`,
    populations: [
      ...(base.populations ?? []),
      {
        name: 'out',
        size: READOUT_CLASSES,
        neuron: {
          model: 'lif',
          registers: {
            du: 4095,
            // By default tau 100 ms at dt 0.5 ms: the output neuron integrates several layer spikes,
            // so the output neuron with the largest weights from the active layer neurons
            // fires first.
            dv: options.outputDecay ?? 20,
            vth: Math.round((options.thresholdWeights ?? 1) * WEIGHT_ONE),
            refractory: 10,
          },
        },
      },
    ],
    projections: [
      ...(base.projections ?? []),
      ...readoutProjections(options),
      {
        name: 'out-out',
        from: 'out',
        to: 'out',
        connectivity: { kind: 'list', pairs: lateralPairs },
        weights: { init: 'constant', value: -Math.round(inhibition / 2 ** inhibitionExp) },
        wExp: inhibitionExp,
        delay: 0,
      },
    ],
    record: { spikes: ['exc', 'out'] },
    readout: { population: 'out', kind: 'vote', classes: READOUT_CLASSES },
  };
  return parseSpec(document);
}

/** Returns the plastic (or frozen) projections from the layer to the outputs, one per delay group. */
function readoutProjections(options: RstdpReadoutOptions): NonNullable<SpecInput['projections']> {
  const plastic = options.plastic ?? true;
  const groups = options.delayGroups ?? 1;
  const explicit = options.readoutWeights;
  const learning = {
    rule: 'rstdp' as const,
    aPlus: options.aPlus ?? 1,
    aMinus: 0,
    tauPreMs: 20,
    tauPostMs: 20,
    tauEligibilityMs: options.tauEligibilityMs ?? 300,
    eta: options.eta ?? 1,
    rewardSource: 'api' as const,
    wMin: 0,
    wMax: WEIGHT_ONE,
    bound: 'hard' as const,
    ...(options.rewardBaselineTau !== undefined
      ? { rewardBaseline: { tauRewards: options.rewardBaselineTau } }
      : {}),
    ...(options.envelope !== undefined ? { envelope: options.envelope } : {}),
  };
  const randomStart = {
    init: 'uniform' as const,
    low: Math.round(0.4 * WEIGHT_ONE),
    high: Math.round(0.6 * WEIGHT_ONE),
  };

  return readoutDelayPairs(options.features.neurons, groups).map((pairs, group) => {
    // One group keeps the dense layout; explicit weights then use the `[neuron][class]` matrix.
    const connectivity = groups === 1 ? { kind: 'dense' as const } : { kind: 'list' as const, pairs };
    const weights =
      explicit === undefined
        ? randomStart
        : { values: groups === 1 ? explicit : pairs.map(([i, c]) => explicit[i]![c]!) };
    return {
      name: readoutProjectionName(group),
      from: 'exc',
      to: 'out',
      connectivity,
      weights,
      wExp: 0,
      delay: READOUT_DELAY_STEP_TICKS * group,
      ...(plastic ? { learning } : {}),
    };
  });
}
