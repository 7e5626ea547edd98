#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (never a browser downloaded by Playwright).
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "Chromium: $browser"
  exit 0
fi
if can_apt_install; then
  echo "Chromium is missing: installing Debian's chromium package…"
  apt_install chromium
  [ -x /usr/bin/chromium ] && { echo "Chromium: /usr/bin/chromium"; exit 0; }
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at $browser, and it is not there.
Install it and run the tests again, for example:
  sudo apt-get install -y chromium
or point CHROMIUM_PATH at another Chromium or Chrome binary.
MSG
exit 1
