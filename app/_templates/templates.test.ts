import { describe, expect, it } from 'vitest';

import { compile } from '@/core/compile/compile';
import { parseSpecYaml } from '@/core/spec/yaml';
import { MAX_CELL_SOURCE_CHARS } from '@/server/services/notebook-cells';

import { TEMPLATES } from './index';

describe.each(TEMPLATES.map((template) => [template.slug, template] as const))(
  'template %s',
  (_slug, template) => {
    const specCells = template.cells.filter((cell) => cell.type === 'spec');

    it('has a spec cell', () => {
      expect(specCells.length).toBeGreaterThanOrEqual(1);
    });

    it('fits the cell size limit', () => {
      for (const cell of template.cells) {
        if (cell.type === 'run') continue;
        expect(cell.source.length).toBeLessThanOrEqual(MAX_CELL_SOURCE_CHARS);
      }
    });

    it.each(specCells.map((cell, k) => [k, cell.source] as const))(
      'spec %i parses without issues',
      (_k, source) => {
        const result = parseSpecYaml(source);
        expect('issues' in result ? result.issues : []).toEqual([]);
      },
    );

    it.each(specCells.map((cell, k) => [k, cell.source] as const))(
      'spec %i compiles onto one chip',
      (_k, source) => {
        const result = parseSpecYaml(source);
        if (!('spec' in result)) throw new Error('template spec does not parse');
        expect(compile(result.spec, { seed: 1 }).placement.chipsUsed).toBe(1);
      },
    );

    it.each(specCells.map((cell, k) => [k, cell.source] as const))(
      'spec %i fits the default run length',
      (_k, source) => {
        // The server's default LIVENET_MAX_TICKS_PER_RUN; a longer run is rejected when it starts.
        const maxTicks = 2_000_000;
        const result = parseSpecYaml(source);
        if (!('spec' in result)) throw new Error('template spec does not parse');
        const data = result.spec.stimulus.find((stimulus) => stimulus.data !== undefined)?.data;
        const ticks = data === undefined ? 0 : data.samples * (data.presentTicks + data.restTicks);
        expect(ticks).toBeLessThanOrEqual(maxTicks);
      },
    );

    it('runs each run cell after a spec cell', () => {
      const firstSpec = template.cells.findIndex((cell) => cell.type === 'spec');
      const runIndices = template.cells.flatMap((cell, k) => (cell.type === 'run' ? [k] : []));
      expect(runIndices.length).toBeGreaterThanOrEqual(1);
      for (const runIndex of runIndices) expect(runIndex).toBeGreaterThan(firstSpec);
    });
  },
);
