import 'server-only';
import { Prisma } from '@/lib/db/client';

// The "reclamo en trámite" mark (Ley 1581 de 2012 art. 15) as SQL over a candidate `c`: a reclamo open or awaiting
// what it lacks. Staff pages show it with its reason; every export leaves such a candidate out until it is decided.

/** SQL: whether candidate `c` has a reclamo in process. */
export const reclamoInProcessSql = Prisma.sql`EXISTS (
  SELECT 1 FROM data_requests rq
   WHERE rq.candidate_id = c.id AND rq.kind = 'reclamo' AND rq.status IN ('open', 'awaiting_info'))`;

/** SQL: the subject of the candidate `id`'s oldest reclamo in process (the reason shown with the mark), or NULL. */
export const reclamoReasonOf = (id: Prisma.Sql) => Prisma.sql`(
  SELECT rq.subject::text FROM data_requests rq
   WHERE rq.candidate_id = ${id} AND rq.kind = 'reclamo' AND rq.status IN ('open', 'awaiting_info')
   ORDER BY rq.received_at LIMIT 1)`;

/** The same for candidate `c`. */
export const reclamoReasonSql = reclamoReasonOf(Prisma.raw('c.id'));
