#!/usr/bin/env bash
# The W3C Nu HTML checker (vnu.jar, from the npm package vnu-jar) runs on Java 11 or later, in the e2e tests
# (tests/e2e/html-validity.spec.ts). The package's own Java downloader is not run (package.json `allowScripts`).
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
if command -v java >/dev/null 2>&1; then
  echo "java: $(command -v java)"
  exit 0
fi
if can_apt_install; then
  echo "Java is missing: installing Debian's default-jre-headless package…"
  apt_install default-jre-headless
  command -v java >/dev/null 2>&1 && { echo "java: $(command -v java)"; exit 0; }
fi
cat >&2 <<MSG
The HTML validity test needs Java (11 or later) for the W3C Nu HTML checker, and it is not installed.
Install it and run again, for example:
  sudo apt-get install -y default-jre-headless
MSG
exit 1
