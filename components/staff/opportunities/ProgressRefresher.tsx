'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While mails are still going out, re-renders the server page every few seconds (counts only: nothing is read that
 * would be audited). Without JavaScript the page has a refresh link instead.
 */
export function ProgressRefresher({ active, seconds = 5 }: { active: boolean; seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds, router]);
  return null;
}
