#!/usr/bin/env bash
# Benchmarks of microsec-lint against its floor and its peers. One run of
# this script measures everything and writes bench/RESULTS.md and the plots
# bench/time.png and bench/memory.png:
#
#	bash bench/run.sh                       # the full run: 5 runs per cell, N = 10 100 1000
#	bash bench/run.sh -runs 1 -n "10 100" -preliminary   # a quick look
#
# Flags:
#	-runs K        timed runs per cell (default 5); one untimed warm-up run
#	               comes before them, except for go vet with a cold cache
#	-n "N ..."     sizes of the synthetic module (default "10 100 1000")
#	-sets "S ..."  package sets (default "v4 v5 tools synth")
#	-tools "T ..." tools (default: all of them, see TOOLS below)
#	-preliminary   mark RESULTS.md as preliminary
#
# What is measured, per cell: wall time, CPU time (user + system) and peak
# resident set size, by GNU time (/usr/bin/time, Debian package "time").
# Peak RSS is that of the largest single process of the run, as wait4
# reports it: for go vet, which runs one vet process per package, it is not
# the sum of the processes that run at once.
#
# Environment: BENCH_WORK is the scratch folder (default
# /tmp/microsec-lint-bench; package sets, build caches and raw results go
# there); MSL_SRC is the source tree microsec-lint is built from (default
# this checkout). The Go module proxy must be reachable for the set-up; the
# timed runs use only the module cache. Nothing else may run on the machine
# while it measures, or the figures mean little.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.tools/bin
work=${BENCH_WORK:-/tmp/microsec-lint-bench}
src=${MSL_SRC:-$root}

runs=5
sizes="10 100 1000"
sets="v4 v5 tools synth"
TOOLS="floor floor-facts suite suite-edited suite-nocache suite-vuln govet-warm govet-cold gosec staticcheck"
only=$TOOLS
preliminary=0
while [ $# -gt 0 ]; do
	case $1 in
	-runs) runs=$2; shift 2 ;;
	-n) sizes=$2; shift 2 ;;
	-sets) sets=$2; shift 2 ;;
	-tools) only=$2; shift 2 ;;
	-preliminary) preliminary=1; shift ;;
	*) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done

step() { printf '== %s\n' "$*" >&2; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }

[ -x /usr/bin/time ] || die "GNU time is missing: apt-get install time"
mkdir -p "$work/bin" "$work/sets" "$tools"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

step "install gosec v2.30.0 and staticcheck v0.8.2 into .tools/bin"
[ -x "$tools/gosec" ] || GOBIN=$tools go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0
[ -x "$tools/staticcheck" ] || GOBIN=$tools go install honnef.co/go/tools/cmd/staticcheck@v0.8.2

step "build microsec-lint (from $src), the floor and the generator"
# The commit is taken when the binary is built: the tree may change while
# the run measures.
commit=$(cd "$src" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$src" && [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (uncommitted changes)' || true)
(cd "$src" && go build -o "$work/bin/microsec-lint" ./cmd/microsec-lint)
go build -o "$work/bin/floor" ./bench/cmd/floor
go build -o "$work/bin/synth" ./bench/cmd/synth
msl=$work/bin/microsec-lint
help=$("$msl" -h 2>&1 || true)
vulnflag=""
if grep -q -- '-vuln' <<<"$help"; then
	vulnflag=yes
fi
timingflag=""
if grep -q -- '-debug-timing' <<<"$help"; then
	timingflag=yes
fi

# copyModule VERSIONED_PATH NAME copies a module from the module cache into
# a writable folder of its own.
copyModule() {
	local dir
	dir=$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	[ -n "$dir" ] || die "cannot download $1"
	rm -rf "$work/sets/$2"
	cp -r "$dir" "$work/sets/$2"
	chmod -R u+w "$work/sets/$2"
}

step "prepare the package sets: $sets"
setdirs=()
for s in $sets; do
	case $s in
	v4) copyModule go-micro.dev/v4@v4.10.2 v4; setdirs+=(v4) ;;
	v5) copyModule go-micro.dev/v5@v5.12.0 v5; setdirs+=(v5) ;;
	tools) copyModule golang.org/x/tools@v0.52.0 tools; setdirs+=(tools) ;;
	synth)
		for n in $sizes; do
			rm -rf "$work/sets/synth-$n"
			"$work/bin/synth" -n "$n" -o "$work/sets/synth-$n"
			setdirs+=("synth-$n")
		done
		;;
	*) die "unknown package set $s" ;;
	esac
done
for s in "${setdirs[@]}"; do
	# Fetch every module the packages and their tests import.
	(cd "$work/sets/$s" && GOFLAGS=-mod=mod go list -deps -test ./... >/dev/null) || die "cannot download the modules of $s"
done

# command TOOL prints the command line of TOOL, or nothing when it cannot
# run here.
command_of() {
	case $1 in
	floor) echo "env MICROSEC_LINT_CACHE=off $work/bin/floor ./..." ;;
	floor-facts) echo "env MICROSEC_LINT_CACHE=off $work/bin/floor -facts ./..." ;;
	suite) echo "$msl -progress=never ${vulnflag:+-vuln=false} ./..." ;;
	suite-edited) echo "env MICROSEC_LINT_CACHE=$edited $msl -progress=never ${vulnflag:+-vuln=false} ./..." ;;
	suite-nocache) echo "env MICROSEC_LINT_CACHE=off $msl -progress=never ${vulnflag:+-vuln=false} ./..." ;;
	suite-vuln) [ -n "$vulnflag" ] && echo "$msl -progress=never -vuln=true ./..." ;;
	govet-warm) echo "go vet ./..." ;;
	govet-cold) echo "go vet ./..." ;;
	gosec) echo "$tools/gosec -quiet -tests -no-fail -fmt=json -out=$work/gosec.json ./..." ;;
	staticcheck) echo "$tools/staticcheck ./..." ;;
	esac
	return 0
}

# suite-edited has a cache of its own, from which the records of the
# packages analysed are removed before each run (forget_results): it then
# costs what a run after an edit of every package costs, with the
# dependencies' facts from the cache. The other tools' files stay as they
# are, so their caches stay warm.
edited=$work/cache-edited
rm -rf "$edited"
mkdir -p "$edited"
forget_results() {
	# An entry's first line says what it holds (internal/driver/factcache.go).
	find "$edited" -type f -print0 | xargs -0 -r grep -lZ -m 1 -x 'microsec-lint results' | xargs -0 -r rm -f
}

results=$work/results.tsv
printf 'set\ttool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\texit\n' >"$results"

# measure SET TOOL RUN runs TOOL once on SET under GNU time; RUN 0 is the
# warm-up, which is not recorded.
measure() {
	local set=$1 tool=$2 run=$3 cmd cache="" code=0
	cmd=$(command_of "$tool")
	if [ "$tool" = govet-cold ]; then
		cache=$(mktemp -d "$work/gocache.XXXXXX")
	fi
	if [ "$tool" = suite-edited ]; then
		forget_results
	fi
	(
		cd "$work/sets/$set"
		if [ -n "$cache" ]; then export GOCACHE=$cache; fi
		# shellcheck disable=SC2086 # the command line is split on purpose
		/usr/bin/time -f '%e %U %S %M' -o "$work/time.out" $cmd >"$work/stdout.txt" 2>"$work/stderr.txt"
	) || code=$?
	if [ -n "$cache" ]; then
		chmod -R u+w "$cache" && rm -rf "$cache"
	fi
	# GNU time writes "Command exited with non-zero status N" first.
	local times
	times=$(tail -n 1 "$work/time.out")
	if [ "$run" -gt 0 ]; then
		printf '%s\t%s\t%d\t%s\t%d\n' "$set" "$tool" "$run" "$(tr ' ' '\t' <<<"$times")" "$code" >>"$results"
	fi
	printf '   %-10s %-12s run %d: %s (exit %d)\n' "$set" "$tool" "$run" "$times" "$code" >&2
	case $code in
	0 | 1 | 3) ;; # clean, findings (gosec, go vet, staticcheck: 1; microsec-lint: 3) or broken packages
	*) echo "   stderr of that run:" >&2; head -n 5 "$work/stderr.txt" >&2 ;;
	esac
}

# The tools take turns, one run each, so that a machine that slows down or
# speeds up during a set moves every tool's median alike and leaves the
# ratios between them; with each tool's runs in a block, drift of a few
# tenths of a second showed as a change of ratio.
for s in "${setdirs[@]}"; do
	step "measure $s"
	turn=()
	for tool in $only; do
		if [ -z "$(command_of "$tool")" ]; then
			printf '   %-10s %-12s skipped: microsec-lint has no -vuln flag\n' "$s" "$tool" >&2
			continue
		fi
		turn+=("$tool")
		if [ "$tool" != govet-cold ]; then
			measure "$s" "$tool" 0
		fi
	done
	for ((i = 1; i <= runs; i++)); do
		for tool in "${turn[@]}"; do
			measure "$s" "$tool" "$i"
		done
	done
done

timing=$work/timing.txt
: >"$timing"
if [ -n "$timingflag" ]; then
	step "per-analyzer cost (-debug-timing)"
	for s in "${setdirs[@]}"; do
		printf '### %s\n\n```\n' "$s" >>"$timing"
		# Paths inside the set are written relative to it, and a network
		# error keeps its cause but not the addresses it names: RESULTS.md
		# names no folder or resolver of the machine that measured.
		# As suite-edited: every package analysed, the facts of
		# dependencies from the cache.
		forget_results
		(cd "$work/sets/$s" && MICROSEC_LINT_CACHE=$edited "$msl" -progress=never -debug-timing ./... 2>&1 >/dev/null | grep -v '^microsec-lint: package ' |
			sed -e "s|$work/sets/$s/||g" -e 's/(dial tcp: [^)]*: \([^:)]*\))/(\1)/' || true) >>"$timing"
		printf '```\n\n' >>"$timing"
	done
fi

finished=$(date +%s)
meta=$work/meta.txt
{
	echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
	echo "cores=$(nproc)"
	echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
	echo "memory=$(free -h | awk '/^Mem:/ {print $2}')"
	echo "go=$(go env GOVERSION)"
	echo "commit=$commit"
	echo "rules=$("$msl" -list-rules 2>/dev/null | awk '{print $1}' | paste -sd, -)"
	echo "runs=$runs"
	echo "vulnflag=${vulnflag:-no}"
	echo "preliminary=$preliminary"
	echo "duration_s=$((finished - started))"
	echo "load=$load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
} >"$meta"

step "write bench/RESULTS.md and the plots"
(cd bench/report && go run . -results "$results" -meta "$meta" -timing "$timing" -notes "$root/bench/PROFILE.md" -out "$root/bench")
step "done in $((finished - started)) s of measuring"
