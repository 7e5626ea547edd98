/** Two speech bubbles, one per language; the same drawing as app/icon.svg. Decorative. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="7" fill="#08564f" />
      <path d="M7 6h11a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3h-7l-4 3.5V18a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3z" fill="#fff" />
      <path
        d="M23 12.5h2a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3v3.5l-4-3.5h-6a3 3 0 0 1-3-3v-1.5h6a5 5 0 0 0 5-5z"
        fill="#f2a900"
      />
    </svg>
  );
}
