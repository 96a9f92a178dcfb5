/**
 * Blob store on Vercel Blob (@vercel/blob 2.8). Blobs are written without a random suffix, so the
 * key is the pathname. Reads go through `head()` (the Blob API, which VERCEL_BLOB_API_URL can
 * redirect) and then fetch the returned URL with the token, because `get()` of a pathname builds
 * a URL on Vercel's own host.
 */
import {
  BlobError,
  BlobNotFoundError,
  BlobServiceNotAvailable,
  BlobServiceRateLimited,
  BlobUnknownError,
  del,
  head,
  put,
} from '@vercel/blob';

import { DEFAULT_RETRY, type RetryOptions, withRetry } from './retry';
import { type BlobInfo, type BlobStore, TransientBlobError, assertValidKey } from './types';

export interface VercelBlobStoreOptions {
  token: string;
  access: 'private' | 'public';
  retry?: RetryOptions;
}

function isTransient(error: unknown): boolean {
  if (error instanceof BlobServiceNotAvailable || error instanceof BlobServiceRateLimited) return true;
  if (error instanceof BlobUnknownError) return true;
  // Network failures surface as fetch's TypeError, not as a BlobError.
  return error instanceof TypeError && !(error instanceof BlobError);
}

function classify(key: string, operation: string, error: unknown): never {
  if (isTransient(error)) {
    throw new TransientBlobError(`${operation} of blob ${key} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  throw error;
}

export class VercelBlobStore implements BlobStore {
  private readonly token: string;
  private readonly access: 'private' | 'public';
  private readonly retry: RetryOptions;

  constructor(options: VercelBlobStoreOptions) {
    this.token = options.token;
    this.access = options.access;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async put(key: string, bytes: Uint8Array): Promise<BlobInfo> {
    assertValidKey(key);
    await withRetry(async () => {
      try {
        await put(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
          access: this.access,
          token: this.token,
          addRandomSuffix: false,
          allowOverwrite: true,
          contentType: 'application/octet-stream',
        });
      } catch (error) {
        classify(key, 'put', error);
      }
    }, this.retry);
    return { key, bytes: bytes.byteLength };
  }

  private async headWithUrl(key: string): Promise<{ url: string; bytes: number } | null> {
    assertValidKey(key);
    return withRetry(async () => {
      try {
        const result = await head(key, { token: this.token });
        return { url: result.url, bytes: result.size };
      } catch (error) {
        if (error instanceof BlobNotFoundError) return null;
        classify(key, 'head', error);
      }
    }, this.retry);
  }

  async head(key: string): Promise<BlobInfo | null> {
    const found = await this.headWithUrl(key);
    return found ? { key, bytes: found.bytes } : null;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.headWithUrl(key)) !== null;
  }

  async get(key: string): Promise<Uint8Array | null> {
    const found = await this.headWithUrl(key);
    if (!found) return null;

    return withRetry(async () => {
      let response: Response;
      try {
        response = await fetch(found.url, { headers: { authorization: `Bearer ${this.token}` } });
      } catch (error) {
        throw new TransientBlobError(`download of blob ${key} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (response.status === 404) return null;
      if (response.status >= 500 || response.status === 429) {
        throw new TransientBlobError(`download of blob ${key} failed with HTTP ${response.status}`);
      }
      if (!response.ok) throw new Error(`download of blob ${key} failed with HTTP ${response.status}`);

      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength !== found.bytes) {
        throw new TransientBlobError(
          `download of blob ${key} returned ${bytes.byteLength} bytes, expected ${found.bytes}`,
        );
      }
      return bytes;
    }, this.retry);
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await withRetry(async () => {
      try {
        await del(key, { token: this.token });
      } catch (error) {
        if (error instanceof BlobNotFoundError) return;
        classify(key, 'delete', error);
      }
    }, this.retry);
  }
}
