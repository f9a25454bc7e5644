#!/bin/sh
# Checks for the system packages the project needs and installs them when run as root on
# Debian/Ubuntu; otherwise says exactly what to install. Usage: system-deps.sh pdf|browser|bench
set -eu

case "${1:-pdf}" in
  pdf)     packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
           present() { ldconfig -p | grep -q libpangoft2-1.0 && ldconfig -p | grep -q libharfbuzz-subset; } ;;
  browser) packages="chromium"
           present() { [ -x /usr/bin/chromium ]; } ;;
  bench)   packages="wrk"
           present() { command -v wrk >/dev/null; } ;;
  *)       echo "usage: $0 pdf|browser|bench" >&2; exit 2 ;;
esac

present && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $packages from Debian's packages..."
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages >/dev/null
  present && exit 0
fi

echo "Missing system packages: $packages" >&2
echo "Install them with:  sudo apt-get install $packages" >&2
exit 1
