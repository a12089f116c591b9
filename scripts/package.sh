#!/usr/bin/env bash
# Builds the production bundles and packages dist/mq-lens.vsix with vsce (which needs Node 24 from the tools).
set -euo pipefail
source "$(dirname "$0")/tools-env.sh"
cd "$ROOT"
[ -x "$N24/bin/node" ] || bash scripts/install-test-tools.sh --node-only
node scripts/build.mjs --production
mkdir -p dist
PATH="$N24/bin:$PATH" node node_modules/@vscode/vsce/vsce package --no-dependencies --allow-missing-repository \
  --no-rewrite-relative-links --out dist/mq-lens.vsix
