#!/usr/bin/env bash
# `npm run bench`: build, then measure the production server against baselines in the same run
# (scripts/bench/run.ts). BENCH_SKIP_BUILD=1 reuses the current build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-nginx.sh
bash scripts/ensure-chromium.sh
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then npm run --silent build; fi
exec node --conditions=react-server --import tsx scripts/bench/run.ts
