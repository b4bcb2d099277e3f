# initscope — the two commands a new machine needs: `make report` and `make test`.
# Both install what is missing first (Debian packages, once), so a fresh machine works.

SHELL := /bin/bash
SWIFT ?= swift
OUTPUT ?= Output
APT_PACKAGES := libcairo2-dev libpng-dev libopenblas-pthread-dev zlib1g-dev pkg-config \
                fonts-dejavu-core dataset-fashion-mnist
# apt-get needs root; use sudo when we are not root and it exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps build test report clean

all: build

## deps: install the Debian packages that are missing (apt-get update runs once, only then)
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
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

## test: the whole test suite (Swift Testing)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## report: train the default suite (udacity preset) and write $(OUTPUT)/metrics.json
report: build
	.build/release/initscope run --output $(OUTPUT)
	@echo "Results: $(abspath $(OUTPUT))/metrics.json"

clean:
	rm -rf .build
