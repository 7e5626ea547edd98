/**
 * Bilingual Talent's mark: a speech bubble (the two languages) holding the Farallones de Cali under the sun (the
 * region), in the agency's teal and gold. The same drawing as app/icon.svg. Decorative: the name beside it is the
 * text.
 */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" fill="#08564f" />
      <path d="M7 6h18a3 3 0 0 1 3 3v11a3 3 0 0 1-3 3H14l-5 4.5V23H7a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3z" fill="#fff" />
      <circle cx="21" cy="11.5" r="2.6" fill="#f2a900" />
      <path d="M6.5 20l5-7 3 3.5 4-5.5 6.5 9z" fill="#0b6b63" />
    </svg>
  );
}
