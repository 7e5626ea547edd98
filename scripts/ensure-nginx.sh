#!/usr/bin/env bash
# The production topology (deploy/nginx) is tested and benchmarked with Debian's nginx.
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
binary="${NGINX_PATH:-}"
[ -z "$binary" ] && binary="$(command -v nginx || true)"
[ -z "$binary" ] && [ -x /usr/sbin/nginx ] && binary=/usr/sbin/nginx
if [ -n "$binary" ] && [ -x "$binary" ]; then
  echo "nginx: $binary"
  exit 0
fi
if can_apt_install; then
  echo "nginx is missing: installing Debian's nginx package…"
  apt_install nginx
  # Only the binary is used (each run gets its own config and folders): the package's own service stays off.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
  [ -x /usr/sbin/nginx ] && { echo "nginx: /usr/sbin/nginx"; exit 0; }
fi
cat >&2 <<MSG
The production-topology test and the benchmarks need nginx, and it is not installed.
Install it and run again, for example:
  sudo apt-get install -y nginx
or point NGINX_PATH at an nginx binary.
MSG
exit 1
