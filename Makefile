# rampart build, run and test entry points. See README.md.
export PATH := /usr/local/go/bin:$(PATH)
GO    ?= go
BIN   := bin/rampart
PKGS  := ./...

.PHONY: all build run test test-long test-fma test-arm64 bench fuzz fixtures clean browser-deps postgres-deps parquet-deps

all: build

build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/rampart

## run: build, then fly the embedded default scenario
run: build
	./$(BIN) run

## test: vet and the whole test suite (slow statistical runs excluded: see test-long);
## the browser, PostgreSQL and second-Parquet-reader tests are required to run, not skipped
test: browser-deps postgres-deps parquet-deps
	$(GO) vet $(PKGS)
	$(GO) tool staticcheck $(PKGS)
	RAMPART_BROWSER=require RAMPART_POSTGRES=require RAMPART_PARQUET=require $(GO) test -short -count=1 $(PKGS)

## browser-deps: Chromium and the pinned CesiumJS for the CZML browser test
browser-deps:
	scripts/browser-deps.sh

## parquet-deps: node and the pinned hyparquet (npm ci in test/parquet), the
## independent reader that the Parquet read-back test runs
parquet-deps:
	scripts/parquet-deps.sh

## postgres-deps: Debian's postgresql for the run store's tests, which start and
## stop their own server through scripts/postgres-test.sh
postgres-deps:
	scripts/postgres-test.sh install

## test-fma: the suite built for x86-64-v3, where the compiler fuses multiply-adds (FMA)
test-fma:
	GOAMD64=v3 $(GO) test -short -count=1 $(PKGS)

## test-arm64: the suite cross-compiled for arm64 and run under qemu-user (slow: about 15 minutes)
test-arm64:
	command -v qemu-aarch64 >/dev/null || (apt-get update -qq && apt-get install -y -qq qemu-user)
	GOARCH=arm64 $(GO) test -short -count=1 -timeout 60m -exec qemu-aarch64 $(PKGS)

## test-long: the whole suite including the slow statistical and sweep tests
test-long:
	$(GO) test -count=1 -timeout 30m $(PKGS)

## bench: every benchmark, with allocations (BENCH selects, BENCHFLAGS adds
## flags: make bench PKGS=./internal/sim BENCH=Europe BENCHFLAGS='-benchtime 3s -count 3')
BENCH      ?= .
BENCHFLAGS ?=
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem $(BENCHFLAGS) $(PKGS)

## fuzz: each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
FUZZMINIMIZETIME ?= 5s
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) $$pkg || exit 1; \
	  done; \
	done

## fixtures: regenerate the GeographicLib reference fixtures (needs apt)
fixtures:
	command -v GeodSolve >/dev/null || (apt-get update && apt-get install -y geographiclib-tools)
	scripts/geodfixture.sh

clean:
	rm -rf bin
