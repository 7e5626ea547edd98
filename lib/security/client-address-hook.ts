// Where the client's address comes from. Next 16 gives route handlers, server actions and proxy.ts no socket
// address (NextRequest.ip is gone since 15), and `next start` keeps a client's own X-Forwarded-For when it
// sends one (base-server: `x-forwarded-for ??= socket.remoteAddress`). So this hook sits on Node's HTTP server,
// ahead of Next, and for every request:
//  - from a peer that is not in TRUSTED_PROXIES, removes the headers only a proxy may set (X-Forwarded-*,
//    X-Real-IP, Forwarded, X-Request-Id), so Next fills them from the socket;
//  - writes the client's address, decided by lib/security/trusted-proxies.ts, into `x-bt-client-address`,
//    with a per-process proof beside it, which lib/security/client-address.ts checks: a header of that name
//    that did not come from this hook is worth nothing.
// It is loaded with `node --import lib/server/preload.ts` by every launcher (npm start, the
// tests, the bench), and installed again, idempotently, from instrumentation.ts for a bare `next start`.
// Plain Node and relative imports only.
import { randomBytes } from 'node:crypto';
import { Server, type IncomingMessage } from 'node:http';
import { clientFromChain, parseTrustedProxies, type TrustedProxies } from './trusted-proxies.ts';

export const clientAddressHeader = 'x-bt-client-address';
export const clientProofHeader = 'x-bt-client-proof';

/** Headers that only a proxy in front may set; from anyone else they are dropped. */
const proxyOnlyHeaders = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip', 'forwarded', 'x-request-id'];

interface HookState {
  proof: string;
  trusted: TrustedProxies;
}

const stateKey = Symbol.for('bilingual-talent.client-address-hook');
type Holder = typeof globalThis & { [stateKey]?: HookState };

/** The proof of this process's hook, or undefined when no hook is installed (then no address is believed). */
export function clientAddressProof(): string | undefined {
  return (globalThis as Holder)[stateKey]?.proof;
}

/** Applies the trust model to one request's headers, in place. Exported for tests. */
export function applyTrustModel(request: IncomingMessage, state: HookState): void {
  const headers = request.headers;
  delete headers[clientAddressHeader];
  delete headers[clientProofHeader];
  const peer = request.socket?.remoteAddress ?? null;
  const trusted = peer !== null && state.trusted.isTrusted(peer);
  if (!trusted) for (const name of proxyOnlyHeaders) delete headers[name];
  const forwarded = headers['x-forwarded-for'];
  const client = clientFromChain(peer, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, state.trusted);
  if (client) {
    headers[clientAddressHeader] = client;
    headers[clientProofHeader] = state.proof;
  }
}

/**
 * Installs the hook on every HTTP server of this process, once; a later call (instrumentation.ts after the preload,
 * a test) reads TRUSTED_PROXIES from `env` again and keeps the proof. Throws when TRUSTED_PROXIES is malformed, so a
 * server never starts trusting the wrong peers.
 */
export function installClientAddressHook(env: Record<string, string | undefined> = process.env): void {
  const holder = globalThis as Holder;
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  if (holder[stateKey]) {
    holder[stateKey].trusted = trusted;
    return;
  }
  const state: HookState = { proof: randomBytes(18).toString('base64url'), trusted };
  holder[stateKey] = state;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  // `emit` is where Node hands a parsed request to the server's listeners: the one place every request passes
  // before Next sees it, whichever server object Next made.
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
      applyTrustModel(args[0] as IncomingMessage, state);
    }
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}
