# Sourced by the ensure-*.sh scripts: Debian packages the tests need, installed only when this user may.

# Whether packages can be installed here: root, on a system with apt-get.
can_apt_install() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1
}

# Installs the packages quietly; the package lists are refreshed only when the first try fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 || {
    apt-get update >/dev/null && apt-get install -y --no-install-recommends "$@" >/dev/null
  }
}
