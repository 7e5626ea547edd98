import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';

// The picture a shared link shows (WhatsApp, social networks): drawn at build time by next/og for every page in
// both languages, with a font committed to the repo (assets/fonts, DejaVu Sans, whose licence allows it):
// next/font/google would fetch one from the internet, which the build machine cannot reach.

export const ogSize = { width: 1200, height: 630 };
export const ogContentType = 'image/png';
export const ogAlt = 'Talento Bilingüe · Bilingual Talent';

/** Drawn at build time, once per language. */
export function ogStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

/**
 * The default export of a page's `opengraph-image.tsx`: its words come from `text`, in the page's language. The
 * file re-exports `size`, `contentType`, `alt` and `generateStaticParams` from here, as Next reads them there.
 */
export function localizedOgImage(text: (locale: Locale) => Promise<{ title: string; subtitle?: string }>) {
  return async function Image({ params }: { params: Promise<{ locale: Locale }> }) {
    const { locale } = await params;
    return ogImage({ locale, ...(await text(locale)) });
  };
}

const font = (file: string) => readFile(path.join(process.cwd(), 'assets/fonts', file));
const fonts = Promise.all([font('DejaVuSans.ttf'), font('DejaVuSans-Bold.ttf')] as const);

export async function ogImage({ locale, title, subtitle }: { locale: Locale; title: string; subtitle?: string }) {
  const [regular, bold] = await fonts;
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  const l = await getTranslations({ locale, namespace: 'Layout' });
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#06443e', color: '#fff', fontFamily: 'DejaVu Sans' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 24, padding: '56px 72px 0' }}>
          <svg width="96" height="96" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="7" fill="#08564f" />
            <path d="M7 6h18a3 3 0 0 1 3 3v11a3 3 0 0 1-3 3H14l-5 4.5V23H7a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3z" fill="#fff" />
            <circle cx="21" cy="11.5" r="2.6" fill="#f2a900" />
            <path d="M6.5 20l5-7 3 3.5 4-5.5 6.5 9z" fill="#0b6b63" />
          </svg>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <div style={{ fontSize: 40, fontWeight: 700 }}>{m('siteName')}</div>
            <div style={{ fontSize: 26, color: '#d5ecea' }}>{l('byAgency')}</div>
          </div>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', padding: '0 72px' }}>
          <div style={{ fontSize: title.length > 40 ? 60 : 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
          {subtitle ? <div style={{ marginTop: 24, fontSize: 32, lineHeight: 1.3, color: '#eef7f6' }}>{subtitle}</div> : null}
        </div>
        <div style={{ display: 'flex', height: 24 }}>
          <div style={{ flexGrow: 2, background: '#f2a900' }} />
          <div style={{ flexGrow: 1, background: '#0b6b63' }} />
        </div>
      </div>
    ),
    {
      ...ogSize,
      fonts: [
        { name: 'DejaVu Sans', data: regular, weight: 400, style: 'normal' },
        { name: 'DejaVu Sans', data: bold, weight: 700, style: 'normal' },
      ],
    },
  );
}
