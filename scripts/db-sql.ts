// `npm run db:sql`: print the SQL that builds prisma/schema.prisma from an empty database, as Prisma sees it.
// To write a new migration: change schema.prisma, compare this output with the previous migrations, and put
// the difference in a new dbmate file (prisma/migrations/<timestamp>_<name>.sql with -- migrate:up/down).
// tests/integration/schema.integration.test.ts fails until the migrations and the schema agree.
// Prisma 6's engine needs a reachable PostgreSQL for this: DATABASE_URL, or the machine's service.
import { diffToSchema } from './lib/prisma6.ts';

const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
process.stdout.write(`${await diffToSchema(url, 'empty')}\n`);
