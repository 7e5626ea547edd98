#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest, with independent steps side by side (2 cores: lint
# beside the typecheck, the production build beside the unit and integration tests). Integration tests use
# TEST_DATABASE_URL's server when it is set, otherwise an embedded PostgreSQL; e2e tests run Chromium against
# the production build. At the end, the ten slowest tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=.data/test-results
rm -rf "$results" && mkdir -p "$results"
# Each step prints how long the previous one took, so a slow stage shows in CI's log.
last=$SECONDS
step() {
  printf '\n\033[1m== %s\033[0m (previous step: %ss, total: %ss)\n' "$*" $((SECONDS - last)) "$SECONDS"
  last=$SECONDS
}
# A background step's output, shown when it is waited for; its exit status is the wait's.
finish() {
  local pid=$1 log=$2 status=0
  wait "$pid" || status=$?
  cat "$log"
  return "$status"
}

echo "Node $(node --version) ($(command -v node))"
step "Chromium, nginx and Java"
bash scripts/ensure-chromium.sh
bash scripts/ensure-nginx.sh
bash scripts/ensure-java.sh
step "Lint and typecheck"
npm run --silent lint > "$results/lint.log" 2>&1 &
lint=$!
npm run --silent typecheck
finish $lint "$results/lint.log"
step "Unit and integration tests (real PostgreSQL), production build beside them"
# The build reads nothing the tests write, and they read nothing it writes (.next).
{ npm run --silent build && node --import tsx scripts/check-prerendered.ts; } > "$results/build.log" 2>&1 &
build=$!
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"
step "Production build (waiting for it)"
finish $build "$results/build.log"
step "End-to-end tests (Chromium against next start)"
status=0
npx playwright test || status=$?
e2e=$((SECONDS - last))
# Printed after a failure too: a test that timed out shows here.
node --import tsx scripts/slowest-tests.ts "$results"
[ "$status" = 0 ] || exit "$status"
printf '\nAll tests passed in %ss (end-to-end: %ss).\n' "$SECONDS" "$e2e"
