#!/bin/sh
# Prisma 7's CLI wants to download its native schema engine, which this offline machine cannot.
# `prisma generate` only asks the engine for its version; every other use must fail loudly,
# because migrations are applied by dbmate from prisma/migrations, never by Prisma Migrate.
if [ "$1" = "--version" ]; then
  echo "schema-engine-cli 0.0.0 (stand-in: Prisma Migrate is not used in this project)"
  exit 0
fi
echo "prisma-engine-standin: Prisma Migrate is not available here; use 'npm run db:migrate' (dbmate)." >&2
exit 1
