/**
 * The blob store: named byte arrays (snapshots) kept outside the database. Two implementations
 * share this contract and one test suite: files under a folder, and Vercel Blob.
 */

export interface BlobInfo {
  key: string;
  bytes: number;
}

export interface BlobStore {
  /** Writes `bytes` under `key`, replacing an existing blob, retrying transient failures. */
  put(key: string, bytes: Uint8Array): Promise<BlobInfo>;
  /** Returns the blob's bytes, or null when there is no blob under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  /** Returns the blob's size, or null when there is no blob under `key`. */
  head(key: string): Promise<BlobInfo | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes the blob; deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
}

/** A failure worth retrying: the store may succeed on the next attempt. */
export class TransientBlobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientBlobError';
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
const MAX_KEY_LENGTH = 512;

/** Rejects keys that could escape the store's folder or that Vercel Blob would refuse. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  if (
    key.length === 0 ||
    key.length > MAX_KEY_LENGTH ||
    !KEY_PATTERN.test(key) ||
    segments.some((s) => s === '.' || s === '..')
  ) {
    throw new RangeError(
      `invalid blob key "${key}": use 1..${MAX_KEY_LENGTH} characters of A-Z a-z 0-9 . _ - in /-separated segments, without "." or ".." segments`,
    );
  }
}
