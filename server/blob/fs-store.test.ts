import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { FilesystemBlobStore } from './fs-store';
import { describeBlobStoreContract } from './store-contract';

describeBlobStoreContract('filesystem', async () => {
  const rootDir = await mkdtemp(path.join(os.tmpdir(), 'livenet-blobs-'));
  let failuresLeft = 0;

  const store = new FilesystemBlobStore({
    rootDir,
    retry: { attempts: 3, baseDelayMs: 1 },
    writeFile: async (filePath, bytes) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw Object.assign(new Error('injected I/O error'), { code: 'EIO' });
      }
      await writeFile(filePath, bytes);
    },
  });

  return {
    store,
    failNextWrites: (count) => (failuresLeft = count),
    close: async () => {
      // No temporary `.partial` file may survive a put, failed or not.
      const leftovers = (await readdir(rootDir, { recursive: true })).filter((name) =>
        name.endsWith('.partial'),
      );
      await rm(rootDir, { recursive: true, force: true });
      if (leftovers.length > 0) throw new Error(`temporary files left behind: ${leftovers.join(', ')}`);
    },
  };
});
