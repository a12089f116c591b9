#!/usr/bin/env bash
# `npm run bench`: benchmarks of what users feel, written to bench/results.json and bench/RESULTS.md.
#   1. bundle and VSIX sizes from the production build (scripts/package.sh)
#   2. moduleLoadMs: require() of the packaged extension.js in plain Node with a stub `vscode`, fresh processes
#   3. analyzeMs: analyzeText per format at 100 / 2,000 / 5,000 / 20,000 lines
#   4. scan: mq-lens check and detect over a generated 12,000-file monorepo against `rg -j1`, and peakRssMb
#   5. activationMs and the editor path (edit -> diagnostics), in the real extension host of code-server, 7 fresh hosts
# Benchmarks report; they never fail on timing. The exit status is non-zero only when a benchmark could not run.
# Sets up what it needs (tools, npm ci, build) like scripts/test.sh, works in its own temp dir and on a free port,
# stops every process it starts (also on failure or Ctrl+C) and leaves nothing in the repository but bench/results.json
# and bench/RESULTS.md (besides the usual build outputs: out/, dist/, src/generated/).
# MQ_LENS_BENCH_QUICK=1 runs fewer repetitions (a smoke run; its figures are not for comparison).
# MQ_LENS_BENCH_PROFILE=1 takes CPU profiles of the CLI even when the scan is within budget.
set -uo pipefail
source "$(dirname "$0")/tools-env.sh"
source "$(dirname "$0")/code-server.sh"
cd "$ROOT"
# Short path: code-server puts unix sockets under it.
ART=$(mktemp -d /tmp/mqb.XXXXXX)
PARTS="$ART/parts"
mkdir -p "$PARTS" "$ART/artifacts" "$ART/profiles" "$ART/tmp"
trap 'stop_code_server; rm -rf "$ART"' EXIT
trap 'exit 130' INT TERM
QUICK=${MQ_LENS_BENCH_QUICK:-}
if [ -n "$QUICK" ]; then LOAD_RUNS=8; SCAN_RUNS=2; HOST_RUNS=3; EDIT_COUNT=10; FIRST_RUNS=2; else LOAD_RUNS=30; SCAN_RUNS=5; HOST_RUNS=7; EDIT_COUNT=40; FIRST_RUNS=5; fi
BENCH_START=$(date +%s)
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
NOT_RUN=()   # benchmarks that could not run at all
step() { echo; echo "=== [$(date +%T)] $*"; }
not_run() { NOT_RUN+=("$1"); echo "!!! $1 could not run: $2"; echo "$2" > "$PARTS/not-run-$1.txt"; }

step "install tools (Chromium, Node 24, code-server, ripgrep)"
bash scripts/install-test-tools.sh || { echo "could not install the tools"; exit 1; }
SYSTEM_NODE=$(command -v node)
[ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund || exit 1

step "build: knowledge, type-check and compile (tsc -p .)"
# The source the figures belong to: taken now, as it is built (others may commit while the benchmarks run).
export MQ_LENS_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
export MQ_LENS_BENCH_DIRTY="$(git status --porcelain --untracked-files=no 2>/dev/null | grep -vcE ' bench/(results\.json|RESULTS\.md)$')"
node scripts/build.mjs --knowledge-only || { echo "the knowledge build failed"; exit 1; }
# out/ is shared with anyone else working in this checkout: a type error in someone else's half-written file is waited
# out once, for a minute; tsc still emits JavaScript, so the benchmarks run on if it persists (and say so).
TYPECHECK=ok
for attempt in 1 2; do
  if npx tsc -p . >"$ART/tsc.log" 2>&1; then TYPECHECK=ok; break; fi
  TYPECHECK="failed outside bench/: $(grep -oE '^[^(]+\(' "$ART/tsc.log" | sort -u | tr -d '(' | head -5 | tr '\n' ' ')"
  if grep -qE '^(bench|src/vscode/extension\.ts)' "$ART/tsc.log"; then cat "$ART/tsc.log"; echo "the benchmarks do not type-check"; exit 1; fi
  [ "$attempt" -lt 2 ] || break
  echo "type-check failed in files that are not the benchmarks' ($(head -1 "$ART/tsc.log")); retrying in 60 s"
  sleep 60
done
[ -f out/bench/host/index.js ] || { cat "$ART/tsc.log"; echo "the compiled benchmarks are missing"; exit 1; }
echo "type-check: $TYPECHECK"
# A private copy of what was just compiled: someone else's `tsc` rewriting out/ mid-run must not change the code
# measured. Modules are resolved from the checkout's node_modules.
mkdir -p "$ART/out/test"
cp -r out/bench out/src "$ART/out/" && cp -r out/test/harness "$ART/out/test/" || { echo "could not copy out/"; exit 1; }
B="$ART/out/bench"
bnode() { NODE_PATH="$ROOT/node_modules" node "$@"; }

step "1. package the VSIX (production build) and measure sizes"
# dist/ is shared too: copy the artefacts at once, and check the CLI bundle is the minified one.
PACKAGED=
for attempt in 1 2; do
  if bash scripts/package.sh >"$ART/package.log" 2>&1; then
    rm -rf "$ART/artifacts/dist"; mkdir -p "$ART/artifacts/dist"
    cp dist/mq-lens.vsix "$ART/artifacts/" && cp dist/*.js dist/*.json "$ART/artifacts/dist/"   # the CLI loads its sibling bundles and the knowledge
    if ! grep -q 'sourceMappingURL' "$ART/artifacts/dist/cli.js"; then PACKAGED=1; break; fi
    echo "dist/cli.js changed under us (a development build); packaging again"
  else
    cat "$ART/package.log"
  fi
done
if [ -n "$PACKAGED" ]; then
  tail -1 "$ART/package.log"
  bnode "$B/sizes.js" --root "$ROOT" --vsix "$ART/artifacts/mq-lens.vsix" --cli "$ART/artifacts/dist/cli.js" --extract "$ART/artifacts/vsix" \
    --out "$PARTS/sizes.json" || not_run sizes "reading the VSIX failed"
else
  not_run sizes "scripts/package.sh failed"
fi

step "2. moduleLoadMs: require('dist/extension.js') with a stub vscode, in fresh processes"
if [ -f "$ART/artifacts/vsix/extension.js" ]; then
  bnode "$B/moduleLoad.js" --bundle "$ART/artifacts/vsix/extension.js" --runs "$LOAD_RUNS" \
    --node "$N24/bin/node" --node "$SYSTEM_NODE" --out "$PARTS/moduleLoad.json" || not_run moduleLoad "the module-load benchmark failed"
else
  not_run moduleLoad "no packaged extension.js"
fi

step "3. analyzeMs: analyzeText per format and size"
bnode "$B/analyze.js" --out "$PARTS/analyze.json" --profile-dir "$ART/profiles" ${QUICK:+--quick} || not_run analyze "the analysis benchmark failed"

step "4. scan: mq-lens check / detect vs rg -j1 over a generated monorepo; peak RSS"
if [ -f "$ART/artifacts/dist/cli.js" ]; then
  bnode "$B/scan.js" --cli "$ART/artifacts/dist/cli.js" --tree "$ART/monorepo" --out "$PARTS/scan.json" --runs "$SCAN_RUNS" \
    --profile-dir "$ART/profiles" --src-cli "$ART/out/src/cli/main.js" ${MQ_LENS_BENCH_PROFILE:+--force-profile} || not_run scan "the scan benchmark failed"
  rm -rf "$ART/monorepo"
else
  not_run scan "no packaged cli.js"
fi

step "5. activation and the editor path in the real extension host (code-server)"
if [ -n "$PACKAGED" ]; then
  PORT=$(free_port)
  if start_code_server "$ART/cs" "$PORT" "$ART/artifacts/mq-lens.vsix" --vscode-option enable-smoke-test-driver; then
    URL="http://127.0.0.1:$PORT"
    EXT_DIR=$(ls -d "$ART"/cs/ext/mq-lens.mq-lens-* | head -1)
    echo "code-server at $URL, extension at $EXT_DIR"
    bnode "$B/hostWorkspace.js" "$ART/ws" >/dev/null
    for i in $(seq 1 "$HOST_RUNS"); do
      # Every page load starts a fresh extension host; the last one also times edits in the 2,000-line file.
      EDITS=0; [ "$i" -eq "$HOST_RUNS" ] && EDITS=$EDIT_COUNT
      ENV_JSON=$(node -e 'console.log(JSON.stringify({MQ_LENS_BENCH_OUT: process.argv[1], MQ_LENS_BENCH_EDITS: process.argv[2]}))' \
        "$PARTS/host-$i.json" "$EDITS")
      echo "--- extension host $i of $HOST_RUNS ($EDITS edits)"
      # TMPDIR: the harness's Chromium profile lands in our temp dir, so even an interrupted run leaves none behind.
      TMPDIR="$ART/tmp" bnode "$ART/out/test/harness/runExtensionTests.js" --url "$URL" --ext "$EXT_DIR" --tests "$B/host/index.js" \
        --folder "$ART/ws" --env "$ENV_JSON" --timeout 240 || echo "extension host run $i did not finish cleanly"
    done
    ls "$PARTS"/host-*.json >/dev/null 2>&1 || not_run extensionHost "no extension host run reported (see the log above)"
    # One more fresh host on a 10,000-file monorepo: the workspace scan, and whether it ever blocks the host.
    echo "--- extension host on a 10,000-file workspace (scan)"
    bnode "$B/monoWorkspace.js" "$ART/mono" 10000 >/dev/null
    ENV_JSON=$(node -e 'console.log(JSON.stringify({MQ_LENS_BENCH_OUT: process.argv[1], MQ_LENS_BENCH_SCAN: "1", MQ_LENS_BENCH_FILE: "none"}))' "$PARTS/hostscan.json")
    TMPDIR="$ART/tmp" bnode "$ART/out/test/harness/runExtensionTests.js" --url "$URL" --ext "$EXT_DIR" --tests "$B/host/index.js" \
      --folder "$ART/mono" --env "$ENV_JSON" --timeout 600 || echo "the extension host scan run did not finish cleanly"
    [ -f "$PARTS/hostscan.json" ] || not_run hostScan "the extension host scan run reported nothing (see the log above)"
    # And fresh hosts on a 3,000-file monorepo: how soon after activation the status bar names the brokers.
    bnode "$B/monoWorkspace.js" "$ART/mono3k" 3000 >/dev/null
    for i in $(seq 1 "$FIRST_RUNS"); do
      echo "--- extension host on a 3,000-file workspace (first status, $i of $FIRST_RUNS)"
      ENV_JSON=$(node -e 'console.log(JSON.stringify({MQ_LENS_BENCH_OUT: process.argv[1], MQ_LENS_BENCH_FIRST: "1", MQ_LENS_BENCH_FILE: "none"}))' "$PARTS/hostfirst-$i.json")
      TMPDIR="$ART/tmp" bnode "$ART/out/test/harness/runExtensionTests.js" --url "$URL" --ext "$EXT_DIR" --tests "$B/host/index.js" \
        --folder "$ART/mono3k" --env "$ENV_JSON" --timeout 300 || echo "the extension host first-status run $i did not finish cleanly"
    done
  else
    not_run extensionHost "code-server did not start"
  fi
  stop_code_server
else
  not_run extensionHost "no VSIX"
fi

step "report: bench/results.json and bench/RESULTS.md"
export MQ_LENS_BENCH_SECONDS=$(( $(date +%s) - BENCH_START ))
export MQ_LENS_BENCH_TYPECHECK="$TYPECHECK"
export MQ_LENS_BENCH_LOADAVG_START="$LOADAVG_START"
export MQ_LENS_BENCH_NODE24="$("$N24/bin/node" -v)"
export MQ_LENS_BENCH_CODE_SERVER="$(node -p "require('$TOOLS/code-server/node_modules/code-server/package.json').version" 2>/dev/null || echo unknown)"
bnode "$B/report.js" --parts "$PARTS" --json bench/results.json --markdown bench/RESULTS.md ${QUICK:+--quick} \
  || { echo "the report could not be written"; exit 1; }

if [ ${#NOT_RUN[@]} -gt 0 ]; then
  echo "benchmarks that could not run: ${NOT_RUN[*]}"
  exit 1
fi
echo "done in $(( $(date +%s) - BENCH_START )) s: bench/RESULTS.md"
