/**
 * The spec schema as a tree the editor can walk for completions, derived from the core's zod
 * schema through its JSON Schema export, so field names and allowed values have one source.
 */
import { z } from 'zod';

import { specSchema } from '@/core/spec/schema';

import { LIST_ITEM, type PathStep } from './yaml-context';

/** The subset of JSON Schema that `z.toJSONSchema` emits for the spec. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode | SchemaNode[];
  prefixItems?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

let cachedRoot: SchemaNode | null = null;

/** Builds the spec's JSON Schema once, from input types, so defaulted fields count as optional. */
export function specSchemaTree(): SchemaNode {
  cachedRoot ??= z.toJSONSchema(specSchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  return cachedRoot;
}

/** Returns the alternatives of a union node, or the node itself. */
function alternatives(node: SchemaNode): SchemaNode[] {
  const options = node.anyOf ?? node.oneOf;
  return options ? options.flatMap(alternatives) : [node];
}

/**
 * Returns the object alternatives that agree with the keys already written. For a discriminated
 * union such as `connectivity` with `kind: sparse` present, that is only the `sparse` form.
 */
function matchingObjects(node: SchemaNode, siblings: ReadonlyMap<string, string>): SchemaNode[] {
  const objects = alternatives(node).filter((option) => option.properties);
  const matching = objects.filter((option) =>
    Object.entries(option.properties ?? {}).every(([key, property]) => {
      const written = siblings.get(key);
      return written === undefined || property.const === undefined || literalText(property.const) === written;
    }),
  );
  return matching.length > 0 ? matching : objects;
}

/** Follows a path of keys and list items from `root`; null when the path leaves the schema. */
export function schemaAt(root: SchemaNode, path: readonly PathStep[]): SchemaNode | null {
  let nodes = [root];
  for (const step of path) {
    const next: SchemaNode[] = [];
    for (const node of nodes.flatMap(alternatives)) {
      if (step === LIST_ITEM) {
        if (node.items && !Array.isArray(node.items)) next.push(node.items);
      } else {
        const property = node.properties?.[step];
        if (property) next.push(property);
      }
    }
    if (next.length === 0) return null;
    nodes = next;
  }
  return nodes.length === 1 ? nodes[0]! : { anyOf: nodes };
}

export interface KeyOption {
  key: string;
  detail: string;
  required: boolean;
  shape: 'scalar' | 'object' | 'list';
}

/** Keys the mapping at `node` accepts that are not written yet. */
export function keyOptions(node: SchemaNode, siblings: ReadonlyMap<string, string>): KeyOption[] {
  const options = new Map<string, KeyOption>();
  for (const object of matchingObjects(node, siblings)) {
    for (const [key, property] of Object.entries(object.properties ?? {})) {
      if (siblings.has(key) || options.has(key)) continue;
      options.set(key, {
        key,
        detail: describeNode(property),
        required: object.required?.includes(key) ?? false,
        shape: shapeOf(property),
      });
    }
  }
  return [...options.values()];
}

/** Literal values a field accepts (enums, constants, booleans); empty for free-form fields. */
export function valueOptions(node: SchemaNode): string[] {
  const values = new Set<string>();
  for (const option of alternatives(node)) {
    for (const value of option.enum ?? []) values.add(literalText(value));
    if (option.const !== undefined) values.add(literalText(option.const));
    if (option.type === 'boolean') {
      values.add('true');
      values.add('false');
    }
  }
  return [...values];
}

/** Writes a JSON Schema literal as it appears in YAML. */
function literalText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function shapeOf(node: SchemaNode): KeyOption['shape'] {
  const types = alternatives(node).map((option) => option.type);
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return 'object';
  return 'scalar';
}

/** Summarizes a field's type, such as `integer 0..4095` or `lif | alif`. */
export function describeNode(node: SchemaNode): string {
  const values = valueOptions(node);
  if (values.length > 0 && values.length <= 6) return values.join(' | ');

  const option = alternatives(node)[0] ?? node;
  const type = Array.isArray(option.type) ? option.type.join(' or ') : (option.type ?? 'value');
  if (option.minimum !== undefined && option.maximum !== undefined)
    return `${type} ${option.minimum}..${option.maximum}`;
  if (option.exclusiveMinimum !== undefined) return `${type} > ${option.exclusiveMinimum}`;
  if (option.minimum !== undefined) return `${type} >= ${option.minimum}`;
  return type;
}
