import { answerTalentPoolRevalidation } from '@/lib/talent-pool/revalidate';

// POST with `Authorization: Bearer <TALENT_POOL_REVALIDATE_TOKEN>`: the talent-pool page and its CSV are
// regenerated on their next visit instead of when their period ends (after a deploy, or in the e2e tests).
export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return answerTalentPoolRevalidation(request);
}
