# Singlecam. `make run` opens the app, `make test` runs every test; both
# first install whatever is missing (see .ci/install-deps).

GO ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Fyne complains at start-up when the locale is plain C, as on a bare server.
ifeq ($(filter-out C POSIX,$(or $(LANG),C)),)
export LANG := C.UTF-8
endif

.PHONY: all deps test-deps run demo simulate build test vet lint bench clean

all: build

deps:
	@.ci/install-deps

test-deps:
	@.ci/install-deps test

## run: open the app (demo mode when no API key is known)
run: deps
	$(GO) run .

## demo: open the app in demo mode, against the built-in simulator
demo: deps
	$(GO) run . --demo

## simulate: run the Move API simulator in the foreground
simulate: deps
	$(GO) run . simulate

build: deps
	$(GO) build -o singlecam .

## test: every test, with the race detector, then the key through a real
## keyring (gnome-keyring in a private D-Bus session)
test: test-deps
	$(GO) test -race -count=1 ./...
	dbus-run-session -- sh -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
	  REAL_KEYRING=1 $(GO) test -count=1 -run TestRealKeyring -v ./core/secrets'

## vet: gofmt and go vet, here and for the other desktop systems' core
vet: deps
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./core/...
	GOOS=darwin CGO_ENABLED=0 $(GO) vet ./core/...

## lint: vet plus staticcheck (fetched through the Go module proxy)
lint: vet
	$(GO) run $(STATICCHECK) ./...

## bench: benchmarks (not part of `make test`)
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -f singlecam
