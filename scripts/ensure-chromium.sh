#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (never a browser downloaded by Playwright).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "Chromium: $browser"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || {
    apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null
  }
  [ -x /usr/bin/chromium ] && { echo "Chromium: /usr/bin/chromium"; exit 0; }
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at $browser, and it is not there.
Install it and run the tests again, for example:
  sudo apt-get install -y chromium
or point CHROMIUM_PATH at another Chromium or Chrome binary.
MSG
exit 1
