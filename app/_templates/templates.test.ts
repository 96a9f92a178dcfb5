import { describe, expect, it } from 'vitest';

import { compile } from '@/core/compile/compile';
import { parseSpecYaml } from '@/core/spec/yaml';

import { TEMPLATES } from './index';

describe.each(TEMPLATES.map((template) => [template.slug, template] as const))(
  'template %s',
  (_slug, template) => {
    const specCells = template.cells.filter((cell) => cell.type === 'spec');

    it('has one spec cell', () => {
      expect(specCells).toHaveLength(1);
    });

    it('parses without issues', () => {
      const result = parseSpecYaml(specCells[0]?.source ?? '');
      expect('issues' in result ? result.issues : []).toEqual([]);
    });

    it('compiles onto one chip', () => {
      const result = parseSpecYaml(specCells[0]?.source ?? '');
      if (!('spec' in result)) throw new Error('template spec does not parse');
      expect(compile(result.spec, { seed: 1 }).placement.chipsUsed).toBe(1);
    });

    it('runs after its spec cell', () => {
      const specIndex = template.cells.findIndex((cell) => cell.type === 'spec');
      const runIndex = template.cells.findIndex((cell) => cell.type === 'run');
      expect(runIndex).toBeGreaterThan(specIndex);
    });
  },
);
