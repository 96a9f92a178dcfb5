import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const README_SPEC = join(import.meta.dirname, '..', 'examples', 'pair.json');

function livenet(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'livenet.ts'), ...args], {
    encoding: 'utf8',
  });
}

describe('livenet simulate', () => {
  it('prints the README example as JSON', () => {
    const result = livenet('simulate', README_SPEC, '--ticks', '8', '--seed', '1', '--json');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      spikes: Record<string, number[][]>;
      state: { variable: string; values: number[][] }[];
      counters: { synapticOps: number; energyEstimateJ: number };
    };

    // Inputs 0 and 1 (weights 5 and 3) spike at tick 1 and arrive at 2: u = 8 * 64 = 512 and v = 512,
    // below the threshold 10 * 64 = 640. Input 0 again at 3 arrives at 4: v = 512 + 320 > 640, a spike.
    // Input 1 at 6 arrives at 7: u = v = 192. du = 4095 clears u every tick; dv = 0 keeps v.
    expect(output.spikes['out']).toEqual([[4, 0]]);
    expect(output.state[0]!.values.flat()).toEqual([0, 512, 0, 320, 0, 0, 192, 0]);
    expect(output.state[1]!.values.flat()).toEqual([0, 512, 512, 0, 0, 0, 192, 192]);
    // Four input spikes, each over one synapse.
    expect(output.counters.synapticOps).toBe(4);
    expect(output.counters.energyEstimateJ).toBeGreaterThan(0);
  });

  it('gives the same spikes in float mode', () => {
    const result = livenet(
      'simulate',
      README_SPEC,
      '--ticks',
      '8',
      '--seed',
      '1',
      '--mode',
      'float',
      '--json',
    );
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { spikes: Record<string, number[][]> }).spikes['out']).toEqual([
      [4, 0],
    ]);
  });

  it('exits 2 with one line on a bad delay', () => {
    const spec = JSON.parse(readFileSync(README_SPEC, 'utf8')) as { projections: { delay: number }[] };
    spec.projections[0]!.delay = 63;
    const path = join(mkdtempSync(join(tmpdir(), 'livenet-')), 'spec.json');
    writeFileSync(path, JSON.stringify(spec));

    const result = livenet('simulate', path, '--ticks', '8', '--seed', '1');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('projections[0].delay');
    expect(result.stderr).toContain('0..62');
  });

  it('exits 2 on a missing tick count', () => {
    const result = livenet('simulate', README_SPEC, '--seed', '1');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--ticks');
  });

  it('exits 2 above the tick limit', () => {
    const result = livenet('simulate', README_SPEC, '--ticks', '1000000000000', '--seed', '1');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('expected an integer in 1..100000000');
  });

  it('prints help on --help', () => {
    const result = livenet('--help');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('usage: livenet simulate')).toBe(true);
    expect(result.stdout).toContain('--ticks N');
  });

  it('prints help on -h after a command', () => {
    const result = livenet('simulate', '-h');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('usage: livenet simulate')).toBe(true);
  });

  it('exits 2 on an unknown option', () => {
    const result = livenet('simulate', README_SPEC, '--ticks', '8', '--seed', '1', '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("'--bogus'");
  });

  it('exits 2 on a negative seed', () => {
    const result = livenet('simulate', README_SPEC, '--ticks', '8', '--seed=-1');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected an integer in 0..9007199254740991');
  });

  it('exits 2 on a seed past 2^53', () => {
    const result = livenet('simulate', README_SPEC, '--ticks', '8', '--seed', '9007199254740992');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('0..9007199254740991');
  });
});
