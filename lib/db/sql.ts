import 'server-only';
import pg from 'pg';
import { Prisma } from './client';

/**
 * A `Prisma.sql` statement with its values written in as literals, for the one statement PostgreSQL takes no
 * parameters for: COPY. The fragments keep their values beside the text until here, so nothing is matched by
 * position or pattern; each value is quoted as PostgreSQL's own rules ask (pg's escapeLiteral).
 */
export function inlined(sql: Prisma.Sql): string {
  return sql.strings.reduce((text, part, i) => text + literal(sql.values[i - 1]) + part);
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) {
    // An array literal, as pg sends an array parameter: every element quoted, so commas and braces are text.
    return pg.escapeLiteral(`{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  }
  throw new TypeError(`cannot write a ${typeof value} into SQL`);
}
