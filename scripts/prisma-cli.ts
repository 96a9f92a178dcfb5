/**
 * Runs the official Prisma CLI with the offline schema engine: PRISMA_SCHEMA_ENGINE_BINARY names
 * our Node stand-in (`prisma-engine-shim.mjs`), which relays to the WebAssembly engine.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const repositoryRoot = path.resolve(import.meta.dirname, '..');

export const SCHEMA_ENGINE_SHIM = path.join(repositoryRoot, 'scripts', 'prisma-engine-shim.mjs');

export interface PrismaCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Environment for the Prisma CLI: the engine stand-in, and no update checks or telemetry. */
export function prismaEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_SHIM,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    ...extra,
  };
}

/**
 * Runs `prisma <args>` in the repository root. With `capture`, output is collected and returned;
 * otherwise it goes to this process's stdout and stderr.
 */
export function runPrismaCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; capture?: boolean } = {},
): Promise<PrismaCliResult> {
  const cliPath = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repositoryRoot,
    env: prismaEnvironment(options.env),
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });

  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}
