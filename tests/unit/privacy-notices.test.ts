import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConsentNotice } from '@/lib/consent/notice';
import type { PolicyDocument } from '@/lib/consent/policy-text';

// The consent notice and the privacy policy read side by side with the law. Art. 12 of Ley 1581 de 2012 (what the
// notice must say when the authorization is asked) and art. 13 of Decreto 1377 de 2013 (what the policy must hold),
// with what arts. 14 and 15 of Ley 1581 and arts. 5, 11 and 24–26 of the decree add. Each element is a pattern per
// language; every one must be found. The controller's details come from the configuration (lib/config/env.ts).

vi.hoisted(() => {
  process.env.AGENCY_ADDRESS = 'Calle 10 # 4-40, Piso 2, Cali';
  process.env.AGENCY_PHONE = '+57 602 555 0100';
  process.env.AGENCY_TAX_ID = '900.123.456-7';
  process.env.AGENCY_REQUESTS_AREA = 'Oficina de Datos Personales';
});

type Element = { es: RegExp; en: RegExp };
const E = (es: RegExp, en: RegExp): Element => ({ es, en });

const controller: Record<string, Element> = {
  'identity of the controller (Ley 1581 art. 12(d); D. 1377 art. 13.1)': E(/Invest Pacific/, /Invest Pacific/),
  'tax id (D. 1377 art. 13.1)': E(/NIT 900\.123\.456-7/, /NIT 900\.123\.456-7/),
  'physical address (Ley 1581 art. 12(d); D. 1377 art. 13.1)': E(/Calle 10 # 4-40, Piso 2, Cali/, /Calle 10 # 4-40, Piso 2, Cali/),
  'telephone (Ley 1581 art. 12(d); D. 1377 art. 13.1)': E(/\+57 602 555 0100/, /\+57 602 555 0100/),
  'email (Ley 1581 art. 12(d); D. 1377 art. 13.1)': E(/talentobilingue@investpacific\.org/, /talentobilingue@investpacific\.org/),
};
const common: Record<string, Element> = {
  ...controller,
  'purposes of the processing (Ley 1581 art. 12(a); D. 1377 art. 13.2)': E(/formación en inglés[\s\S]*empleo bilingüe/, /English-training[\s\S]*job opportunities/),
  'sharing with partners (transmission and transfer)': E(/transmisión[\s\S]*transferencia|transferencia[\s\S]*transmisión/, /transmission[\s\S]*transfer/),
  'sharing abroad (D. 1377 arts. 24–26)': E(/exterior/, /abroad/),
  'right to know, update and rectify (Ley 1581 art. 8(a))': E(/conocer, actualizar, rectificar|Conocer qué datos/, /know, update, rectify|Know what data/),
  'right to proof of the authorization (art. 8(b))': E(/prueba de (esta|la) autorización/, /proof of (this|the) authorization/),
  'right to be told how the data was used (art. 8(c))': E(/uso que les hemos dado|cómo se han usado/, /how your data has been used/),
  'right to complain to the SIC (art. 8(d))': E(/Superintendencia de Industria y Comercio/, /Superintendencia de Industria y Comercio/),
  'right to revoke and delete (art. 8(e))': E(/revocar[\s\S]*suprim|suprim[\s\S]*revocar/, /revoke[\s\S]*delete|delete[\s\S]*revoke/),
  'consultas within 10 business days, extendable by 5 (art. 14)': E(/consultas[\s\S]*10 días hábiles[\s\S]*5/, /[Qq]ueries[\s\S]*10 business days[\s\S]*5/),
  'reclamos within 15 business days, extendable by 8 (art. 15)': E(/reclamos[\s\S]*15 días hábiles[\s\S]*8/, /[Cc]laims[\s\S]*15 business days[\s\S]*8/),
  'the area that handles requests (D. 1377 art. 13.4)': E(/Oficina de Datos Personales/, /Oficina de Datos Personales/),
  'retention of revoked candidates': E(/180 días/, /180 days/),
  'retention of earlier submissions': E(/12 meses/, /12 months/),
  'changes: a notice on the site and a mail before they take effect (D. 1377 art. 5)': E(/sitio[\s\S]*correo[\s\S]*antes de que/, /site[\s\S]*email[\s\S]*before/),
  'version': E(/versión 2\.0|Versión 2\.0/, /version 2\.0|Version 2\.0/),
  'effective date (D. 1377 art. 13.6)': E(/3 de diciembre de 2026/, /December 3, 2026/),
};
const noticeOnly: Record<string, Element> = {
  'optional answers on sensitive data or minors (Ley 1581 art. 12(b))': E(/datos sensibles/, /sensitive data/),
  'where the policy is (D. 1377 art. 15)': E(/\/es\/privacy/, /\/en\/privacy/),
};
const policyOnly: Record<string, Element> = {
  'procedure to exercise the rights (D. 1377 art. 13.5)': E(/nombre completo[\s\S]*lo que solicitas/, /full name[\s\S]*what you are asking for/),
  'incomplete reclamo: 5 days to ask, withdrawn after 2 months (art. 15)': E(/incompleto[\s\S]*5 días[\s\S]*dos meses/, /incomplete[\s\S]*5 days[\s\S]*two months/),
  '"reclamo en trámite" within 2 business days (art. 15)': E(/2 días hábiles[\s\S]*«reclamo en trámite»/, /2 business days[\s\S]*"reclamo en trámite"/),
  'validity of the database (D. 1377 art. 13.6)': E(/base de datos está vigente/, /database is in force/),
  'existing candidates told by mail, from when the new version applies to them': E(/18 de diciembre de 2026/, /December 18, 2026/),
};

let notices: Record<'es' | 'en', ConsentNotice>;
let policies: Record<'es' | 'en', PolicyDocument>;
beforeAll(async () => {
  const { consentNotice } = await import('@/lib/consent/notice');
  const { policyDocument } = await import('@/lib/consent/policy-text');
  notices = { es: consentNotice('es'), en: consentNotice('en') };
  policies = { es: policyDocument('es'), en: policyDocument('en') };
});

describe.each(['es', 'en'] as const)('the notices in %s', (locale) => {
  it.each(Object.entries({ ...common, ...noticeOnly }))('the consent notice names %s', (_, element) => {
    expect(notices[locale].text).toMatch(element[locale]);
  });
  it.each(Object.entries({ ...common, ...policyOnly }))('the privacy policy names %s', (_, element) => {
    expect(policies[locale].text).toMatch(element[locale]);
  });
});

describe('the consent notice as evidence', () => {
  it('is the text of policy version 2.0: a change to its wording is a new version (lib/consent/policy.ts)', () => {
    // Pinned under this file's configuration. When the wording changes on purpose, bump privacyPolicy.version
    // (and its dates) in lib/consent/policy.ts, then put the new hashes here.
    expect({ version: notices.es.policyVersion, es: notices.es.sha256, en: notices.en.sha256 }).toEqual({
      version: '2.0',
      es: 'aed2c36813f85b1b003b28cdd98515f0c99bd6fefb21a43ea2fbd2e0d11c2164',
      en: 'cb912414d00a40ab551fcf06903c5c95e26f015d5a3918246dab1fb3c2b482f5',
    });
  });
});
