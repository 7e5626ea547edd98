// Readiness: this instance can take traffic (the database answers, and it is not stopping).
import { databaseAnswers } from '@/lib/db/client';
import { isShuttingDown } from '@/lib/server/shutdown';

export const dynamic = 'force-dynamic';

// Shorter than a balancer's probe interval: a slow database is reported as down, not waited for.
const databaseTimeoutMs = 2_000;

export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  if (isShuttingDown()) return Response.json({ status: 'stopping' }, { status: 503, headers });
  const database = await databaseAnswers(databaseTimeoutMs);
  return Response.json(
    { status: database ? 'ready' : 'unavailable', checks: { database: database ? 'ok' : 'unavailable' } },
    { status: database ? 200 : 503, headers },
  );
}
