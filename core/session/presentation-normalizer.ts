/**
 * Runs the weight normalisation that pair-rule projections ask for (`learning.normalize`) at the
 * end of every data presentation: after the last rest tick of each sample, before the next
 * sample's first tick. It reads the presentation period from the spec's data stimulus, so it
 * needs no state of its own and a resumed run normalises at the same ticks.
 */
import type { Program } from '../program';
import { resolveBounds } from '../learning/bounds';
import type { NormalizeScratch, NormalizeTarget } from '../learning/normalize';
import { createNormalizeScratch, normalizeIncoming } from '../learning/normalize';

interface Job {
  target: NormalizeTarget;
  sum: number;
  scratch: NormalizeScratch;
}

export class PresentationNormalizer {
  private readonly jobs: Job[];
  private readonly periodTicks: number;

  private constructor(jobs: Job[], periodTicks: number) {
    this.jobs = jobs;
    this.periodTicks = periodTicks;
  }

  /**
   * Returns the normaliser of `program` over the simulator's live `weights`, or null when no
   * projection asks for normalisation. A spec with normalisation and no data stimulus is
   * rejected, because it has no presentations to end.
   */
  static create(program: Program, weights: (Int8Array | Float64Array)[]): PresentationNormalizer | null {
    const jobs: Job[] = [];
    program.projections.forEach((projection, p) => {
      const learning = projection.learning;
      if (learning === null || learning.rule === 'eprop' || learning.normalize === undefined) return;
      const postSize = program.populations[projection.to]!.size;
      jobs.push({
        target: {
          mode: program.mode,
          postSize,
          rowPtr: projection.rowPtr,
          post: projection.post,
          weights: weights[p]!,
          bounds: resolveBounds(learning, program.mode, `projections[${p}].learning`),
        },
        sum: learning.normalize.sum,
        scratch: createNormalizeScratch(postSize),
      });
    });
    if (jobs.length === 0) return null;

    const data = program.spec.stimulus.find((stimulus) => stimulus.data !== undefined)?.data;
    if (data === undefined) {
      throw new RangeError(
        'learning.normalize: weights are normalised after each data presentation; add a stimulus with data',
      );
    }
    return new PresentationNormalizer(jobs, data.presentTicks + data.restTicks);
  }

  /** Normalises after the last tick of a presentation; returns the number of weights rewritten. */
  afterTick(tick: number): number {
    if (tick % this.periodTicks !== 0) return 0;
    let changed = 0;
    for (const job of this.jobs) changed += normalizeIncoming(job.target, job.sum, job.scratch);
    return changed;
  }
}
