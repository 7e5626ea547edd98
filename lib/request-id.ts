// One id per request, in the logs and in the response, so a person's "it failed at 10:42" can be found.
// Safe for proxy.ts (no Node APIs).

export const requestIdHeader = 'x-request-id';

/**
 * The id the proxy in front already gave the request (nginx's $request_id), or a new one. Only a trusted proxy
 * can have sent one: the client-address hook drops X-Request-Id from every other peer.
 */
export function requestIdFor(headers: Headers): string {
  const given = headers.get(requestIdHeader);
  // Only plain tokens: the value is written to every log line of the request.
  return given && /^[\w.:-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}
