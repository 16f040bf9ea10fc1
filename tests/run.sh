#!/usr/bin/env bash
# Runs every test. Installs what the tests need and the machine lacks: redis-server for the Redis
# storage adapter's contract tests, Node.js for the external client and the OIDC provider of the
# tests (Debian's nodejs and npm), and their packages (npm ci), Debian's Python gRPC client
# (python3-grpcio, for Debian's /usr/bin/python3), Debian's Chromium for the console's browser tests
# (Playwright drives it; nothing is downloaded), and ICU for the console's Dutch dates and numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
/usr/bin/python3 -c 'import grpc' 2>/dev/null || missing+=(python3-grpcio)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/curl ] || missing+=(curl)
ldconfig -p | grep -q libicuuc || missing+=(libicu72)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d tests/Clients/node/node_modules/@grpc/grpc-js ] || [ ! -d tests/Clients/node/node_modules/oidc-provider ]; then
  (cd tests/Clients/node && npm ci --silent --no-audit --no-fund)
fi
# One test project at a time (-m:1): the browser tests and the timing-sensitive integration tests
# (SIGKILLs amid readers, start-up budgets) would otherwise share the machine's cores.
exec dotnet test Matching.sln --nologo -m:1 "$@"
