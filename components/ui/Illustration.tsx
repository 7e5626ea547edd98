import { getImageProps, type StaticImageData } from 'next/image';

/**
 * One of the site's own drawings (components/art, shipped in the repo), through Next's image pipeline: a hashed,
 * immutable address under /_next/static and its intrinsic size, so nothing moves while it loads. next/image's
 * <Image> is a client component, which would add its script to every page that shows a drawing; getImageProps
 * gives the same attributes from the server. Its inline `style` is dropped: the CSP allows no inline styles, and an
 * SVG needs no placeholder colour.
 */
export function Illustration({ src, className, priority = false }: { src: StaticImageData; className?: string; priority?: boolean }) {
  const { props } = getImageProps({ src, alt: '', priority, className });
  const { style: _style, ...attributes } = props;
  // eslint-disable-next-line @next/next/no-img-element -- the attributes come from next/image's getImageProps
  return <img {...attributes} alt="" />;
}
