// Liveness: the process is up and serving. Never touches the database, so an outage does not make an
// orchestrator restart healthy app processes.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
