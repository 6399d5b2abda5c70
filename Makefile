# claimpack — see README.md. Every target is phony: build/ and datasets/
# are directories of the project, not outputs of these rules.
.PHONY: all datasets release releases test check vet unit fuzz interop bench golden clean claimpack

GO      ?= go
BIN     := bin/claimpack
FUZZTIME ?= 10s

all: check

claimpack:
	$(GO) build -o $(BIN) ./cmd/claimpack

# Build the package from seeds/ into datasets/next/.
datasets: claimpack
	$(BIN) build -seeds seeds -out datasets/next

# Build and, when the records changed, publish datasets/vX.Y.Z/.
release: claimpack
	$(BIN) release -seeds seeds -datasets datasets

# The fast everyday loop: formatting, vet, unit tests.
check: vet unit

vet:
	@fmt=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$fmt" ]; then echo "gofmt needed:"; echo "$$fmt"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -short ./...

# The whole suite: everything in check, the slow tests, a fuzz smoke run of
# every parser, the interoperability tests with third-party readers, and
# every published release.
test: vet
	$(GO) test -count=1 ./...
	$(MAKE) fuzz
	$(MAKE) interop
	$(MAKE) releases

# Validate every release in datasets/ (its files, index.json, CHANGELOG.md);
# passes when nothing is released yet.
releases: claimpack
	@if [ -f datasets/index.json ]; then $(BIN) validate datasets; \
	elif ls -d datasets/v*/ >/dev/null 2>&1; then \
	  echo "datasets/ has version directories but no index.json" >&2; exit 1; \
	else echo "datasets/: no release yet"; fi

fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$f ($(FUZZTIME))"; \
	    out=$$($(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg 2>&1) || { echo "$$out" | tail -40; exit 1; }; \
	  done; \
	done

# The tools people use (DuckDB, hyparquet, parquet-wasm, pandas,
# LibreOffice, ajv, miller, csvkit) read fresh builds of seeds/ and of the
# formula-guard document in test/interop/formula; scripts/install-interop.sh
# installs them on first use.
interop: claimpack
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN) build -seeds seeds -out "$$tmp/seeds" && \
	$(BIN) build -seeds test/interop/formula -out "$$tmp/formula" && \
	$(BIN) validate "$$tmp/seeds" && $(BIN) validate "$$tmp/formula" && \
	GO=$(GO) scripts/interop.sh "$$tmp/seeds" "$$tmp/formula"

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./... | tee bench.out

# Refresh golden files under testdata/.
golden:
	CLAIMPACK_UPDATE=1 $(GO) test ./...

clean:
	rm -rf bin datasets/next
