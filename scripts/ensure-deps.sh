#!/usr/bin/env bash
# Installs what replylint needs from the system: ICU and Snowball headers and libraries,
# and for the tests Python's jsonschema (the JSON and SARIF reports are validated against
# schemas) and pre-commit (the hook test).
# As root it installs them; otherwise it prints the exact command and fails.
set -euo pipefail

missing=()
[ -f /usr/include/unicode/ubrk.h ] || missing+=(libicu-dev)
[ -f /usr/include/libstemmer.h ] || missing+=(libstemmer-dev)
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

python_missing=()
if [ "${1:-}" = "--test" ]; then
  python3 -c 'import jsonschema' 2>/dev/null || python_missing+=(jsonschema)
  command -v pre-commit >/dev/null || python_missing+=(pre-commit)
fi
if [ ${#python_missing[@]} -gt 0 ]; then
  if python3 -m pip --version >/dev/null 2>&1; then
    echo "Installing Python's ${python_missing[*]} ..."
    python3 -m pip install -q "${python_missing[@]}"
  else
    echo "The tests need Python 3 with: python3 -m pip install ${python_missing[*]}" >&2
    exit 1
  fi
fi
