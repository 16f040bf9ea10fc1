#!/usr/bin/env bash
# Runs every test. Installs what the tests need and the machine lacks: Node.js for the external
# client test (Debian's nodejs and npm), and that client's packages (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d tests/Clients/node/node_modules/@grpc/grpc-js ]; then
  (cd tests/Clients/node && npm ci --silent --no-audit --no-fund)
fi
exec dotnet test Matching.sln --nologo "$@"
