import { handleExportRequest } from '@/lib/export/http';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handleExportRequest(request);
}
