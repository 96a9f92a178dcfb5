import { describe, expect, it } from 'vitest';

import { parseSpec } from './parse';
import { pairDemoInput } from './test-support';
import { parseSpecYaml, type YamlSpecIssue } from './yaml';

/** The pair example as YAML; line numbers matter to the tests below. */
const PAIR_YAML = [
  'apiVersion: livenet/v1', // 1
  'name: pair-demo', // 2
  'chip: { profile: loihi2-like, mode: fixed }', // 3
  'dtMs: 1', // 4
  'populations:', // 5
  '  - name: in', // 6
  '    size: 2', // 7
  '    kind: input', // 8
  '  - name: out', // 9
  '    size: 1', // 10
  '    neuron:', // 11
  '      model: lif', // 12
  '      registers: { du: 4095, dv: 0, vth: 10, biasMant: 0, biasExp: 0, refractory: 0 }', // 13
  'projections:', // 14
  '  - name: in-out', // 15
  '    from: in', // 16
  '    to: out', // 17
  '    connectivity: { kind: dense }', // 18
  '    weights: { values: [[5], [3]] }', // 19
  '    wExp: 0', // 20
  '    delay: 0', // 21
  '    learning:', // 22
  '      rule: stdp', // 23
  '      aPlus: 0.01', // 24
  '      aMinus: 0.012', // 25
  '      tauPreMs: 20', // 26
  '      tauPostMs: 20', // 27
  '      wMin: 0', // 28
  '      wMax: 127', // 29
  '      bound: hard', // 30
  'stimulus:', // 31
  '  - population: in', // 32
  '    spikes: [[1, 0], [3, 1]]', // 33
  'record:', // 34
  '  spikes: [out]', // 35
  '  state: [{ population: out, vars: [u, v], every: 1 }]', // 36
  '  weights: { every: 1000 }', // 37
];

/** PAIR_YAML with line `line` (1-based) replaced. */
function withLine(line: number, text: string): string {
  const lines = [...PAIR_YAML];
  lines[line - 1] = text;
  return lines.join('\n');
}

function issuesOf(text: string): YamlSpecIssue[] {
  const result = parseSpecYaml(text);
  if ('spec' in result) throw new Error('expected issues, got a spec');
  return result.issues;
}

describe('parseSpecYaml', () => {
  it('parses the pair example', () => {
    const result = parseSpecYaml(PAIR_YAML.join('\n'));
    expect(result).toEqual({ spec: parseSpec(pairDemoInput()) });
  });

  it('points a size error at line 7', () => {
    const [issue] = issuesOf(withLine(7, '    size: -3'));
    expect(issue!.path).toBe('populations[0].size');
    expect(issue!.line).toBe(7);
    expect(issue!.column).toBe(11);
  });

  it('points delay 63 at its value', () => {
    const [issue] = issuesOf(withLine(21, '    delay: 63'));
    expect(issue!.path).toBe('projections[0].delay');
    expect(issue!.message).toContain('0..62');
    expect([issue!.line, issue!.column, issue!.endColumn]).toEqual([21, 12, 14]);
  });

  it('points into a flow sequence', () => {
    const [issue] = issuesOf(withLine(33, '    spikes: [[1, 0], [3, 7]]'));
    expect(issue!.path).toBe('stimulus[0].spikes[1][1]');
    expect([issue!.line, issue!.column]).toEqual([33, 26]);
  });

  it('points an unknown field at its key', () => {
    const [issue] = issuesOf(withLine(20, '    wExps: 0'));
    expect(issue!.path).toBe('projections[0].wExps');
    expect([issue!.line, issue!.column]).toEqual([20, 5]);
  });

  it('points a missing field at its object', () => {
    const [issue] = issuesOf(withLine(17, '    # no target'));
    expect(issue!.path).toBe('projections[0].to');
    expect(issue!.message).toContain('missing');
    expect([issue!.line, issue!.column]).toEqual([15, 5]);
  });

  it('points a bad reference at its value', () => {
    const [issue] = issuesOf(withLine(35, '  spikes: [outt]'));
    expect(issue!.path).toBe('record.spikes[0]');
    expect([issue!.line, issue!.column]).toEqual([35, 12]);
  });

  it('reports a syntax error with its line', () => {
    const [issue] = issuesOf(withLine(19, '    weights: { values: [[5], [3] }'));
    expect(issue!.path).toBe('');
    expect(issue!.line).toBe(19);
  });

  it('reports a duplicate key', () => {
    const [issue] = issuesOf(withLine(21, '    wExp: 1'));
    expect(issue!.message).toContain('unique');
    expect(issue!.line).toBe(21);
  });

  it('reports an empty document', () => {
    const [issue] = issuesOf('');
    expect(issue!.message).toContain('expected an object');
    expect([issue!.line, issue!.column]).toEqual([1, 1]);
  });

  it('stops an alias expansion bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    for (const name of 'cdefghij')
      bomb.push(
        `${name}: &${name} [${Array(10)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    const issues = issuesOf(bomb.join('\n'));
    expect(issues[0]!.message).toContain('could not be read');
  });
});
