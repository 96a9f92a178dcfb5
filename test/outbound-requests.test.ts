/**
 * The server never fetches a URL a user supplies. Server-side code (server, workers, core, the
 * API routes and the CLI) is scanned for ways to open an outbound connection; the only one
 * allowed is the Vercel Blob download, whose URL the blob service returns for a key the server
 * builds from a run id, a tick and a kind.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['server', 'workers', 'core', 'cli', 'app/api'];
const OUTBOUND =
  /\bfetch\(|\bhttps?\.(request|get)\(|new WebSocket\(|from 'undici'|from 'axios'|net\.connect\(/;
const ALLOWED = new Set(['server/blob/vercel-store.ts']);

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('outbound requests', () => {
  it('only the blob store opens connections', () => {
    const offenders = SCANNED.flatMap(sourceFiles).filter(
      (file) => !ALLOWED.has(file) && OUTBOUND.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('blob download URL comes from the store', () => {
    const source = readFileSync(path.join(ROOT, 'server/blob/vercel-store.ts'), 'utf8');
    const calls = source.match(/fetch\(([^,)]+)/g) ?? [];
    expect(calls).toEqual(['fetch(found.url']);
  });
});
