#!/bin/sh
# The production build, used as is by the Dockerfile, CI (.ci/run) and docs/deploy.md:
# install exactly the lockfile, compile src/ → dist/, then drop the dev dependencies.
# Afterwards the folder runs with `node dist/index.js` (NODE_ENV=production), no TypeScript needed.
set -eu
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
