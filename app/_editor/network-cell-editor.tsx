'use client';

import { useCallback, useState } from 'react';

import type { Spec } from '@/core/spec/schema';
import type { SpecYamlResult, YamlSpecIssue } from '@/core/spec/yaml';

import { PlacementPanel } from '../_components/placement/placement-panel';
import { issueMessage } from './diagnostics';
import { SpecEditor } from './spec-editor';
import { usePlacement } from './use-placement';

export interface NetworkCellEditorProps {
  value: string;
  onChange?: (text: string) => void;
  onRun?: () => void;
  /** Receives the parsed spec whenever the text parses, or null while it has issues. */
  onSpec?: (spec: Spec | null) => void;
  readOnly?: boolean;
}

/** Renders a network cell: the YAML editor beside its issues and the live placement report. */
export function NetworkCellEditor(props: NetworkCellEditorProps) {
  const [spec, setSpec] = useState<Spec | null>(null);
  const [issues, setIssues] = useState<YamlSpecIssue[]>([]);
  const [parsed, setParsed] = useState(false);
  const [parsedText, setParsedText] = useState('');
  const placement = usePlacement(spec, parsedText);
  const { onSpec } = props;

  const onParsed = useCallback(
    (result: SpecYamlResult, text: string) => {
      setParsed(true);
      setParsedText(text);
      if ('spec' in result) {
        setSpec(result.spec);
        setIssues([]);
        onSpec?.(result.spec);
      } else {
        setSpec(null);
        setIssues(result.issues);
        onSpec?.(null);
      }
    },
    [onSpec],
  );

  const waiting = placementWaiting(placement, parsed, spec !== null);

  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0">
        <SpecEditor
          value={props.value}
          onChange={props.onChange}
          onParsed={onParsed}
          onRun={props.onRun}
          readOnly={props.readOnly}
          minHeightPx={160}
        />
        <IssueSummary parsed={parsed} issues={issues} />
      </div>
      <div className="min-w-0">
        {placement.status === 'ready' ? (
          <PlacementPanel report={placement.report} source={placement.source} />
        ) : (
          <div
            className="rounded-lg border border-dashed border-line p-3 text-sm text-muted"
            data-testid="placement-status"
            data-status={waiting.status}
            role="status"
            aria-busy={waiting.status === 'checking' || waiting.status === 'placing'}
          >
            {waiting.message}
          </div>
        )}
      </div>
    </div>
  );
}

function IssueSummary({ parsed, issues }: { parsed: boolean; issues: readonly YamlSpecIssue[] }) {
  if (!parsed) return null;
  if (issues.length === 0) {
    return (
      <p className="mt-1.5 text-xs text-ok" data-testid="spec-valid">
        Valid spec
      </p>
    );
  }
  return (
    <ul className="mt-1.5 space-y-0.5 text-xs text-danger" data-testid="spec-issues">
      {issues.slice(0, 8).map((issue, index) => (
        <li key={index} className="font-mono">
          line {issue.line}: {issueMessage(issue)}
        </li>
      ))}
      {issues.length > 8 ? <li>and {issues.length - 8} more</li> : null}
    </ul>
  );
}

/** Returns the placement panel's state before a report is ready: its `data-status` and message. */
function placementWaiting(
  placement: ReturnType<typeof usePlacement>,
  parsed: boolean,
  hasSpec: boolean,
): { status: 'checking' | 'invalid' | 'placing' | 'error'; message: string } {
  // The editor parses the text only after it loads, so until then the spec is not known to be invalid.
  if (!parsed) return { status: 'checking', message: 'Checking the spec…' };
  if (!hasSpec) return { status: 'invalid', message: 'The placement report appears when the spec is valid.' };
  if (placement.status === 'error') return { status: 'error', message: placement.message };
  // 'idle' with a valid spec lasts until the placement effect has started.
  return { status: 'placing', message: 'Placing the network on the chip…' };
}
