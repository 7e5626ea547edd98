// `node --import ./lib/security/client-address-preload.ts node_modules/next/dist/bin/next start`: the hook is in
// place before Next opens its socket, so no request is ever seen without it (see client-address-hook.ts).
import { installClientAddressHook } from './client-address-hook.ts';

try {
  installClientAddressHook();
} catch (error) {
  // One line, as lib/config/env.ts would print it: a malformed TRUSTED_PROXIES is a deployment mistake.
  process.stderr.write(`Invalid configuration: TRUSTED_PROXIES ${(error as Error).message}\n`);
  process.exit(1);
}
