import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { handleExportRequest } from '@/lib/export/http';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertManyCandidates, insertPartner, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const candidates = 100_000;
const csvMemoryBudget = 100 * 1024 * 1024;
// What the XLSX budget tells apart: building the same 100,000 rows in an ordinary (non-streaming) exceljs
// workbook and writing it to a buffer grew this machine's RSS by about 1,160 MiB; the streaming writer grew
// it by 14–91 MiB over ten runs with this file alone (vitest.config.ts), the spread being the garbage
// collector's and malloc's timing (the writer's own buffers stay under ~1 MB). 200 MiB keeps a factor of about
// two from either side.
const xlsxMemoryBudget = 200 * 1024 * 1024;

/**
 * Read the whole response, writing it to a file (not memory), while sampling this process's resident
 * memory. Returns the peak growth over the level before the request and what was read.
 */
async function consume(response: Response, file: string) {
  const out = createWriteStream(file);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  let bytes = 0;
  let chunks = 0;
  let firstChunk = 0;
  let newlines = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (chunks === 0) firstChunk = chunk.length;
      chunks++;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) newlines++;
      if (!out.write(chunk)) await once(out, 'drain');
      sample();
    }
  } finally {
    clearInterval(timer);
    out.end();
    await once(out, 'close');
  }
  return { growth: peak - baseline, bytes, chunks, firstChunk, newlines };
}

describe('export of 100,000 candidates', () => {
  it('streams CSV and XLSX with flat memory, every row, first bytes before the rest is read', async () => {
    await createStaff('staff');
    const { token } = await signedIn('staff@agency.example');
    await insertManyCandidates(testDb, candidates);
    const dir = await mkdtemp(path.join(tmpdir(), 'bt-export-'));
    const partnerId = await insertPartner(testDb);
    const request = (format: string) =>
      new Request(`http://127.0.0.1:3000/api/staff/candidates/export?format=${format}&organization=${partnerId}&purpose=Selecci%C3%B3n`, {
        headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_session=${token}` },
      });
    try {
      const csvResponse = await handleExportRequest(request('csv'));
      expect(csvResponse.headers.get('x-export-rows')).toBe(String(candidates));
      const csv = await consume(csvResponse, path.join(dir, 'out.csv'));
      // Header + one line per candidate, each ended by CRLF.
      expect(csv.newlines).toBe(candidates + 1);
      expect(csv.chunks).toBeGreaterThan(100);
      // The first chunk is the header alone: it left before any candidate was read.
      expect(csv.firstChunk).toBeLessThan(1_000);
      expect(csv.growth).toBeLessThan(csvMemoryBudget);

      const xlsxResponse = await handleExportRequest(request('xlsx'));
      const xlsx = await consume(xlsxResponse, path.join(dir, 'out.xlsx'));
      expect(xlsx.chunks).toBeGreaterThan(10);
      expect(xlsx.firstChunk).toBeLessThan(xlsx.bytes / 100);
      expect(xlsx.growth).toBeLessThan(xlsxMemoryBudget);

      // Count the workbook's rows with exceljs's streaming reader (after measuring).
      let rows = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path.join(dir, 'out.xlsx'), { worksheets: 'emit', sharedStrings: 'ignore' });
      for await (const sheet of reader) for await (const _row of sheet) rows++;
      expect(rows).toBe(candidates + 1);

      const audit = await testDb.query<{ details: { rows: number; format: string } }>(
        `SELECT details FROM audit_events WHERE action = 'candidates.export' ORDER BY id`,
      );
      expect(audit.map((a) => [a.details.format, a.details.rows])).toEqual([
        ['csv', candidates],
        ['xlsx', candidates],
      ]);
      console.log(
        `100k export: CSV ${(csv.bytes / 1e6).toFixed(1)} MB in ${csv.chunks} chunks, peak RSS growth ${(csv.growth / 1048576).toFixed(1)} MiB; ` +
          `XLSX ${(xlsx.bytes / 1e6).toFixed(1)} MB in ${xlsx.chunks} chunks, peak RSS growth ${(xlsx.growth / 1048576).toFixed(1)} MiB`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
