/** Picks the blob store from the environment: Vercel Blob with a token, else local files. */
import path from 'node:path';

import type { Env } from '../env';
import { FilesystemBlobStore } from './fs-store';
import type { BlobStore } from './types';
import { VercelBlobStore } from './vercel-store';

export type { BlobInfo, BlobStore } from './types';

export function createBlobStore(
  env: Pick<Env, 'BLOB_READ_WRITE_TOKEN' | 'BLOB_ACCESS' | 'BLOB_DIR'>,
): BlobStore {
  if (env.BLOB_READ_WRITE_TOKEN)
    return new VercelBlobStore({ token: env.BLOB_READ_WRITE_TOKEN, access: env.BLOB_ACCESS });
  return new FilesystemBlobStore({ rootDir: path.resolve(env.BLOB_DIR) });
}
