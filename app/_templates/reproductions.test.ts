import { describe, expect, it } from 'vitest';

import { parseSpecYaml } from '@/core/spec/yaml';
import type { Spec } from '@/core/spec/schema';

import { findTemplate } from './index';
import { REPRODUCTIONS } from './reproductions';

function specOf(slug: string): Spec {
  const source = findTemplate(slug)?.cells.find((cell) => cell.type === 'spec')?.source ?? '';
  const result = parseSpecYaml(source);
  if (!('spec' in result)) throw new Error(`template ${slug} does not parse`);
  return result.spec;
}

describe('reproduction cards', () => {
  it.each(REPRODUCTIONS.map((card) => [card.id, card] as const))('card %s opens or explains', (_id, card) => {
    if (card.templateSlug === null) expect(card.noTemplateReason ?? '').not.toBe('');
    else expect(findTemplate(card.templateSlug)?.slug).toBe(card.templateSlug);
  });

  it('400-neuron card builds 400 neurons', () => {
    const spec = specOf('diehl-cook-400');
    expect(spec.populations.find((p) => p.name === 'exc')?.size).toBe(400);
  });

  it('R-STDP card learns from task reward', () => {
    const learning = specOf('rstdp-readout').projections.find((p) => p.name === 'exc-out')?.learning;
    expect(learning?.rule).toBe('rstdp');
    expect(learning?.rule === 'rstdp' ? learning.rewardSource : null).toBe('task');
  });

  it('e-prop card reads digit rows', () => {
    const spec = specOf('eprop-rows');
    expect(spec.chip.mode).toBe('float');
    expect(spec.stimulus[0]?.encoder?.kind).toBe('rows');
    expect(spec.projections.map((p) => p.learning?.rule)).toEqual(['eprop', 'eprop']);
  });
});
