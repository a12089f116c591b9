#!/usr/bin/env bash
# `npm run demo`: MQ Lens live in a real VS Code (code-server, in the browser) on a copy of examples/.
# Builds and installs the VSIX, prints the URL, and stops everything it started on Ctrl+C.
# MQ_LENS_DEMO_PORT chooses the port (default 8080); the server listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/tools-env.sh"
source "$(dirname "$0")/code-server.sh"
cd "$ROOT"
PORT=${MQ_LENS_DEMO_PORT:-8080}
bash scripts/install-test-tools.sh
export PATH="$N24/bin:$PATH"
[ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund
bash scripts/package.sh
DEMO=$(mktemp -d /tmp/mql-demo.XXXXXX)
trap 'stop_code_server; rm -rf "$DEMO"; echo; echo "MQ Lens demo stopped."' EXIT
trap 'exit 0' INT TERM
# A copy, so that quick fixes tried in the demo never change the repository's examples.
cp -r examples "$DEMO/examples"
start_code_server "$DEMO/cs" "$PORT" "$ROOT/dist/mq-lens.vsix"
cat <<MSG

  MQ Lens is running in VS Code at:

      http://127.0.0.1:$PORT/?folder=$DEMO/examples

  Open checkout-service/producer.properties: the Problems panel shows the linger.ms warning, hovering
  linger.ms shows its note, and Ctrl+. offers the quick fix. Press Ctrl+C to stop.

MSG
wait "$CS_PID"
