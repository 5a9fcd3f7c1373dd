# Spiegel: build the static calculator into static/ and run every test.
#
#   make run    build, then serve static/ on http://127.0.0.1:8080
#   make test   vet, generated-code check, unit tests, wasm tests under Node, e2e

GOROOT := $(shell go env GOROOT)
DRIVER_DIR := $(CURDIR)/.cache/pwdriver

.PHONY: build
build:
	go tool templ generate -path web
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o static/spiegel.wasm ./cmd/spiegel-wasm
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" static/wasm_exec.js
	go run ./web/cmd/render -out static

.PHONY: run
run: build
	go run ./cmd/spiegel serve -dir static -addr 127.0.0.1:8080

.PHONY: test
test: vet generate-check unit wasmtest e2e

.PHONY: vet
vet:
	go vet ./...
	go vet -tags e2e ./e2e/...

# generate-check fails when the committed *_templ.go files are not what templ
# generates from the committed *.templ sources.
.PHONY: generate-check
generate-check:
	go tool templ generate -path web
	git diff --exit-code -- web
	@new=$$(git ls-files --others --exclude-standard -- 'web/*_templ.go'); \
	  test -z "$$new" || { echo "generated but not committed: $$new" >&2; exit 1; }

.PHONY: unit
unit:
	go test ./...

.PHONY: wasmtest
wasmtest:
	PATH="$(GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm go test ./scoring/... ./wasm/...

.PHONY: e2e
e2e: build test-deps
	PLAYWRIGHT_DRIVER_PATH="$(DRIVER_DIR)" PLAYWRIGHT_NODEJS_PATH="$$(command -v node)" \
	  go test -tags e2e -count=1 ./e2e/...

.PHONY: test-deps
test-deps:
	bash .ci/install-test-deps.sh

# clean removes build output and e2e screenshots; the downloaded test
# dependencies in .cache/ stay.
.PHONY: clean
clean:
	find static -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf e2e/out
