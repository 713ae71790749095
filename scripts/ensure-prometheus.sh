#!/usr/bin/env bash
# The integration tests run a real Prometheus server (Debian package `prometheus`). Install it
# when it is missing, so `npm test` works on a fresh machine; the tests fail, never skip,
# without it.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1 || [ -x "${PROMETHEUS_BIN:-/nonexistent}" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "prometheus is not installed and apt-get is not available: install Prometheus 2.x and put it on PATH (or set PROMETHEUS_BIN)." >&2
  exit 1
fi
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)
echo "Installing the Debian package prometheus for the integration tests..."
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get install -y -qq prometheus >/dev/null 2>&1 || {
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq prometheus >/dev/null
}
prometheus --version 2>&1 | head -1
