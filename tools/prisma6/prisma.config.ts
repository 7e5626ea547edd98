// Prisma 6 with engine "js" runs its schema engine as WebAssembly through the pg adapter,
// so it needs no download. Used by scripts/db-diff.ts only.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.PRISMA6_SCHEMA ?? 'schema.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.PRISMA6_DATABASE_URL }),
});
