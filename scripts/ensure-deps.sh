#!/usr/bin/env bash
# Installs what replylint needs from the system: ICU and Snowball headers and libraries; with
# --test also Chromium (a test renders the HTML report in it) and Python's jsonschema (the
# tests validate the JSON and SARIF reports against schemas).
# As root it installs them; otherwise it prints the exact command and fails.
set -euo pipefail

missing=()
[ -f /usr/include/unicode/ubrk.h ] || missing+=(libicu-dev)
[ -f /usr/include/libstemmer.h ] || missing+=(libstemmer-dev)
if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null; then missing+=(chromium); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "replylint needs: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--test" ] && ! python3 -c 'import jsonschema' 2>/dev/null; then
  if command -v pip3 >/dev/null || python3 -m pip --version >/dev/null 2>&1; then
    echo "Installing Python's jsonschema ..."
    python3 -m pip install -q jsonschema
  else
    echo "The tests need Python 3 with jsonschema: python3 -m pip install jsonschema" >&2
    exit 1
  fi
fi
