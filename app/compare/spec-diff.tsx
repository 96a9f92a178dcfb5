'use client';

import { useMemo } from 'react';
import { stringify } from 'yaml';

import { diffLines, type DiffLine } from './diff-lines';

const DIFF_MARKS: Record<DiffLine['kind'], string> = { added: '+ ', removed: '- ', same: '  ' };

interface DiffSide {
  label: string;
  spec: unknown;
}

/** Renders the specs of two runs as YAML, line by line, marking what the second changed. */
export function SpecDiff({ before, after }: { before: DiffSide; after: DiffSide }) {
  const lines = useMemo(
    () => diffLines(stringify(before.spec), stringify(after.spec)),
    [before.spec, after.spec],
  );
  const changed = lines.filter((line) => line.kind !== 'same').length;

  return (
    <section className="rounded-lg border border-line bg-panel p-3" data-testid="spec-diff">
      <h2 className="mb-2 text-sm font-medium">
        Spec diff{' '}
        <span className="font-normal text-muted">
          {before.label} → {after.label}
        </span>
        <span className="ml-2 text-xs font-normal text-muted">
          {changed === 0 ? 'identical specs' : `${changed} lines differ`}
        </span>
      </h2>
      <pre className="max-h-[60vh] overflow-auto rounded bg-panel-2 p-2 font-mono text-xs leading-5">
        {lines.map((line, index) => (
          <div
            key={index}
            className={
              line.kind === 'added'
                ? 'bg-ok/15 text-ok'
                : line.kind === 'removed'
                  ? 'bg-danger/10 text-danger'
                  : 'text-muted'
            }
          >
            {DIFF_MARKS[line.kind]}
            {line.text}
          </div>
        ))}
      </pre>
    </section>
  );
}
