import { afterAll, beforeAll } from 'vitest';

import { startFakeVercelBlobServer } from '../../test/fake-vercel-blob-server';
import { describeBlobStoreContract } from './store-contract';
import { VercelBlobStore } from './vercel-store';

const savedEnv = { api: process.env.VERCEL_BLOB_API_URL, retries: process.env.VERCEL_BLOB_RETRIES };

beforeAll(() => {
  // The library's own retries would hide the store's retry logic, which the contract checks.
  process.env.VERCEL_BLOB_RETRIES = '0';
});

afterAll(() => {
  process.env.VERCEL_BLOB_API_URL = savedEnv.api;
  process.env.VERCEL_BLOB_RETRIES = savedEnv.retries;
});

describeBlobStoreContract('Vercel', async () => {
  const server = await startFakeVercelBlobServer();
  process.env.VERCEL_BLOB_API_URL = server.apiUrl;

  const store = new VercelBlobStore({
    token: server.token,
    access: 'private',
    retry: { attempts: 3, baseDelayMs: 1 },
  });
  return { store, failNextWrites: (count) => server.failNextUploads(count), close: () => server.close() };
});
