/**
 * Shared state of the semantic checks: the spec, the numeric mode it is checked for, the issues
 * found so far and lookups by name.
 */
import type { SpecIssue } from '../errors';
import type { NumericMode } from '../program';
import { issueAt, issueWithMessage, type PathSegment } from './issues';
import type { PopulationSpec, ProjectionSpec, Spec } from './schema';

/** Values reported per list before the checks move on, so one bad matrix cannot flood the report. */
export const MAX_ISSUES_PER_LIST = 5;

export class CheckContext {
  readonly issues: SpecIssue[] = [];
  readonly populations = new Map<string, PopulationSpec>();
  readonly projections = new Map<string, ProjectionSpec>();

  constructor(
    readonly spec: Spec,
    readonly mode: NumericMode,
  ) {
    // The first of two equal names wins, and the duplicate is reported by the name checks.
    for (const population of spec.populations) {
      if (!this.populations.has(population.name)) this.populations.set(population.name, population);
    }
    for (const projection of spec.projections) {
      if (!this.projections.has(projection.name)) this.projections.set(projection.name, projection);
    }
  }

  /** Records an issue whose message is `<expectation>, got <value>`. */
  expected(segments: readonly PathSegment[], expectation: string, value: unknown): void {
    this.issues.push(issueAt(segments, expectation, value));
  }

  /** Records an issue whose message already names the value. */
  report(segments: readonly PathSegment[], message: string, value?: unknown): void {
    this.issues.push(issueWithMessage(segments, message, value));
  }

  /**
   * Returns the population a reference names, or reports the reference at `segments` and returns
   * undefined.
   */
  population(segments: readonly PathSegment[], name: string): PopulationSpec | undefined {
    const population = this.populations.get(name);
    if (population === undefined) {
      this.report(
        segments,
        `no population is named ${JSON.stringify(name)}; known: ${knownNames(this.populations)}`,
        name,
      );
    }
    return population;
  }

  /** Like `population`, but also reports a population that has no neuron model. */
  neuronPopulation(segments: readonly PathSegment[], name: string, role: string): PopulationSpec | undefined {
    const population = this.population(segments, name);
    if (population?.kind === 'input') {
      this.report(
        segments,
        `${JSON.stringify(name)} is an input population, which has no neuron model, so it cannot be ${role}`,
        name,
      );
      return undefined;
    }
    return population;
  }
}

function knownNames(items: Map<string, unknown>): string {
  const names = [...items.keys()].slice(0, 10).map((name) => JSON.stringify(name));
  return names.length === 0 ? 'none' : names.join(', ') + (items.size > 10 ? ', ...' : '');
}
