/**
 * Parses spec YAML off the main thread. Large specs (an explicit list of ten thousand synapses)
 * take the YAML parser a second or more, which would otherwise freeze typing on every lint pass.
 */
import { parseSpecYaml, type SpecYamlResult } from '@/core/spec/yaml';

export interface ParseRequest {
  id: number;
  text: string;
}

export interface ParseReply {
  id: number;
  result: SpecYamlResult;
}

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, text } = event.data;
  self.postMessage({ id, result: parseSpecYaml(text) } satisfies ParseReply);
};
