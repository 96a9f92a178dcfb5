/**
 * The driver adapter that the WebAssembly schema engine uses to reach PostgreSQL: a migration-aware
 * factory (main database plus a throw-away shadow database) built on @prisma/adapter-pg, with the
 * three fixes the engine needs on @prisma/adapter-pg 7.10:
 * - The shadow pool is configured with separate host/port/user/password/database fields, because
 *   a `connectionString` would override the shadow database's name and point at the main one.
 * - The shadow pool is closed before its database is dropped (PostgreSQL refuses to drop a
 *   database with open connections; the stock factory drops first).
 * - Result columns of PostgreSQL's internal one-byte `"char"` type (OID 18, selected by the
 *   engine's catalog queries) are reported as `text`, because adapter-pg rejects OID 18 as an
 *   unsupported column type. The text form of a `"char"` is the same single character.
 */
import { randomUUID } from 'node:crypto';
import { URL } from 'node:url';

import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** Splits a postgres:// URL into pool fields (see the module doc for why not `connectionString`). */
export function poolConfigFromUrl(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const config = {
    host: parsed.hostname || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: decodeURIComponent(parsed.password),
    database,
  };
  const schema = parsed.searchParams.get('schema');
  if (schema) config.options = `-c search_path=${schema}`;
  return config;
}

function relabelCharColumns(result) {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/** A pg client whose `query` (promise or callback form) reports `"char"` columns as `text`. */
class CharAsTextClient extends pg.Client {
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (error, result) => callback(error, error ? result : relabelCharColumns(result));
      return super.query(...args);
    }
    const result = super.query(...args);
    if (result && typeof result.then === 'function') return result.then(relabelCharColumns);
    return result;
  }
}

async function connectPool(config) {
  const pool = new pg.Pool({ ...config, Client: CharAsTextClient, max: 4 });
  return new PrismaPg(pool, { disposeExternalPool: true }).connect();
}

async function runAdminStatement(config, sql) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

class MigrationAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(mainConfig, shadowConfig) {
    this.mainConfig = mainConfig;
    this.shadowConfig = shadowConfig;
  }

  connect() {
    return connectPool(this.mainConfig);
  }

  async connectToShadowDb() {
    if (this.shadowConfig) return connectPool(this.shadowConfig);

    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await runAdminStatement(this.mainConfig, `CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    const adapter = await connectPool({ ...this.mainConfig, database });
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await runAdminStatement(this.mainConfig, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)}`);
    };
    return adapter;
  }
}

/** Builds the bound factory the WebAssembly engine expects, from the CLI's `--datasource` JSON. */
export function createMigrationAdapterFactory(datasource) {
  const mainConfig = datasource.url ? poolConfigFromUrl(datasource.url) : undefined;
  const shadowConfig = datasource.shadowDatabaseUrl
    ? poolConfigFromUrl(datasource.shadowDatabaseUrl)
    : undefined;
  return bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(mainConfig, shadowConfig));
}
