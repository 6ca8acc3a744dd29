#!/usr/bin/env bash
# Every test: static checks, the production build, unit and HTTP tests (Vitest: some start the
# built server), then browser tests (Playwright, on the same build).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
echo "== Type check"; npx tsc --noEmit
echo "== Lint"; npx eslint . --max-warnings 0
echo "== Format"; npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== Build"; npx next build
echo "== Unit and HTTP tests"; npx vitest run
echo "== Browser tests"; bash scripts/e2e.sh
