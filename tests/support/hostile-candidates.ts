// Candidates whose names are markup and formulas, seeded by staff-e2e-seed.ts: staff pages and exports must show
// them as the literal text (tests/e2e/hostile-input.spec.ts). A file of their own, so the spec does not load the
// server-side modules the seed needs. C2, which no other seeded candidate has, and the newest, so they never
// change what the staff specs count.
/** Both names hold this, so one search finds them (and puts markup in the audit log). */
export const sharedPayload = '<img src=x onerror=alert(';

export const hostileCandidates = (domain: string) =>
  [
    { email: `hostile1@${domain}`, fullName: '<script>alert(1)</script><img src=x onerror=alert(2)> Ana' },
    { email: `hostile2@${domain}`, fullName: '=HYPERLINK("http://evil.example","x")"><img src=x onerror=alert(3)>' },
  ] as const;
