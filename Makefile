# The two commands (see README.md):
#   make run   — set up, build, and run plantrack on the bundled Plans/
#   make test  — set up, build, and run the tests
# Both install the Debian packages they need (libgit2-dev, libyaml-dev) when missing.

SWIFT ?= swift

.PHONY: run test setup build

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

run: build
	@scripts/run

test: setup
	$(SWIFT) test
