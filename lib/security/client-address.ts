import 'server-only';
import { clientAddressHeader, clientAddressProof, clientProofHeader } from './client-address-hook';
import { normalizeAddress } from './trusted-proxies';

export { rateLimitSubject } from './trusted-proxies';

/**
 * The client's address, for rate limits, consent evidence and the audit log, as the client-address hook
 * decided it from the socket and TRUSTED_PROXIES (see client-address-hook.ts): the socket's address unless the
 * peer is a trusted proxy, and then the address that proxy vouches for. Null only when no hook saw the request
 * (a bare `next start` in its first moments, a test calling a handler directly): a header nobody vouched for is
 * never believed.
 */
export function clientAddress(headers: Headers): string | null {
  const proof = clientAddressProof();
  if (!proof || headers.get(clientProofHeader) !== proof) return null;
  return normalizeAddress(headers.get(clientAddressHeader));
}
