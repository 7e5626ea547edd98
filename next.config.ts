import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers that hold for every response, set here so that nothing that skips proxy.ts goes without them.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pino', 'argon2', '@node-rs/argon2', 'exceljs', 'pg', 'pg-cursor'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Staff pages and the staff API: personal data, never cached, never indexed, no referrer to other sites.
      ...['/:locale(es|en)/staff', '/:locale(es|en)/staff/:path*', '/api/staff/:path*'].map((source) => ({
        source,
        headers: [
          { key: 'Cache-Control', value: 'no-store' },
          // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which
          // Next refuses for server actions (sign-in without JavaScript).
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
