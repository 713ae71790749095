#!/usr/bin/env bash
# The integration tests run a real Prometheus server (Debian package `prometheus`). When it is
# present this does nothing. When it is missing, it installs it as root (CI, containers); as any
# other user it says how, rather than ask for a password in the middle of `npm test`. The tests
# fail, never skip, without it.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1 || [ -x "${PROMETHEUS_BIN:-/nonexistent}" ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<'MSG'
The integration tests need Prometheus 2.x and it is not installed.
  Debian/Ubuntu: sudo apt-get install prometheus
  macOS:         brew install prometheus
  elsewhere:     put the prometheus binary on PATH, or set PROMETHEUS_BIN to its path
Then run npm test again.
MSG
  exit 1
fi
echo "Installing the Debian package prometheus for the integration tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq prometheus >/dev/null 2>&1 || {
  apt-get update -qq
  apt-get install -y -qq prometheus >/dev/null
}
prometheus --version 2>&1 | head -1
