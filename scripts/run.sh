#!/usr/bin/env bash
# Build microsec-lint from this checkout and run it on a Go module:
#
#	bash scripts/run.sh DIR [flags] [packages]
#
# DIR is the module's directory; flags and packages are microsec-lint's
# (packages default to ./...). The exit status is microsec-lint's.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ]; then
	echo "usage: bash scripts/run.sh DIR [flags] [packages]" >&2
	exit 2
fi
dir=$1
shift
mkdir -p "$repo/.tools/bin"
(cd "$repo" && go build -o .tools/bin/microsec-lint ./cmd/microsec-lint)
cd "$dir"
exec "$repo/.tools/bin/microsec-lint" "$@"
