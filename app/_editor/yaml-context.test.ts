import { describe, expect, it } from 'vitest';

import { yamlContextAt } from './yaml-context';

/** Splits a document at the `|` marking the cursor. */
function at(document: string) {
  const offset = document.indexOf('|');
  return yamlContextAt(document.replace('|', ''), offset);
}

const POPULATION = ['populations:', '  - name: in', '    size: 2', '    neuron:', '      model: lif'].join(
  '\n',
);

describe('yamlContextAt', () => {
  it('finds a top-level key', () => {
    const context = at('apiVersion: livenet/v1\nna|');
    expect(context?.kind).toBe('key');
    expect(context?.path).toEqual([]);
    expect(context?.prefix).toBe('na');
    expect(context?.siblings.get('apiVersion')).toBe('livenet/v1');
  });

  it('walks into a list item mapping', () => {
    const context = at(`${POPULATION}\n      reg|`);
    expect(context?.path).toEqual(['populations', '[]', 'neuron']);
    expect(context?.siblings.has('model')).toBe(true);
  });

  it('collects keys of the same item', () => {
    const context = at(`${POPULATION}\n    ki|`);
    expect(context?.path).toEqual(['populations', '[]']);
    expect([...(context?.siblings.keys() ?? [])].sort()).toEqual(['name', 'neuron', 'size']);
  });

  it('starts a new list item empty', () => {
    const context = at(`${POPULATION}\n  - |`);
    expect(context?.kind).toBe('item');
    expect(context?.path).toEqual(['populations', '[]']);
    expect(context?.siblings.size).toBe(0);
  });

  it('reads a value after a key', () => {
    const context = at('projections:\n  - name: a\n    from: i|');
    expect(context?.kind).toBe('value');
    expect(context?.key).toBe('from');
    expect(context?.path).toEqual(['projections', '[]']);
    expect(context?.prefix).toBe('i');
  });

  it('reads a value on the dash line', () => {
    const context = at('stimulus:\n  - population: |');
    expect(context?.kind).toBe('value');
    expect(context?.key).toBe('population');
    expect(context?.path).toEqual(['stimulus', '[]']);
  });

  it('reads a flow mapping value', () => {
    const context = at('chip: { profile: loihi2-like, mode: f|');
    expect(context?.kind).toBe('value');
    expect(context?.key).toBe('mode');
    expect(context?.path).toEqual(['chip']);
    expect(context?.siblings.get('profile')).toBe('loihi2-like');
  });

  it('reads a flow mapping key', () => {
    const context = at(`${POPULATION}\n      registers: { du: 4095, d|`);
    expect(context?.kind).toBe('key');
    expect(context?.path).toEqual(['populations', '[]', 'neuron', 'registers']);
  });

  it('reads a flow list item', () => {
    const context = at('record:\n  spikes: [in, o|');
    expect(context?.kind).toBe('item');
    expect(context?.path).toEqual(['record', 'spikes']);
    expect(context?.prefix).toBe('o');
  });

  it('ignores comments', () => {
    expect(at('# a comment na|')).toBeNull();
  });

  it('accepts a list at its key indent', () => {
    const context = at('populations:\n- name: in\n  si|');
    expect(context?.path).toEqual(['populations', '[]']);
  });
});
