/**
 * Blob store on the local filesystem: one file per key under a root folder. A put writes a
 * temporary file and renames it over the target, so a reader never sees a half-written blob.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { DEFAULT_RETRY, type RetryOptions, withRetry } from './retry';
import { type BlobInfo, type BlobStore, TransientBlobError, assertValidKey } from './types';

/** Error codes of the filesystem that may clear up on another attempt. */
const TRANSIENT_CODES = new Set(['EAGAIN', 'EBUSY', 'EIO', 'EMFILE', 'ENFILE', 'ENOSPC']);

export interface FilesystemBlobStoreOptions {
  rootDir: string;
  retry?: RetryOptions;
  /** Replaces the file write, for tests that inject failures. */
  writeFile?: (filePath: string, bytes: Uint8Array) => Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export class FilesystemBlobStore implements BlobStore {
  private readonly rootDir: string;
  private readonly retry: RetryOptions;
  private readonly write: (filePath: string, bytes: Uint8Array) => Promise<void>;

  constructor(options: FilesystemBlobStoreOptions) {
    this.rootDir = path.resolve(options.rootDir);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.write = options.writeFile ?? ((filePath, bytes) => writeFile(filePath, bytes));
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.rootDir, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<BlobInfo> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });

    await withRetry(async () => {
      const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await this.write(temporary, bytes);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (TRANSIENT_CODES.has(code))
          throw new TransientBlobError(`writing blob ${key} failed: ${code}`, { cause: error });
        throw error;
      }
    }, this.retry);
    return { key, bytes: bytes.byteLength };
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<BlobInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      return { key, bytes: info.size };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
