#!/usr/bin/env bash
# `npm run bench`: build, then measure the production server against baselines in the same run
# (scripts/bench/run.ts). BENCH_SKIP_BUILD=1 reuses the current build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-nginx.sh
bash scripts/ensure-chromium.sh
# Canonical links are absolute and fixed at build time: Lighthouse's SEO audit loads the site through nginx,
# so the build names that origin (a real deployment builds with its public SITE_URL).
export SITE_URL="${SITE_URL:-http://127.0.0.1:${BENCH_NGINX_PORT:-8200}}"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then npm run --silent build; fi
exec node --conditions=react-server --import tsx scripts/bench/run.ts
