# The two commands (see README.md):
#   make run   — set up, build, and run plantrack on the bundled Plans/
#   make test  — set up, check the formatting, build, run the tests, then fuzz each target briefly
# Both install the Debian packages they need (libgit2-dev, libyaml-dev) when missing; `make test`
# also the servers the transport tests start (scripts/setup --test, docs/development.md).

SWIFT ?= swift

.PHONY: run test setup setup-test build lint format

# The sources as `.swift-format` says (the toolchain's `swift format`); `make format` fixes them.
FORMATTED = Sources Tests Plugins Package.swift Fuzz/Sources Fuzz/Package.swift

setup:
	@scripts/setup

setup-test:
	@scripts/setup --test

build: setup
	$(SWIFT) build

run: build
	@scripts/run

lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

test: setup-test lint
	$(SWIFT) test
	@FUZZ_RUNS=$(FUZZ_SMOKE_RUNS) scripts/fuzz

# make bench — release build, national-scale benchmark against git/libyaml floors and Python
# peers (docs/performance.md). Not part of `make test` or CI. QUICK=1: small workspace only.
# BASELINE=<rev>: also time plantrack of that commit, in the same run, with each time's ratio.
.PHONY: bench
bench: setup
	@BENCH_QUICK=$(QUICK) BENCH_BASELINE=$(BASELINE) bench/run

# make fuzz — builds the libFuzzer targets of Fuzz/ (-sanitize=fuzzer,address, into .build-fuzz)
# and runs each for FUZZ_SECONDS (default 60) seconds; make fuzz-smoke runs each for 10 s.
# `make test` (and so .ci/run) ends with FUZZ_SMOKE_RUNS (1000) inputs per target from a fixed
# seed (docs/development.md, "Fuzzing", says why and how long it takes).
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 1000
.PHONY: fuzz fuzz-smoke
fuzz: setup
	@scripts/fuzz $(FUZZ_SECONDS)

fuzz-smoke: setup
	@scripts/fuzz 10
