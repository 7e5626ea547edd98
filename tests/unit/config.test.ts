import { describe, expect, it } from 'vitest';
import { parseBuildConfig, parseConfig, startupProblem } from '@/lib/config/env';
import { requestIdFor } from '@/lib/request-id';

const database = { DATABASE_URL: 'postgresql://app:secret@db.internal:5432/bilingual_talent' };

describe('configuration', () => {
  it('uses the documented defaults when variables are unset or empty', () => {
    const config = parseConfig({ ...database, DATABASE_POOL_MAX: '', STAFF_EXPORT_ROLES: ' ' });
    expect(config).toMatchObject({
      DATABASE_POOL_MAX: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
      PORT: 3_000,
      SIGNUP_RATE_LIMIT_POINTS: 60,
      STAFF_COOKIE_SECURE: 'always',
      STAFF_MFA: 'admins',
      STAFF_EXPORT_ROLES: ['admin', 'staff'],
      TRUSTED_PROXIES: '',
      BIND_ADDRESS: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
  });

  it('reads set values', () => {
    const config = parseConfig({ ...database, DATABASE_POOL_MAX: '25', STAFF_EXPORT_ROLES: 'admin', TRUSTED_PROXIES: '127.0.0.1/32, 10.0.0.0/8' });
    expect(config).toMatchObject({ DATABASE_POOL_MAX: 25, STAFF_EXPORT_ROLES: ['admin'], TRUSTED_PROXIES: '127.0.0.1/32, 10.0.0.0/8' });
  });

  it('names the malformed variable in one line instead of falling back to a default', () => {
    const cases: [Record<string, string>, string][] = [
      [{ DATABASE_POOL_MAX: 'lots' }, 'Invalid configuration: DATABASE_POOL_MAX must be a positive integer'],
      [{ DATABASE_POOL_MAX: '0' }, 'Invalid configuration: DATABASE_POOL_MAX must be a positive integer'],
      [{ SIGNUP_RATE_LIMIT_WINDOW_SECONDS: '1.5' }, 'Invalid configuration: SIGNUP_RATE_LIMIT_WINDOW_SECONDS must be a positive integer'],
      [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid configuration: DATABASE_URL must be a postgresql:// URL'],
      [{ PORT: '70000' }, 'Invalid configuration: PORT must be a port number (1-65535)'],
      [{ STAFF_COOKIE_SECURE: 'auto' }, 'Invalid configuration: STAFF_COOKIE_SECURE must be always or plain-http-localhost'],
      [{ STAFF_MFA: 'none' }, 'Invalid configuration: STAFF_MFA must be admins, all or optional'],
      [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'Invalid configuration: TRUSTED_PROXIES must be comma-separated CIDRs: "10.0.0.0/33" is not an IP address or CIDR'],
      [{ TRUSTED_PROXIES: 'nginx' }, 'Invalid configuration: TRUSTED_PROXIES must be comma-separated CIDRs: "nginx" is not an IP address or CIDR'],
      [{ TRUST_PROXY: '1' }, 'Invalid configuration: TRUST_PROXY was replaced by TRUSTED_PROXIES (the CIDRs of the proxies in front, e.g. 127.0.0.1/32)'],
      [{ BIND_ADDRESS: 'localhost' }, 'Invalid configuration: BIND_ADDRESS must be an IP address (127.0.0.1, ::1, 0.0.0.0)'],
      [{ STAFF_EXPORT_ROLES: 'admin,owner' }, 'Invalid configuration: STAFF_EXPORT_ROLES must list roles among admin,staff,privacy'],
      [{ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'short' }, 'Invalid configuration: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)'],
    ];
    for (const [env, line] of cases) {
      expect(startupProblem({ ...database, ...env })).toBe(line);
    }
    expect(startupProblem({ ...database, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })).toBeNull();
  });

  it('requires a database to start next start, not npm start (which runs an embedded one)', () => {
    expect(startupProblem({})).toBe('Invalid configuration: DATABASE_URL is required');
    expect(startupProblem({}, { needsDatabaseUrl: false })).toBeNull();
  });

  it('checks the build-time values', () => {
    expect(parseBuildConfig({ SITE_URL: undefined, AGENCY_EMAIL: '' })).toEqual({
      SITE_URL: 'http://localhost:3000',
      AGENCY_EMAIL: 'talentobilingue@investpacific.org',
      AGENCY_ADDRESS: 'Cali, Valle del Cauca, Colombia',
      AGENCY_REQUESTS_AREA: 'Área de Protección de Datos Personales',
      AGENCY_WEBSITE: 'https://investpacific.org/',
      AGENCY_SOCIAL_LINKS: [],
    });
    expect(() => parseBuildConfig({ SITE_URL: 'talento.example', AGENCY_EMAIL: undefined })).toThrow(
      'Invalid configuration: SITE_URL must be an http(s) URL',
    );
  });

  it("checks the agency's contact details for the footer", () => {
    const base = { SITE_URL: undefined, AGENCY_EMAIL: undefined };
    expect(
      parseBuildConfig({
        ...base,
        AGENCY_ADDRESS: 'Calle 1 # 2-3, Cali',
        AGENCY_PHONE: '+57 602 123 4567',
        AGENCY_TAX_ID: '900.123.456-7',
        AGENCY_SOCIAL_LINKS: 'https://www.linkedin.com/company/example, https://www.instagram.com/example',
      }),
    ).toMatchObject({
      AGENCY_ADDRESS: 'Calle 1 # 2-3, Cali',
      AGENCY_PHONE: '+57 602 123 4567',
      AGENCY_TAX_ID: '900.123.456-7',
      AGENCY_SOCIAL_LINKS: ['https://www.linkedin.com/company/example', 'https://www.instagram.com/example'],
    });
    for (const [variable, value, problem] of [
      ['AGENCY_PHONE', 'call us', 'must be a phone number such as +57 602 123 4567'],
      ['AGENCY_TAX_ID', '900123456', 'must be a NIT such as 900.123.456-7'],
      ['AGENCY_SOCIAL_LINKS', 'http://www.linkedin.com/company/example', 'must list https URLs separated by commas'],
      ['AGENCY_WEBSITE', 'http://investpacific.org', 'must be an https URL'],
      ['AGENCY_ADDRESS', 'Calle 1\nCali', 'must be one line of at most 200 characters'],
    ] as const) {
      expect(() => parseBuildConfig({ ...base, [variable]: value }), variable).toThrow(`Invalid configuration: ${variable} ${problem}`);
    }
  });
});

describe('request ids', () => {
  it('keeps a well-formed id from the proxy in front and replaces anything else', () => {
    expect(requestIdFor(new Headers({ 'x-request-id': 'a1b2c3d4e5f6' }))).toBe('a1b2c3d4e5f6');
    for (const given of ['', 'short', 'x'.repeat(129), 'id with spaces {"event":"forged"}']) {
      const id = requestIdFor(new Headers(given ? { 'x-request-id': given } : {}));
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
