import { describe, expect, it } from 'vitest';

import { compile } from '@/core/compile/compile';
import { parseSpecYaml } from '@/core/spec/yaml';
import { MAX_CELL_SOURCE_CHARS } from '@/server/services/notebook-cells';

import { TEMPLATES } from './index';

describe.each(TEMPLATES.map((template) => [template.slug, template] as const))(
  'template %s',
  (_slug, template) => {
    const specCells = template.cells.filter((cell) => cell.type === 'spec');

    it('has one spec cell', () => {
      expect(specCells).toHaveLength(1);
    });

    it('fits the cell size limit', () => {
      for (const cell of template.cells) {
        if (cell.type === 'run') continue;
        expect(cell.source.length).toBeLessThanOrEqual(MAX_CELL_SOURCE_CHARS);
      }
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

    it('fits the default run length', () => {
      // The server's default LIVENET_MAX_TICKS_PER_RUN; a longer run is rejected when it starts.
      const maxTicks = 2_000_000;
      const result = parseSpecYaml(specCells[0]?.source ?? '');
      if (!('spec' in result)) throw new Error('template spec does not parse');
      const data = result.spec.stimulus.find((stimulus) => stimulus.data !== undefined)?.data;
      const ticks = data === undefined ? 0 : data.samples * (data.presentTicks + data.restTicks);
      expect(ticks).toBeLessThanOrEqual(maxTicks);
    });

    it('runs after its spec cell', () => {
      const specIndex = template.cells.findIndex((cell) => cell.type === 'spec');
      const runIndex = template.cells.findIndex((cell) => cell.type === 'run');
      expect(runIndex).toBeGreaterThan(specIndex);
    });
  },
);
