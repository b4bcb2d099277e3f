# initscope — the two commands a new machine needs: `make report` and `make test`.
# Both install what is missing first (Debian packages, once), so a fresh machine works.

SHELL := /bin/bash
SWIFT ?= swift
OUTPUT ?= Output
APT_PACKAGES := libcairo2-dev libpng-dev libopenblas-pthread-dev zlib1g-dev pkg-config \
                fonts-dejavu-core dataset-fashion-mnist
# The test suite also opens the report in headless Chromium, with the network cut off.
TEST_PACKAGES := chromium
# apt-get needs root; use sudo when we are not root and it exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps deps-test install-missing build test test-slurm report bench fuzz fuzz-build test-asan clean

all: build

## deps: install the Debian packages that are missing (apt-get update runs once, only then)
deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES)"

deps-test:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(APT_PACKAGES) $(TEST_PACKAGES)"

install-missing:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

## build: release build of the initscope binary (.build/release/initscope)
build: deps
	$(SWIFT) build -c release --product initscope

## test: the whole test suite (Swift Testing), including the report opened in Chromium,
## then the Slurm check below (about 45 s on a fresh machine, most of it apt)
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory test-slurm-only

## test-slurm: a one-node Slurm cluster on localhost (slurm-wlm, munge) runs a small sweep as a
## job array of `initscope run --shard K/N`; `initscope merge` must equal a single-process run
test-slurm: deps-test
	$(SWIFT) build --product initscope
	@$(MAKE) --no-print-directory test-slurm-only

test-slurm-only:
	@$(MAKE) --no-print-directory install-missing PACKAGES="slurm-wlm munge"
	BIN=$(CURDIR)/.build/debug/initscope bash Tests/slurm/test-slurm.sh

## report: train the default suite (udacity preset), write $(OUTPUT)/report.html and metrics.json
report: build
	.build/release/initscope run --output $(OUTPUT)
	@echo "Report: $(abspath $(OUTPUT))/report.html ($$(du -h $(OUTPUT)/report.html | cut -f1))"

## bench: initscope vs PyTorch (plain and with a hand-made report) on the default suite,
## alternating repeats, medians and ratios in Benchmarks/results/latest.md (about 25 minutes;
## installs CPU PyTorch and matplotlib into .build-bench/venv). Not part of `make test`.
bench: deps
	bash Benchmarks/bench.sh

## fuzz: libFuzzer on every parser of outside bytes (FUZZ_TARGETS: idx gzip csv config), each
## for FUZZ_SECONDS (default 60), one after the other, from the seeds in Fixtures/fuzz/<target>/.
## Stops at the first crash, hang or oversized allocation and leaves the input in
## .fuzz/artifacts/<target>/; a fixed one goes to Fixtures/fuzz/regressions/<target>/,
## which `make test` replays. More: docs/fuzzing.md.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= idx gzip csv config
FUZZ_DRIVERS := FuzzIDX FuzzGzip FuzzCSV FuzzConfig
# Instrumented for libFuzzer and AddressSanitizer, Swift and C (Yams' libyaml) alike; lld links
# (gold stopped with an internal error here). The drivers exist only with INITSCOPE_FUZZ=1.
FUZZ_SWIFT_FLAGS := --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
                    -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do Fuzz/run-fuzzer.sh $$target $(FUZZ_SECONDS) || exit 1; done

## fuzz-build: only the fuzz drivers, in .build-fuzz/debug/Fuzz{IDX,Gzip,CSV,Config}
fuzz-build: deps
	@set -o pipefail; for driver in $(FUZZ_DRIVERS); do \
	  INITSCOPE_FUZZ=1 $(SWIFT) build $(FUZZ_SWIFT_FLAGS) --product $$driver 2>&1 \
	    | { grep -v "Cannot export local symbol" || true; } || exit 1; \
	done

## test-asan: the whole test suite under AddressSanitizer, in its own build folder (slow:
## see docs/fuzzing.md for how long, and for what its failures mean). Leak checking is off:
## Foundation's Process, fontconfig and ArgumentParser leave allocations at exit, and the
## report it prints changes the CLI's exit status, which the suite checks.
test-asan: deps-test
	$(SWIFT) build --build-tests --scratch-path .build-asan -Xswiftc -sanitize=address
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --scratch-path .build-asan -Xswiftc -sanitize=address

clean:
	rm -rf .build .build-fuzz .build-asan
