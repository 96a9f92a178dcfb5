import { isMap, isSeq, parseDocument } from 'yaml';

export interface DataOverrides {
  split: 'train' | 'test' | null;
  samples: number | null;
}

/**
 * Returns the spec text with every data stimulus set to the given split and sample count; the
 * rest of the document, comments included, is kept. Text without data stimuli comes back as is.
 */
export function applyDataOverrides(text: string, overrides: DataOverrides): string {
  if (overrides.split === null && overrides.samples === null) return text;

  const document = parseDocument(text, { logLevel: 'silent' });
  const stimuli = document.get('stimulus');
  if (!isSeq(stimuli)) return text;

  stimuli.items.forEach((stimulus, index) => {
    if (!isMap(stimulus) || !isMap(stimulus.get('data'))) return;
    if (overrides.split !== null) document.setIn(['stimulus', index, 'data', 'split'], overrides.split);
    if (overrides.samples !== null) document.setIn(['stimulus', index, 'data', 'samples'], overrides.samples);
  });
  return document.toString();
}
