# Sourced: starts and stops an isolated code-server (real VS Code server + Node extension host) for tests and the demo.
# Needs tools-env.sh sourced first. Everything it writes stays under $CS_HOME.

# start_code_server CS_HOME PORT VSIX [extra code-server args…]: installs the VSIX, starts the server, waits for it.
start_code_server() {
  CS_HOME=$1; CS_PORT=$2; local vsix=$3; shift 3
  mkdir -p "$CS_HOME"/{user/User,ext,xdg,tmp}
  # Quiet, offline-friendly defaults; no AI side bar, no update checks, no welcome page.
  cat > "$CS_HOME/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 150,
  "window.commandCenter": false
}
JSON
  local env=(XDG_CONFIG_HOME="$CS_HOME/xdg" XDG_DATA_HOME="$CS_HOME/xdg" TMPDIR="$CS_HOME/tmp")
  env "${env[@]}" "$N24/bin/node" "$CS_ENTRY" --user-data-dir "$CS_HOME/user" --extensions-dir "$CS_HOME/ext" \
    --install-extension "$vsix" >"$CS_HOME/install.log" 2>&1 || { cat "$CS_HOME/install.log"; return 1; }
  # setsid: the server, its extension hosts and watchers share one process group, stopped together.
  env "${env[@]}" setsid "$N24/bin/node" "$CS_ENTRY" --user-data-dir "$CS_HOME/user" --extensions-dir "$CS_HOME/ext" \
    --bind-addr "127.0.0.1:$CS_PORT" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust \
    --reconnection-grace-time 5 "$@" >"$CS_HOME/code-server.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$CS_PORT/healthz" && return 0
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "code-server did not start; its log:" >&2
  cat "$CS_HOME/code-server.log" >&2
  return 1
}

# Safe under `set -e` and in traps: the group may already be gone, which is not an error.
stop_code_server() {
  [ -n "${CS_PID:-}" ] || return 0
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$CS_PID" 2>/dev/null || true
  CS_PID=
}

# A free TCP port on 127.0.0.1.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
