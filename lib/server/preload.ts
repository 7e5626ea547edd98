// Loaded before Next by every launcher of `next start` (scripts/start.ts, tests/support/app-server.ts, so the
// tests and the bench too): `node --import ./lib/server/preload.ts node_modules/next/dist/bin/next start`.
// Plain Node, relative imports only.
//
// 1. The client-address hook (lib/security/client-address-hook.ts), in place before Next opens its socket, so no
//    request is ever seen without it.
// 2. The listening address, BIND_ADDRESS (default 127.0.0.1): nginx in front, nobody else. Not `next start -H`:
//    with a hostname, Next compares its own origin (http://127.0.0.1:3000) with the URL its proxy sees, which it
//    spells http://localhost:3000, and proxies every rewrite in proxy.ts (the localized 404) as an external
//    request to localhost, which fails. Next is left to think it listens everywhere, and the socket is bound here.
import { isIP } from 'node:net';
import { Server } from 'node:http';
import { installClientAddressHook } from '../security/client-address-hook.ts';

try {
  installClientAddressHook();
} catch (error) {
  // One line, as lib/config/env.ts would print it: a malformed TRUSTED_PROXIES is a deployment mistake.
  process.stderr.write(`Invalid configuration: TRUSTED_PROXIES ${(error as Error).message}\n`);
  process.exit(1);
}

const bindAddress = process.env.BIND_ADDRESS?.trim() || '127.0.0.1';
if (isIP(bindAddress) === 0) {
  process.stderr.write('Invalid configuration: BIND_ADDRESS must be an IP address (127.0.0.1, ::1, 0.0.0.0)\n');
  process.exit(1);
}
const listen = Server.prototype.listen as (this: Server, ...args: unknown[]) => Server;
Server.prototype.listen = function (this: Server, ...args: unknown[]) {
  // Next calls listen(port, undefined) when it was given no hostname: give it ours.
  if (typeof args[0] === 'number' && (args[1] === undefined || typeof args[1] === 'function')) {
    return listen.call(this, args[0], bindAddress, ...args.slice(args[1] === undefined ? 2 : 1));
  }
  return listen.call(this, ...args);
} as typeof Server.prototype.listen;
