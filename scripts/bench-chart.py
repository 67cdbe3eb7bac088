#!/usr/bin/env python3
"""Draws lint and ICU word-break throughput against file size from replylint-bench's JSON.

Usage: bench-chart.py RESULTS.json OUTPUT.png
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write the file only
import matplotlib.pyplot as plt  # noqa: E402


def main(results_path, chart_path):
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    points = results["bySize"]
    sizes = [p["fileBytes"] / 1024 for p in points]
    lint = [p["lint"]["megabytesPerCPUSecond"] for p in points]
    floor = [p["wordBreak"]["megabytesPerCPUSecond"] for p in points]
    large = results["figures"].get("lint, 1 thread, one large file")

    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    ax.plot(sizes, floor, "o--", color="#888888", label="ICU word break (floor)")
    ax.plot(sizes, lint, "o-", color="#1f77b4", label="replylint lint")
    ax.plot(sizes, [f / 2 for f in floor], ":", color="#d62728", label="target: 0.5 × word break")
    if large:
        ax.plot([large["bytes"] / 1024], [large["megabytesPerCPUSecond"]], "s", color="#1f77b4",
                label="lint, one %d MB file" % round(large["bytes"] / 1048576))
    ax.set_xscale("log", base=2)
    ax.set_xlabel("file size (KB)")
    ax.set_ylabel("MB per CPU second, 1 thread")
    ax.set_ylim(bottom=0)
    ax.set_title("replylint throughput against file size (%s)" % results["date"][:10])
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(chart_path)
    print("Chart written to %s" % chart_path)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    main(sys.argv[1], sys.argv[2])
