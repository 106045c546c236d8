#!/usr/bin/env bash
# The whole test suite of microsec-lint, set-up included. On a fresh machine
# with Go, Node.js and npm, and access to the Go module proxy and the npm
# registry, this is the only command to run:
#
#	bash scripts/test.sh          # everything (several minutes)
#	bash scripts/test.sh -short   # skips the slowest end-to-end tests
#
# It installs into .tools/ (ignored by git): Microsoft's SARIF Multitool from
# npm and staticcheck from the Go module proxy. It downloads the Go modules
# that the test fixtures type-check against into the module cache, because
# analysistest runs the go command with GOPROXY=off.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.tools
mkdir -p "$tools/bin" "$tools/npm"

step() { printf '== %s\n' "$*" >&2; }

step "download Go modules (main module and test fixtures)"
go mod download
# Each fixture module under a testdata folder has its own go.mod and go.sum;
# listing its packages with their tests fetches exactly what they import.
# A fixture that analyses packages of its dependencies (the corpus test)
# lists their patterns in a file go-list-patterns beside its go.mod.
find . -path ./.tools -prune -o -name go.mod -path '*testdata*' -print | sort | while read -r mod; do
	(cd "$(dirname "$mod")" && go list -deps -test ./... >/dev/null &&
		if [ -f go-list-patterns ]; then go list -deps -test $(cat go-list-patterns) >/dev/null; fi) || {
		echo "scripts/test.sh: cannot download the modules of $mod" >&2
		exit 1
	}
done

step "download golangci-lint and the modules it builds with the plugin (plugin/e2e_test.go)"
# The same preparation as the test, which runs offline: golangci-lint's
# module source, our plugin imported and replaced by this checkout, tidy.
gcl=$(mktemp -d)
gcl_version=$(sed -n 's/^version: *//p' .golangci-plugin.yml)
gcl_dir=$(go mod download -json "github.com/golangci/golangci-lint/v2@$gcl_version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
cp -R "$gcl_dir" "$gcl/src" && chmod -R u+w "$gcl/src"
(cd "$gcl/src" &&
	printf 'package main\n\nimport _ "github.com/microsec-lint/microsec-lint/plugin"\n' >cmd/golangci-lint/plugins.go &&
	go mod edit -require=github.com/microsec-lint/microsec-lint@v0.0.0-00010101000000-000000000000 \
		-replace=github.com/microsec-lint/microsec-lint="$root" &&
	GOWORK=off GOFLAGS=-mod=mod go mod tidy) || {
	echo "scripts/test.sh: cannot download the modules of golangci-lint $gcl_version" >&2
	exit 1
}
rm -rf "$gcl"

step "install SARIF Multitool 5.7.0 (npm)"
multitool=$tools/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ]; then
	npm install --silent --no-audit --no-fund --prefix "$tools/npm" @microsoft/sarif-multitool@5.7.0
	# npm does not run the package's postinstall, which would set this bit.
	chmod +x "$multitool"
fi
export MICROSEC_SARIF_MULTITOOL=$multitool

step "install staticcheck v0.8.2"
if [ ! -x "$tools/bin/staticcheck" ]; then
	GOBIN=$tools/bin go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi

# Tests that need the tools above fail rather than skip when this is set.
export MICROSEC_REQUIRE_TOOLS=1

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' | grep -v '/testdata/'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:" >&2
	echo "$unformatted" >&2
	exit 1
fi

step "go vet"
go vet ./...

step "staticcheck"
"$tools/bin/staticcheck" ./...

step "microsec-lint on its own code"
# The same bar as we sell: every rule, tests included, must be clean here.
# vulncheck is left to the tests, which give it fixture databases: what it
# reports for this module is the standard library of the toolchain that
# runs the tests, not our code.
# Notes exit 0, so any output at all fails the step.
self=$(go run ./cmd/microsec-lint -progress=never -vuln=false ./... 2>&1) || {
	printf '%s\n' "$self" >&2
	exit 1
}
if [ -n "$self" ]; then
	printf '%s\n' "$self" >&2
	echo "scripts/test.sh: microsec-lint reports on its own code" >&2
	exit 1
fi

step "go test"
go test -timeout 75m "$@" ./...

step "go test -race (the packages whose goroutines share state)"
# The driver runs units side by side; dataflow lends SSA programs and
# shares built packages between sqlconcat and cmdinjection; the language
# server schedules, analyses and publishes from goroutines of its own.
go test -race -short -timeout 20m ./internal/driver ./internal/dataflow ./analyzers/cmdinjection ./analyzers/sqlconcat ./internal/lsp
