'use client';

import type { SpecYamlResult } from '@/core/spec/yaml';

import type { ParseReply, ParseRequest } from './parse.worker';

/**
 * A parse worker for one editor. Each call resolves with the result for its own text. A call made
 * while an older one is pending supersedes it, and the older promise resolves to null.
 */
export class SpecParser {
  private worker: Worker | null = null;
  private nextId = 0;
  private pending = new Map<number, (result: SpecYamlResult | null) => void>();

  parse(text: string): Promise<SpecYamlResult | null> {
    this.worker ??= this.start();
    const id = ++this.nextId;

    for (const [olderId, resolve] of this.pending) {
      resolve(null);
      this.pending.delete(olderId);
    }
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker?.postMessage({ id, text } satisfies ParseRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
    return worker;
  }
}
