/**
 * The test suite every BlobStore implementation must pass. Each implementation's test file calls
 * `describeBlobStoreContract` with a fixture that builds a fresh store and can inject failures.
 */
import { createHash, randomBytes } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { BlobStore } from './types';

export interface BlobStoreFixture {
  store: BlobStore;
  /** Makes the next `count` writes fail with a transient error. */
  failNextWrites(count: number): void;
  close(): Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function describeBlobStoreContract(
  name: string,
  createFixture: () => Promise<BlobStoreFixture>,
): void {
  describe(`${name} blob store contract`, () => {
    let fixture: BlobStoreFixture;

    beforeEach(async () => {
      fixture = await createFixture();
    });

    afterEach(async () => {
      await fixture.close();
    });

    it('put then get returns same bytes', async () => {
      const bytes = new Uint8Array(randomBytes(70_001));

      const info = await fixture.store.put('runs/a/snapshots/100-checkpoint.safetensors', bytes);
      const read = await fixture.store.get('runs/a/snapshots/100-checkpoint.safetensors');

      expect(info).toEqual({ key: 'runs/a/snapshots/100-checkpoint.safetensors', bytes: 70_001 });
      expect(read).not.toBeNull();
      expect(sha256(read ?? new Uint8Array())).toBe(sha256(bytes));
    });

    it('get of missing key is null', async () => {
      expect(await fixture.store.get('runs/none/missing.bin')).toBeNull();
    });

    it('head reports size', async () => {
      await fixture.store.put('k/size.bin', new Uint8Array(1234));

      expect(await fixture.store.head('k/size.bin')).toEqual({ key: 'k/size.bin', bytes: 1234 });
      expect(await fixture.store.head('k/other.bin')).toBeNull();
    });

    it('exists follows put and delete', async () => {
      expect(await fixture.store.exists('k/e.bin')).toBe(false);
      await fixture.store.put('k/e.bin', new Uint8Array([1]));
      expect(await fixture.store.exists('k/e.bin')).toBe(true);
      await fixture.store.delete('k/e.bin');
      expect(await fixture.store.exists('k/e.bin')).toBe(false);
    });

    it('delete of missing key succeeds', async () => {
      await expect(fixture.store.delete('k/never-written.bin')).resolves.toBeUndefined();
    });

    it('put replaces existing blob', async () => {
      await fixture.store.put('k/replace.bin', new Uint8Array([1, 2, 3]));
      await fixture.store.put('k/replace.bin', new Uint8Array([9]));

      expect(Array.from((await fixture.store.get('k/replace.bin')) ?? [])).toEqual([9]);
    });

    it('empty blob round-trips', async () => {
      await fixture.store.put('k/empty.bin', new Uint8Array(0));

      expect((await fixture.store.get('k/empty.bin'))?.byteLength).toBe(0);
    });

    it('put retries transient failures', async () => {
      fixture.failNextWrites(2);

      await fixture.store.put('k/retried.bin', new Uint8Array([4, 5, 6]));

      expect(Array.from((await fixture.store.get('k/retried.bin')) ?? [])).toEqual([4, 5, 6]);
    });

    it('put gives up after attempts', async () => {
      // The fixtures allow 3 attempts, so 3 failures exhaust them.
      fixture.failNextWrites(3);

      await expect(fixture.store.put('k/failed.bin', new Uint8Array([1]))).rejects.toThrow(/failed/);
      expect(await fixture.store.exists('k/failed.bin')).toBe(false);
    });

    it('key with parent segment is rejected', async () => {
      await expect(fixture.store.put('k/../escape.bin', new Uint8Array([1]))).rejects.toThrow(
        /invalid blob key/,
      );
    });

    it('key with leading slash is rejected', async () => {
      await expect(fixture.store.get('/etc/passwd')).rejects.toThrow(/invalid blob key/);
    });
  });
}
