// Debian's Chromium, never a downloaded browser, with the flags it needs here (Playwright and the bench's
// Lighthouse both use them). Background networking is off because this machine's network is closed and
// Chromium would otherwise keep trying to reach Google.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
