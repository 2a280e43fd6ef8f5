#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "chromium: installing Debian's chromium" >&2
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >&2
fi
