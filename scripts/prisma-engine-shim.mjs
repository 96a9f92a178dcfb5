#!/usr/bin/env node
/**
 * Stand-in for Prisma's native schema engine, so `prisma migrate` works where the CLI cannot
 * download that binary. The Prisma CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY.
 *
 * The CLI drives the engine in three ways, and this script handles each one:
 * - `--version`: prints the engine build this project pins (@prisma/engines-version).
 * - `--datasource <json> cli can-connect-to-database | create-database`: one-shot commands, done
 *   here with `pg`. A failure exits 1 with JSON log lines on stderr, the first line being ignored
 *   by the CLI, the ERROR line carrying `error_code` (P1003 means "database does not exist").
 * - otherwise: JSON-RPC 2.0, one message per line on stdin/stdout. Requests are relayed to the
 *   WebAssembly build of the same engine (@prisma/schema-engine-wasm), which reaches PostgreSQL
 *   through @prisma/adapter-pg.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import readline from 'node:readline';

import pg from 'pg';

import { createMigrationAdapterFactory, poolConfigFromUrl } from './prisma-engine-adapter.mjs';

const { WebAssembly } = globalThis;
const require = createRequire(import.meta.url);
const ENGINE_VERSION = require('@prisma/engines-version/package.json').prisma.enginesVersion;

/** Reads the CLI's arguments: repeated `--datamodels <file>`, `--datasource <json>`, `cli <command>`. */
function parseArguments(argv) {
  const parsed = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--version' || argument === '-V') parsed.version = true;
    else if (argument === '--datamodels') parsed.datamodels.push(argv[++i]);
    else if (argument === '--datasource') parsed.datasource = JSON.parse(argv[++i]);
    else if (argument === '--enabled-preview-features' || argument === '--extension-types') i++;
    else if (argument === 'cli') parsed.cliCommand = argv[++i];
  }
  return parsed;
}

function logLine(level, fields) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' })}\n`,
  );
}

/** Fails a one-shot command the way the native engine does, so the CLI reads the error code. */
function failCliCommand(errorCode, message) {
  logLine('INFO', { message: 'schema engine shim: command failed' });
  logLine('ERROR', { message, error_code: errorCode });
  process.exit(1);
}

async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  if (!url)
    failCliCommand('P1012', 'The datasource has no url: set DATABASE_URL or the url in prisma.config.ts.');
  const config = poolConfigFromUrl(url);

  if (command === 'can-connect-to-database') {
    const client = new pg.Client(config);
    try {
      await client.connect();
      await client.end();
    } catch (error) {
      // 3D000 is PostgreSQL's invalid_catalog_name: the server is up but the database is missing.
      if (error.code === '3D000')
        failCliCommand('P1003', `Database \`${config.database}\` does not exist on the database server.`);
      failCliCommand(
        'P1001',
        `Can't reach database server at ${config.host}:${config.port}: ${error.message}`,
      );
    }
    return;
  }

  if (command === 'create-database') {
    const admin = new pg.Client({ ...config, database: 'postgres' });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(config.database)}`);
      await admin.end();
    } catch (error) {
      failCliCommand('P1000', `Could not create database \`${config.database}\`: ${error.message}`);
    }
    return;
  }

  failCliCommand('P1012', `Unknown schema engine command: cli ${command}`);
}

/** Collects Rust panic messages: the WebAssembly glue calls `set_message` before trapping. */
class WasmPanicRegistry {
  message = '';
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  }
}

async function loadEngine(datamodelPaths, adapterFactory) {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = new WasmPanicRegistry();

  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();

  // The engine wants undefined or a non-empty list of [path, content] pairs.
  const datamodels = [];
  for (const file of datamodelPaths) datamodels.push([file, await readFile(file, 'utf8')]);
  // The engine's log lines are already in the native engine's JSON format.
  const logEngineMessage = (line) =>
    process.stderr.write(String(line).endsWith('\n') ? String(line) : `${line}\n`);
  return glue.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    logEngineMessage,
    adapterFactory,
  );
}

/** The CLI's method names that differ from the WebAssembly engine's. */
const METHOD_ALIASES = { getDatabaseVersion: 'version' };

/** Describes a driver error that the engine reports as P2036 with the id of the registered error. */
function describeDriverError(error, adapterFactory) {
  if (error?.code !== 'P2036' || typeof error.meta?.id !== 'number') return null;
  const record = adapterFactory.errorRegistry.consumeError(error.meta.id);
  if (!record) return null;
  const cause = record.error;
  return cause instanceof Error ? cause.message : JSON.stringify(cause);
}

function rpcError(id, error, adapterFactory) {
  const panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const driverMessage = describeDriverError(error, adapterFactory);
  const message = isPanic && panicMessage ? panicMessage : (driverMessage ?? error?.message ?? String(error));
  const data = { is_panic: isPanic, message, error_code: error?.code ?? null, meta: error?.meta ?? null };
  return {
    jsonrpc: '2.0',
    id,
    error: { code: 4466, message: 'An error happened. Check the data field for details.', data },
  };
}

async function serveJsonRpc(parsed) {
  const adapterFactory = createMigrationAdapterFactory(parsed.datasource ?? {});
  const enginePromise = loadEngine(parsed.datamodels, adapterFactory);

  let nextOutgoingId = 1_000_000;
  const pendingOutgoing = new Map();
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  // Prints go through the CLI (a `print` request) because it may be capturing stdout for `--output`.
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      pendingOutgoing.set(id, resolve);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });

  const handleRequest = async (request) => {
    try {
      const engine = await enginePromise;
      if (request.method === 'createDatabase') {
        await runCliCommand(
          'create-database',
          request.params?.datasource?.url ? request.params.datasource : parsed.datasource,
        );
        send({
          jsonrpc: '2.0',
          id: request.id,
          result: { databaseName: poolConfigFromUrl(parsed.datasource.url).database },
        });
        return;
      }
      const method = METHOD_ALIASES[request.method] ?? request.method;
      if (typeof engine[method] !== 'function')
        throw new Error(`The WebAssembly schema engine has no method ${request.method}`);
      const result = await engine[method](request.params);
      if (method === 'diff' && result?.stdout) {
        await printThroughCli(result.stdout);
        send({ jsonrpc: '2.0', id: request.id, result: { ...result, stdout: null } });
        return;
      }
      send({ jsonrpc: '2.0', id: request.id, result: result ?? {} });
    } catch (error) {
      send(rpcError(request.id, error, adapterFactory));
    }
  };

  const pendingRequests = new Set();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const message = JSON.parse(line);
    if (message.method === undefined && pendingOutgoing.has(message.id)) {
      pendingOutgoing.get(message.id)();
      pendingOutgoing.delete(message.id);
      continue;
    }
    const task = handleRequest(message).finally(() => pendingRequests.delete(task));
    pendingRequests.add(task);
  }

  // stdin closed: the CLI is done with the engine.
  await Promise.allSettled([...pendingRequests]);
  const engine = await enginePromise.catch(() => null);
  engine?.free();
  process.exit(0);
}

const parsed = parseArguments(process.argv.slice(2));
if (parsed.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_VERSION}\n`);
} else if (parsed.cliCommand) {
  await runCliCommand(parsed.cliCommand, parsed.datasource);
} else {
  await serveJsonRpc(parsed);
}
