import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { signUpBodyLimit } from './lib/candidates/limits';
import { agencyEmail } from './lib/site';
import { baselineCsp, hstsValue } from './lib/security/csp';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers that hold for every response, set here so that nothing that skips proxy.ts goes without them.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), ' +
      'accelerometer=(), gyroscope=(), magnetometer=(), display-capture=(), fullscreen=(), ' +
      'publickey-credentials-get=(), interest-cohort=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];
// Cross-Origin-Opener-Policy is on staff pages only (below). Arriving at a page that sends it from one that does
// not (a new tab, another site) makes the browser start the page in a new renderer process after the response
// has come in: Lighthouse mobile, alternating runs, measured the form 75 → 86 and the home page 80 → 89 without it
// (docs/decisions/coop-staff-only.md). Public pages hold nothing another window could take; staff pages show candidates'
// data.

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pino', '@node-rs/argon2', 'exceljs', 'pg', 'pg-cursor', 'graphile-worker', 'nodemailer'],
  env: {
    // Fixed at build time in server code too: the consent notice quotes this address, and the notice that
    // prerendered pages show must hash the same as the one the sign-up stores, whatever the runtime env says.
    AGENCY_EMAIL: agencyEmail,
  },
  experimental: {
    // Integrity attributes on Next's script tags: a prerendered page's CSP allows its external scripts by these
    // hashes (scripts/csp-hashes.ts), since it cannot carry a nonce.
    sri: { algorithm: 'sha256' },
    // The sign-up form is about 1 kB: refuse anything much larger before it is parsed.
    serverActions: { bodySizeLimit: signUpBodyLimit },
    // forbidden() in staff pages: a page a role may not see answers 403 (app/[locale]/staff/forbidden.tsx).
    authInterrupts: true,
  },
  async rewrites() {
    return {
      beforeFiles: [
        {
          // A form posted before the scripts loaded comes back from talent/submit (the no-JavaScript address,
          // answered by proxy.ts), and the browser stays there; once the scripts run, the router sends the
          // server action there too. Route it to the form's page, which runs the action.
          source: '/:locale(es|en)/talent/submit',
          has: [{ type: 'header', key: 'next-action' }],
          destination: '/:locale/talent',
        },
      ],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // proxy.ts replaces this CSP on pages with one that lets their own scripts run (lib/security/csp.ts).
      { source: '/:path*', headers: [{ key: 'Content-Security-Policy', value: baselineCsp }] },
      // Only when the TLS-terminating proxy in front says the request came over https: a site that is only
      // served over plain http (a local install) must not tell browsers to insist on https.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: hstsValue }],
      },
      // Staff pages and the staff API: personal data, never cached, never indexed, no referrer to other sites.
      ...['/:locale(es|en)/staff', '/:locale(es|en)/staff/:path*', '/api/staff/:path*'].map((source) => ({
        source,
        headers: [
          { key: 'Cache-Control', value: 'no-store' },
          // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which
          // Next refuses for server actions (sign-in without JavaScript).
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          // No window of another site keeps a reference to a staff window (XS-Leaks), and Chromium keeps the
          // page in a process of its own even where it does not isolate every site (Android).
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
