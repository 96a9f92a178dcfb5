import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';

import { keyOptions, schemaAt, specSchemaTree, valueOptions, type KeyOption } from './schema-tree';
import { specNames } from './spec-names';
import { LIST_ITEM, yamlContextAt, type PathStep, type YamlContext } from './yaml-context';

/** Keys whose value names a population, wherever they appear. */
const POPULATION_REFERENCES = new Set(['from', 'to', 'population']);

/** Returns which names a value or list item refers to, if any. */
function referenceKind(context: YamlContext): 'populations' | 'projections' | null {
  if (context.kind === 'value' && context.key && POPULATION_REFERENCES.has(context.key)) return 'populations';

  const last = context.path.at(-1);
  const parent = context.path.at(-2);
  if (context.kind === 'item' && last === 'spikes' && parent === 'record') return 'populations';
  if (context.kind === 'item' && last === 'projections' && parent === 'weights') return 'projections';
  return null;
}

/** Completes spec field names, their allowed values and population and projection names. */
export function specCompletionSource(completion: CompletionContext): CompletionResult | null {
  const text = completion.state.doc.toString();
  const context = yamlContextAt(text, completion.pos);
  if (!context) return null;
  if (!completion.explicit && context.prefix === '' && context.kind !== 'value' && !context.flow) return null;

  const options = optionsFor(context, text, completion);
  if (options.length === 0) return null;
  return { from: context.from, options, validFor: /^[\w-]*$/ };
}

function optionsFor(context: YamlContext, text: string, completion: CompletionContext): Completion[] {
  const reference = referenceKind(context);
  if (reference) {
    return specNames(text)[reference].map((name) => ({
      label: name,
      type: 'variable',
      detail: reference.slice(0, -1),
    }));
  }

  const root = specSchemaTree();
  if (context.kind === 'value') {
    const node = schemaAt(root, [...context.path, context.key ?? '']);
    return node ? valueOptions(node).map((value) => ({ label: value, type: 'enum' })) : [];
  }

  const itemPath: PathStep[] = context.kind === 'item' ? [...context.path, LIST_ITEM] : context.path;
  const node = schemaAt(root, itemPath);
  if (!node) return [];

  const values = valueOptions(node);
  if (context.kind === 'item' && values.length > 0)
    return values.map((value) => ({ label: value, type: 'enum' }));

  const line = completion.state.doc.lineAt(context.from);
  const indent = ' '.repeat(context.from - line.from);
  return keyOptions(node, context.siblings).map((option) => keyCompletion(option, indent, context.flow));
}

function keyCompletion(option: KeyOption, indent: string, flow: boolean): Completion {
  let apply = `${option.key}: `;
  if (!flow && option.shape === 'object') apply = `${option.key}:\n${indent}  `;
  if (!flow && option.shape === 'list') apply = `${option.key}:\n${indent}  - `;

  return {
    label: option.key,
    type: 'property',
    detail: option.required ? `${option.detail} · required` : option.detail,
    apply,
    // Required fields first, so a new mapping suggests what it still needs.
    boost: option.required ? 1 : 0,
  };
}
