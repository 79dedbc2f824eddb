#!/usr/bin/env bash
# Set up datamap on a fresh machine: system packages (when run as root), a virtualenv in .venv,
# and the package itself. `--dev` adds what the tests need.
#
#   bash scripts/setup.sh          # run datamap
#   bash scripts/setup.sh --dev    # run datamap and its tests
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

# Fonts for Korean PDFs, poppler to read PDFs back, Graphviz for lineage diagrams,
# Chromium and its driver for the browser test of the site.
system_packages=(fonts-nanum fontconfig graphviz libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
[ "$dev" = 1 ] && system_packages+=(poppler-utils chromium chromium-driver)

missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fc-cache -f >/dev/null 2>&1 || true
  else
    echo "setup: please install these system packages: ${missing[*]}" >&2
    exit 1
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[dev]'
else
  .venv/bin/python -m pip install -q .
fi
echo "setup: done (.venv/bin/datamap)"
