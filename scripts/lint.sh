#!/usr/bin/env bash
# The static checks (`npm run lint`, the first step of `npm test`): ESLint (eslint.config.js), tsc's
# check of the JavaScript against its JSDoc (tsconfig.json), and the formatting of the C++ and of
# every text file (scripts/check-format.sh). Runs all three, then fails if any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
echo "-- ESLint"
node_modules/.bin/eslint --max-warnings 0 . || status=1
echo "-- tsc (checkJs)"
node_modules/.bin/tsc -p tsconfig.json || status=1
echo "-- formatting (clang-format, .editorconfig)"
bash scripts/check-format.sh || status=1
exit "$status"
