#!/usr/bin/env bash
# Browser tests against the built app, on its own port and database (see playwright.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1
npx next build
npx playwright test "$@"
