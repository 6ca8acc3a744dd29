#!/usr/bin/env bash
# Browser tests against the built app, on its own port and database (see playwright.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1
# Built again only when something the build reads changed since the last build (scripts/test.sh
# builds before the unit and HTTP tests, which start the built server too).
sources=(app components lib messages proxy.ts next.config.ts postcss.config.mjs tsconfig.json package.json package-lock.json)
if [ ! -f .next/BUILD_ID ] || [ -n "$(find "${sources[@]}" -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  npx next build
fi
npx playwright test "$@"
