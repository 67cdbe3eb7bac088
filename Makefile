# replylint: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
BIN := .build/debug/replylint

.PHONY: deps run test build lexicons clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build --product replylint

## Lints the bundled sample replies (exit 1 means findings, which samples are meant to have).
run: build
	@$(BIN) lint fixtures; status=$$?; [ $$status -le 1 ]

## Runs every test.
test:
	@scripts/ensure-deps.sh --test
	$(SWIFT) test

## Compiles lexicons/**/*.yml into Sources/ReplyLint/Lexicons/Generated (commit the result).
lexicons: deps
	$(SWIFT) run lexicon-embed .

clean:
	rm -rf .build
