/**
 * Prisma CLI configuration. Prisma 7 reads no `.env` file and its `env()` helper throws on a
 * missing variable, so the URL falls back to the embedded server's default here; `scripts/prisma.ts`
 * starts that server and sets DATABASE_URL before it runs the CLI.
 */
import { defineConfig } from 'prisma/config';

const EMBEDDED_DEFAULT_URL = 'postgresql://postgres:livenet@127.0.0.1:54329/livenet';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? EMBEDDED_DEFAULT_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
