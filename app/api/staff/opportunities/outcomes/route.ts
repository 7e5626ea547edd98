import { handleOutcomesCsvRequest } from '@/lib/opportunities/outcomes-http';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handleOutcomesCsvRequest(request);
}
