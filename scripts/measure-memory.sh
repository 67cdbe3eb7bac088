#!/usr/bin/env bash
# Lints two generated files with the release binary and prints time and peak memory (VmHWM,
# as maximum resident set size): a file of one 5 MB line with a finding at its end, and a
# file of SIZE megabytes (default 200) of the fixtures' replies repeated.
#   scripts/measure-memory.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-200}"
scripts/ensure-deps.sh
swift build -c release --product replylint >/dev/null
binary="$PWD/.build/release/replylint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$megabytes" <<'PY'
import pathlib, sys
work, megabytes = pathlib.Path(sys.argv[1]), int(sys.argv[2])
filler = "Спасибо за письмо, Paldies par vēstuli, thanks for writing. " * (5_000_000 // 80)
(work / "line.txt").write_text(filler + "Вам следовало прочитать договор.")
replies = "\n\n".join(p.read_text() for p in sorted(pathlib.Path("fixtures").glob("*/*.txt")))
with open(work / "big.txt", "w") as out:
    written = 0
    while written < megabytes * 1_000_000:
        written += out.write(replies + "\n\n")
PY

measure() {
  local file="$1" size
  size=$(stat -c %s "$file")
  # GNU time's %M is the peak resident set size in kilobytes, the VmHWM the kernel keeps.
  /usr/bin/time -o "$work/time" -f '%M %e' "$binary" lint --format json "$file" >"$work/report.json" 2>"$work/stderr" || true
  # The last line: GNU time puts "Command exited with non-zero status 1" (findings) before it.
  read -r peak seconds < <(tail -n 1 "$work/time")
  python3 - "$work/report.json" "$file" "$size" "$peak" "$seconds" <<'PY'
import json, sys
report, name, size, peak, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
files = json.load(open(report))["files"]
diagnostics = files[0]["diagnostics"]
last = max((d for d in diagnostics if d["length"]), key=lambda d: d["offset"], default=None)
where = f'last finding {last["line"]}:{last["column"]} {last["rule"]} «{last["excerpt"]}»' if last else "no span findings"
print(f"{name.split('/')[-1]}: {size / 1e6:.1f} MB in {seconds:.1f} s, peak memory {peak / 1024:.0f} MiB "
      f"({peak * 1024 / size:.1f}× the file), {len(diagnostics)} findings, {where}")
PY
}
measure "$work/line.txt"
measure "$work/big.txt"
