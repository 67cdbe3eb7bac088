#!/usr/bin/env bash
# Proves the two ways replylint guards commits, in a scratch git repository:
#  1. `replylint install-hook` (the binary built by `swift build`);
#  2. the pre-commit framework using this repository's .pre-commit-hooks.yaml (it builds
#     replylint itself in release mode, so the first run takes a few minutes).
# Each must block a commit of a blaming reply and let a good one through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/debug/replylint"
[ -x "$binary" ] || (cd "$root" && swift build --product replylint >/dev/null)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export GIT_AUTHOR_NAME=replylint GIT_AUTHOR_EMAIL=ci@replylint.invalid GIT_COMMITTER_NAME=replylint GIT_COMMITTER_EMAIL=ci@replylint.invalid

bad='Здравствуйте. Вам следовало внимательнее прочитать договор.'
good='Здравствуйте, Анна! Спасибо, что написали: понимаю, как неприятно получить не тот размер.
Простите, это наша ошибка. Завтра до 12:00 курьер привезёт замену — правильную пару — и заберёт эту.
Напишите мне, если что-то пойдёт не так.'

passed=0
expect_commit() { # expect_commit ok|blocked REPO FILE TEXT
  local want=$1 repo=$2 file=$3 text=$4
  printf '%s\n' "$text" > "$repo/$file"
  git -C "$repo" add "$file"
  if git -C "$repo" commit -q -m "add $file" >"$scratch/out" 2>&1; then got=ok; else got=blocked; fi
  if [ "$got" != "$want" ]; then
    echo "FAIL: committing $file in $(basename "$repo") was $got, expected $want" >&2
    cat "$scratch/out" >&2
    exit 1
  fi
  echo "ok: $file $got"
  passed=$((passed + 1))
  [ "$got" = ok ] || git -C "$repo" rm -q --cached "$file"
}

echo "== replylint install-hook"
repo="$scratch/hooked"
git init -q "$repo"
(cd "$repo" && "$binary" install-hook >/dev/null)
expect_commit blocked "$repo" blaming.txt "$bad"
expect_commit ok "$repo" good.txt "$good"
(cd "$repo" && ! "$binary" install-hook 2>/dev/null) || { echo "FAIL: install-hook replaced a hook without --force" >&2; exit 1; }
passed=$((passed + 1))

echo "== pre-commit framework"
command -v pre-commit >/dev/null || python3 -m pip install -q pre-commit
repo="$scratch/framework"
git init -q "$repo"
# The hook repository at this commit, as a user's configuration names it (rev must be a commit).
source_repo="$scratch/replylint"
git clone -q "$root" "$source_repo"
if [ -n "$(git -C "$root" status --porcelain -- Sources Package.swift .pre-commit-hooks.yaml lexicons)" ]; then
  # Uncommitted work: test it as the next commit would be.
  (cd "$root" && git ls-files -m -o --exclude-standard -- Sources Package.swift .pre-commit-hooks.yaml lexicons) \
    | while read -r path; do mkdir -p "$source_repo/$(dirname "$path")"; cp "$root/$path" "$source_repo/$path"; done
  git -C "$source_repo" add -A && git -C "$source_repo" commit -q -m "uncommitted work under test"
fi
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $source_repo
    rev: $(git -C "$source_repo" rev-parse HEAD)
    hooks: [{id: replylint}]
YAML
git -C "$repo" add .pre-commit-config.yaml && git -C "$repo" commit -q -m "pre-commit configuration"
(cd "$repo" && pre-commit install >/dev/null && pre-commit install-hooks)
expect_commit blocked "$repo" blaming.txt "$bad"
expect_commit ok "$repo" good.txt "$good"
echo "hooks: $passed passed, 0 failed"
