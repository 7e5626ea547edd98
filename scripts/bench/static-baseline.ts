// The static-page baseline: a bare node:http server answering each path with the bytes and headers that
// `next start` sent for it (captured by the benchmark), from memory. The most a Node process can do per page.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const pages = JSON.parse(readFileSync(process.env.BENCH_PAGES_FILE!, 'utf8')) as Record<
  string,
  { headers: Record<string, string>; body: string }
>;
const answers = new Map(
  Object.entries(pages).map(([path, page]) => [path, { headers: page.headers, body: Buffer.from(page.body, 'base64') }]),
);

const server = http.createServer((request, response) => {
  const page = answers.get(request.url ?? '');
  if (!page) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { ...page.headers, 'content-length': page.body.length }).end(page.body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
