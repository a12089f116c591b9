#!/usr/bin/env bash
# `npm test`: every test layer, in order, each run even when an earlier one failed.
#   1. unit tests in plain Node (core, knowledge pipeline, docs freshness, CLI)
#   2. integration tests: mocha inside the real VS Code extension host (code-server), against the packaged VSIX
#   3. UI tests: Playwright + Debian Chromium against the real workbench; screenshots in test-results/
# It installs the test tools it needs first (pinned; cached in .tools/), and stops every process it starts.
# Ends with one line "N passed, N failed"; exits non-zero when anything failed or could not run.
set -uo pipefail
source "$(dirname "$0")/tools-env.sh"
source "$(dirname "$0")/code-server.sh"
cd "$ROOT"
RESULTS="$ROOT/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
# Short path: code-server puts unix sockets under it (about 107 characters at most).
ART=$(mktemp -d /tmp/mql.XXXXXX)
trap 'stop_code_server; rm -rf "$ART"' EXIT
trap 'exit 130' INT TERM
step() { echo; echo "=== [$(date +%T)] $*"; }
PASSED=0; FAILED=0
count() { PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); echo "--- $3: $1 passed, $2 failed"; }
count_json() { # count_json FILE LAYER: adds a mocha-style result file's counts, or one failure when it is missing
  if [ -f "$1" ]; then
    count "$(node -p "require('$1').passed.length")" "$(node -p "require('$1').failed.length")" "$2"
  else
    count 0 1 "$2 (did not run to the end: no results)"
  fi
}

step "install test tools"
bash scripts/install-test-tools.sh || { echo "could not install the test tools"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$N24/bin:$PATH"
[ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund || exit 1

step "build: knowledge, type-check, compile"
if ! npm run -s compile; then echo "the build failed"; echo "0 passed, 1 failed"; exit 1; fi

step "1. unit tests"
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$RESULTS/unit.tap" out/test/unit/*.test.js
count "$(grep -m1 -oP '^# pass \K\d+' "$RESULTS/unit.tap" || echo 0)" "$(grep -m1 -oP '^# fail \K\d+' "$RESULTS/unit.tap" || echo 1)" "unit"

step "2. package the VSIX"
if ! bash scripts/package.sh >"$RESULTS/package.log" 2>&1; then
  cat "$RESULTS/package.log"; count 0 1 "package"
else
  tail -1 "$RESULTS/package.log"
  step "2b. the command-line tool from its npm package (npm pack, install, npx)"
  node out/test/package/packedCli.js --results "$RESULTS/package-cli.json"
  count_json "$RESULTS/package-cli.json" "package"
  step "start code-server with the VSIX installed"
  PORT=$(free_port)
  if start_code_server "$ART/cs" "$PORT" "$ROOT/dist/mq-lens.vsix" --vscode-option enable-smoke-test-driver; then
    URL="http://127.0.0.1:$PORT"
    EXT_DIR=$(ls -d "$ART"/cs/ext/mq-lens.mq-lens-* | head -1)
    echo "code-server at $URL, extension installed at $EXT_DIR"

    step "3. integration tests in the real extension host"
    cp -r test/fixtures/workspace "$ART/ws-integration"
    ENV_JSON=$(node -e 'console.log(JSON.stringify({MQ_LENS_RESULTS_FILE: process.argv[1], MQ_LENS_EXPECTED_EXTENSION_PATH: process.argv[2]}))' \
      "$RESULTS/integration.json" "$EXT_DIR")
    node out/test/harness/runExtensionTests.js --url "$URL" --ext "$EXT_DIR" --tests "$ROOT/out/test/integration/index.js" \
      --folder "$ART/ws-integration" --env "$ENV_JSON" --timeout 300
    count_json "$RESULTS/integration.json" "integration"

    step "4. UI tests in the real workbench"
    cp -r test/fixtures/workspace "$ART/ws-ui"
    MQ_LENS_SHOTS="$RESULTS" node out/test/ui/workbench.ui.js --url "$URL" --folder "$ART/ws-ui" --results "$RESULTS/ui.json"
    count_json "$RESULTS/ui.json" "UI"
  else
    count 0 1 "code-server start"
  fi
  stop_code_server
  cp "$ART/cs/code-server.log" "$RESULTS/" 2>/dev/null
fi

if [ -n "${MQ_LENS_VSCODE_EXECUTABLE:-}" ]; then
  step "5. the same integration suite in desktop VS Code (@vscode/test-electron)"
  cp -r test/fixtures/workspace "$ART/ws-electron"
  MQ_LENS_RESULTS_FILE="$RESULTS/electron.json" node out/test/harness/runElectronTests.js --folder "$ART/ws-electron"
  count_json "$RESULTS/electron.json" "desktop VS Code"
fi

step "summary (screenshots and logs: test-results/)"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
