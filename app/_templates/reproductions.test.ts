import { describe, expect, it } from 'vitest';

import { parseSpecYaml } from '@/core/spec/yaml';
import type { Spec } from '@/core/spec/schema';

import { findTemplate } from './index';
import { REPRODUCTIONS } from './reproductions';

function specsOf(slug: string): Spec[] {
  const cells = findTemplate(slug)?.cells.filter((cell) => cell.type === 'spec') ?? [];
  return cells.map((cell) => {
    const result = parseSpecYaml(cell.source);
    if (!('spec' in result)) throw new Error(`template ${slug} does not parse`);
    return result.spec;
  });
}

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

  it('drift card runs living and frozen', () => {
    const [living, frozen] = specsOf('drift');
    // Digit 400 starts at tick 400 * 1,000 + 1, so learning that stops at the drift stops at 400,000.
    const drift = { fromSample: 400, contrast: 0.5, shiftX: 3, shiftY: 0 };
    expect(living?.stimulus[0]?.data?.drift).toEqual(drift);
    expect(frozen?.stimulus[0]?.data?.drift).toEqual(drift);

    const window = (spec: Spec | undefined, name: string) =>
      spec?.projections.find((p) => p.name === name)?.learning?.envelope?.plasticUntilTick;
    expect(window(living, 'exc-out')).toBeUndefined();
    expect(window(frozen, 'exc-out')).toBe(400_000);
    expect(window(living, 'input-exc')).toBe(400_000);
    expect(window(frozen, 'input-exc')).toBe(400_000);
  });
});
