import { getTranslations } from 'next-intl/server';
import { localizedOgImage } from '@/lib/seo/og-image';

export { ogAlt as alt, ogContentType as contentType, ogSize as size, ogStaticParams as generateStaticParams } from '@/lib/seo/og-image';

export default localizedOgImage(async (locale) => {
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  return { title: t('title'), subtitle: t('metaDescription') };
});
