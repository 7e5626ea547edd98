#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Integration tests use TEST_DATABASE_URL's server
# when it is set, otherwise an embedded PostgreSQL; e2e tests run Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Each step prints how long the previous one took, so a slow stage shows in CI's log.
last=$SECONDS
step() {
  printf '\n\033[1m== %s\033[0m (previous step: %ss, total: %ss)\n' "$*" $((SECONDS - last)) "$SECONDS"
  last=$SECONDS
}

step "Chromium, nginx and Java"
bash scripts/ensure-chromium.sh
bash scripts/ensure-nginx.sh
bash scripts/ensure-java.sh
step "Lint"
npm run --silent lint
step "Typecheck"
npm run --silent typecheck
step "Unit tests"
npx vitest run --project unit
step "Integration tests (real PostgreSQL)"
npx vitest run --project integration
step "Production build"
npm run --silent build
node --import tsx scripts/check-prerendered.ts
step "End-to-end tests (Chromium against next start)"
npx playwright test
printf '\nAll tests passed in %ss (end-to-end: %ss).\n' "$SECONDS" $((SECONDS - last))
