/**
 * Parses and checks a network spec: the zod schema first (shapes, types, per-field ranges),
 * then the semantic checks (names, references, sizes, modes), in that order, so the checks only
 * ever see well-typed data.
 *
 * `parseSpec` throws `SpecError` and nothing else, whatever the input: a value the schema cannot
 * even read (a throwing getter, a nesting deep enough to exhaust the stack) becomes an issue at
 * the document's root.
 */
import { SpecError, type SpecIssue } from '../errors';
import type { NumericMode } from '../program';
import { CheckContext } from './check-context';
import { checkNeurons } from './check-neurons';
import { checkProjections } from './check-projections';
import { checkReferences } from './check-references';
import { checkStimuli } from './check-stimulus';
import { fromZodIssues, issueWithMessage, nameIssueItems } from './issues';
import { specSchema, type Spec } from './schema';

export interface ParseSpecOptions {
  /** Check for this numeric mode instead of the spec's own `chip.mode` (for a replay in the other mode). */
  mode?: NumericMode;
}

/** Parses `input` as a spec v1 and returns it with defaults filled in; throws `SpecError`. */
export function parseSpec(input: unknown, options: ParseSpecOptions = {}): Spec {
  let issues: SpecIssue[];
  let spec: Spec | undefined;

  try {
    const result = specSchema.safeParse(input);
    if (result.success) {
      spec = result.data;
      issues = checkSpec(spec, options.mode ?? spec.chip.mode);
    } else {
      issues = fromZodIssues(result.error.issues, input);
    }
  } catch (error) {
    issues = [
      issueWithMessage(
        [],
        `the spec could not be read: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ];
  }

  if (issues.length > 0 || spec === undefined) throw new SpecError(nameIssueItems(issues, input));
  return spec;
}

/** Runs the semantic checks on a spec that passed the schema and returns the issues found. */
export function checkSpec(spec: Spec, mode: NumericMode): SpecIssue[] {
  const context = new CheckContext(spec, mode);
  checkReferences(context);
  checkNeurons(context);
  checkProjections(context);
  checkStimuli(context);
  return context.issues;
}
