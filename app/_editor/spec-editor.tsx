'use client';

import { lintGutter, linter } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

import type { SpecYamlResult } from '@/core/spec/yaml';

import { specCompletionSource } from './completion';
import { issuesToDiagnostics } from './diagnostics';
import { editorHighlighting, editorTheme } from './editor-theme';
import { inlineIssues } from './inline-issues';
import { SpecParser } from './spec-parser';

export interface SpecEditorProps {
  value: string;
  onChange?: (text: string) => void;
  /** Called after each parse (as the lint pass runs, shortly after typing stops). */
  onParsed?: (result: SpecYamlResult, text: string) => void;
  /** Shift+Enter. */
  onRun?: () => void;
  readOnly?: boolean;
  minHeightPx?: number;
  ariaLabel?: string;
}

/** Milliseconds of quiet typing before the spec is parsed and checked again. */
const LINT_DELAY_MS = 250;

/**
 * Renders the YAML editor of a network cell. Errors from the core's spec parser show at their
 * line while typing, and completion offers field names, allowed values and population names.
 * Shift+Enter runs the network.
 */
export function SpecEditor(props: SpecEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // Callbacks change on every render; the editor is built once and reads the latest through refs.
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;

    const parser = new SpecParser();
    const specLinter = linter(
      async (view) => {
        const doc = view.state.doc;
        const text = doc.toString();
        const result = await parser.parse(text);
        // A newer edit has superseded this pass; its own pass reports instead.
        if (!result || view.state.doc !== doc) return [];

        callbacks.current.onParsed?.(result, text);
        return 'issues' in result ? issuesToDiagnostics(doc, result.issues) : [];
      },
      { delay: LINT_DELAY_MS },
    );

    const runKey = Prec.highest(
      keymap.of([
        {
          key: 'Shift-Enter',
          run: () => {
            if (!callbacks.current.onRun) return false;
            callbacks.current.onRun();
            return true;
          },
        },
      ]),
    );

    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: callbacks.current.value,
        extensions: [
          runKey,
          basicSetup,
          yaml(),
          EditorState.languageData.of(() => [{ autocomplete: specCompletionSource }]),
          specLinter,
          lintGutter(),
          inlineIssues(),
          // Without wrapping, one line wider than the cell (a long flow mapping, or a line with its
          // inline issue message) makes the scroller scrollable sideways. Chromium then scrolls it
          // by itself after each keystroke to reveal the caret, hiding the start of every line.
          EditorView.lineWrapping,
          editorTheme,
          editorHighlighting,
          EditorState.readOnly.of(Boolean(callbacks.current.readOnly)),
          EditorView.editable.of(!callbacks.current.readOnly),
          EditorView.contentAttributes.of({
            'aria-label': callbacks.current.ariaLabel ?? 'Network spec (YAML)',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      parser.dispose();
      viewRef.current = null;
    };
  }, []);

  // A value set from outside (a template, a restored snapshot) replaces the document; typing
  // reaches here too, already equal, and is left alone.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const current = view.state.doc.toString();
    if (current !== props.value) {
      view.dispatch({ changes: { from: 0, to: current.length, insert: props.value } });
    }
  }, [props.value]);

  return (
    <div
      ref={hostRef}
      className="overflow-hidden rounded-md border border-line"
      style={{ minHeight: props.minHeightPx ?? 120 }}
      data-testid="spec-editor"
    />
  );
}
