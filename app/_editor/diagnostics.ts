import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

import type { YamlSpecIssue } from '@/core/spec/yaml';

/** Formats an issue as the API reports it: its path, then what is wrong. */
export function issueMessage(issue: Pick<YamlSpecIssue, 'path' | 'message'>): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** Offset of a 1-based line and column, clamped into the document. */
function offsetOf(doc: Text, lineNumber: number, column: number): number {
  const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
  return Math.min(line.to, line.from + Math.max(0, column - 1));
}

/**
 * Converts parse issues to CodeMirror diagnostics. A range is cut at the end of its first line,
 * so an issue about a whole mapping (a missing field) marks the line where the mapping starts
 * instead of underlining everything below it.
 */
export function issuesToDiagnostics(doc: Text, issues: readonly YamlSpecIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const from = offsetOf(doc, issue.line, issue.column);
    const firstLine = doc.lineAt(from);
    let to = issue.endLine === issue.line ? offsetOf(doc, issue.endLine, issue.endColumn) : firstLine.to;
    if (to <= from) to = Math.max(from, firstLine.to);

    return { from, to, severity: 'error', source: 'spec', message: issueMessage(issue) };
  });
}
