# coopstat — the two commands a newcomer needs are `make report` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN = .build/release/coopstat
SYSTEM_PACKAGES = pkg-config libxlsxwriter-dev

.PHONY: report test build release sample clean deps test-deps fuzz bench check-office soak

# Installs the system packages the build needs when they are missing (apt-get as root; otherwise
# prints the exact command and stops).
deps:
	@missing=""; \
	pkg-config --exists xlsxwriter 2>/dev/null || missing="$(SYSTEM_PACKAGES)"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$(SYSTEM_PACKAGES)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing $$missing"; \
	    (apt-get install -y -qq $$missing >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $$missing)) ; \
	  else \
	    echo "missing system packages; run: sudo apt-get update && sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

# The tests' own tool: GNU FriBidi lays the Arabic report out as an RTL terminal does. Installed
# when missing and possible; otherwise the Arabic bidi tests skip, saying so.
test-deps:
	@command -v fribidi >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get install -y -qq libfribidi-bin >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libfribidi-bin >/dev/null 2>&1)) \
	      || echo "could not install libfribidi-bin: the Arabic bidi tests will be skipped"; \
	  else \
	    echo "fribidi missing (sudo apt-get install -y libfribidi-bin): the Arabic bidi tests will be skipped"; \
	  fi; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product coopstat

# Builds in release mode and runs the pipeline on the bundled registries into reports/.
report: release
	$(RELEASE_BIN) run --input datasets/registries --output reports

test: deps test-deps
	$(SWIFT) test --disable-swift-testing

# Regenerates datasets/registries with the default seed.
sample: release
	rm -rf datasets/registries
	$(RELEASE_BIN) sample --output datasets/registries

fuzz: deps
	bash Tests/Fuzz/run.sh

clean:
	rm -rf .build .build-* reports/coopstat* reports/tables reports/summary.json reports/rejects.csv

# Kills refreshes at random moments (issue 6); numbers are printed at the end.
soak: release
	bash Tests/Soak/soak.sh

# Side-by-side benchmark against pandas, Polars and DuckDB (issue 7); writes bench/RESULTS.md.
bench: release
	bash bench/run.sh

# Opens the workbook in LibreOffice headless and checks the totals it computes (issue 5).
check-office: release
	bash Tests/Office/check-office.sh
