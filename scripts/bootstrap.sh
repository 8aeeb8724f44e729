#!/usr/bin/env bash
# Sets up everything pledgetrack needs on a fresh machine: the virtualenv with pinned
# Python packages and, for the test suite, Debian packages (tesseract with Korean data,
# poppler, Korean fonts, Chromium, PostgreSQL, Java with Lucene for the Nori baseline).
# Usage: scripts/bootstrap.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-runtime}"
venv=.venv
py="${PYTHON:-python3}"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "bootstrap: missing Debian packages (install them as root): ${missing[*]}" >&2
    return 0
  fi
  echo "bootstrap: apt-get install ${missing[*]}"
  if [ ! -f /tmp/.pledgetrack-apt-updated ]; then
    apt-get update -qq && touch /tmp/.pledgetrack-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

runtime_debs=(tesseract-ocr tesseract-ocr-kor poppler-utils fonts-nanum)
test_debs=(chromium postgresql liblucene8-java)
apt_install "${runtime_debs[@]}"
[ "$profile" = test ] && apt_install "${test_debs[@]}"

[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
extras=""
[ "$profile" = test ] && extras="[test]"
stamp="$venv/.installed-$profile-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$venv/bin/python" -m pip install -q -e ".$extras"
  touch "$stamp"
fi
