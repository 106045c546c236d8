// Command report turns the raw measurements of bench/run.sh into
// bench/RESULTS.md and the plots time.png and memory.png. It is a module of
// its own so that the plotting library is not a dependency of
// microsec-lint.
//
//	go run . -results results.tsv -meta meta.txt -timing timing.txt -notes ../PROFILE.md -out DIR
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// row is one timed run.
type row struct {
	set, tool string
	wall, cpu float64 // seconds
	rss       float64 // MiB
	exit      int
}

// stat is the median, minimum and maximum of one quantity.
type stat struct{ med, min, max float64 }

func summarise(xs []float64) stat {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return stat{med, s[0], s[n-1]}
}

// cell is every run of one tool on one set.
type cell struct {
	wall, cpu, rss stat
	runs           int
	exits          []int
}

// toolOrder is the order of rows in the tables, with what each one is.
var toolOrder = []struct{ name, what string }{
	{"floor", "the driver with a no-op analyzer and no cache: loading and type checking, dependencies from export data"},
	{"floor-facts", "the same with a fact type and no fact cache: every dependency type-checked from source"},
	{"suite", "microsec-lint, every rule, without vulncheck, on code unchanged since the warm-up run: the cache holds the dependencies' facts and each package's findings, so nothing is type-checked again (as go vet's cache spares it)"},
	{"suite-edited", "the same after an edit of every package: each is type-checked and analysed, the dependencies' facts come from the cache; what analysis costs over the floor"},
	{"suite-nocache", "the same with no cache (MICROSEC_LINT_CACHE=off): the packages and the dependencies rules learn from are analysed, as on a first run"},
	{"suite-vuln", "microsec-lint, every rule, with vulncheck"},
	{"govet-warm", "go vet ./..., build and vet cache warm"},
	{"govet-cold", "go vet ./..., empty GOCACHE"},
	{"gosec", "gosec v2.30.0, all rules, tests included"},
	{"staticcheck", "staticcheck v0.8.2, default checks"},
}

func main() {
	resultsPath := flag.String("results", "", "results.tsv written by run.sh")
	metaPath := flag.String("meta", "", "meta.txt written by run.sh")
	timingPath := flag.String("timing", "", "output of -debug-timing, if any")
	notesPath := flag.String("notes", "", "markdown `file` of profiling notes to append, if any")
	out := flag.String("out", ".", "`directory` to write RESULTS.md and the plots into")
	flag.Parse()
	if err := mainErr(*resultsPath, *metaPath, *timingPath, *notesPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "report: %v\n", err)
		os.Exit(1)
	}
}

func mainErr(resultsPath, metaPath, timingPath, notesPath, out string) error {
	rows, err := readRows(resultsPath)
	if err != nil {
		return err
	}
	meta, err := readMeta(metaPath)
	if err != nil {
		return err
	}
	var timing []byte
	if timingPath != "" {
		if timing, err = os.ReadFile(timingPath); err != nil {
			return err
		}
	}
	var notes []byte
	if notesPath != "" {
		if notes, err = os.ReadFile(notesPath); err != nil {
			return err
		}
	}
	cells, sets := group(rows)
	f, err := os.Create(filepath.Join(out, "RESULTS.md"))
	if err != nil {
		return err
	}
	writeMarkdown(f, meta, cells, sets, string(timing))
	if len(notes) > 0 {
		fmt.Fprintf(f, "\n%s", notes)
	}
	if err := f.Close(); err != nil {
		return err
	}
	return writePlots(out, cells, sets)
}

func readRows(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue // header
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 8 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 8", path, line+1, len(fs))
		}
		var nums [5]float64
		for i, s := range fs[3:8] {
			if nums[i], err = strconv.ParseFloat(s, 64); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, line+1, err)
			}
		}
		rows = append(rows, row{
			set: fs[0], tool: fs[1],
			wall: nums[0], cpu: nums[1] + nums[2], rss: nums[3] / 1024,
			exit: int(nums[4]),
		})
	}
	return rows, sc.Err()
}

func readMeta(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	meta := make(map[string]string)
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			meta[k] = v
		}
	}
	return meta, nil
}

type key struct{ set, tool string }

// group collects the runs per cell and returns the sets in the order they
// were measured.
func group(rows []row) (map[key]*cell, []string) {
	type acc struct {
		wall, cpu, rss []float64
		exits          []int
	}
	accs := make(map[key]*acc)
	var sets []string
	for _, r := range rows {
		if !slices.Contains(sets, r.set) {
			sets = append(sets, r.set)
		}
		k := key{r.set, r.tool}
		a := accs[k]
		if a == nil {
			a = new(acc)
			accs[k] = a
		}
		a.wall = append(a.wall, r.wall)
		a.cpu = append(a.cpu, r.cpu)
		a.rss = append(a.rss, r.rss)
		if !slices.Contains(a.exits, r.exit) {
			a.exits = append(a.exits, r.exit)
		}
	}
	cells := make(map[key]*cell, len(accs))
	for k, a := range accs {
		cells[k] = &cell{
			wall: summarise(a.wall), cpu: summarise(a.cpu), rss: summarise(a.rss),
			runs: len(a.wall), exits: a.exits,
		}
	}
	return cells, sets
}

func writeMarkdown(w io.Writer, meta map[string]string, cells map[key]*cell, sets []string, timing string) {
	fmt.Fprintf(w, "# Benchmarks\n\n")
	fmt.Fprintf(w, "<!-- Written by bench/run.sh; do not edit. -->\n\n")
	if meta["preliminary"] == "1" {
		fmt.Fprintf(w, "**Preliminary figures.** A short run (%s timed run per cell) on a machine that was busy with other builds (load average %s): the ratios are indicative only. Rerun `bash bench/run.sh` on an idle machine for the real figures.\n\n", meta["runs"], meta["load"])
	}
	fmt.Fprintf(w, "| | |\n| --- | --- |\n")
	for _, k := range []struct{ k, label string }{
		{"date", "date (UTC)"}, {"cores", "cores"}, {"cpu", "processor"}, {"memory", "memory"},
		{"go", "Go"}, {"commit", "microsec-lint commit"}, {"rules", "rules run"},
		{"runs", "timed runs per cell"}, {"load", "load average"}, {"duration_s", "duration of the run (s)"},
	} {
		fmt.Fprintf(w, "| %s | %s |\n", k.label, orNone(meta[k.k]))
	}
	fmt.Fprintf(w, "\nEach cell is the median of the timed runs, with the minimum and maximum in brackets; each tool had one untimed warm-up run first (except go vet with a cold cache), so the build cache holds the export data of the dependencies; then the tools took turns, one timed run each, so that drift of the machine moves them alike. CPU is user plus system time of the process and its children. Peak RSS is that of the largest single process (`wait4`): for go vet, which starts one vet process per package, it is not the memory of all of them together.\n\n")
	fmt.Fprintf(w, "| tool | what |\n| --- | --- |\n")
	for _, t := range toolOrder {
		fmt.Fprintf(w, "| %s | %s |\n", t.name, t.what)
	}
	var missing []string
	for _, t := range toolOrder {
		measured := false
		for _, s := range sets {
			measured = measured || cells[key{s, t.name}] != nil
		}
		if !measured {
			missing = append(missing, t.name)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "\nNot measured in this run: %s.\n", strings.Join(missing, ", "))
	}
	if meta["vulnflag"] == "no" {
		fmt.Fprintf(w, "\nmicrosec-lint had no `-vuln` flag when this was measured: `suite` is its default run and `suite-vuln` was not measured.\n")
	}

	for _, s := range sets {
		fmt.Fprintf(w, "\n## %s\n\n", setTitle(s))
		fmt.Fprintf(w, "| tool | wall (s) | CPU (s) | peak RSS (MiB) | wall / floor | wall / gosec | CPU / gosec | RSS / gosec | exit |\n")
		fmt.Fprintf(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
		floor, gosec := cells[key{s, "floor"}], cells[key{s, "gosec"}]
		for _, t := range toolOrder {
			c := cells[key{s, t.name}]
			if c == nil {
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", t.name,
				fmtStat(c.wall, "%.2f"), fmtStat(c.cpu, "%.2f"), fmtStat(c.rss, "%.0f"),
				ratio(c, floor, func(c *cell) float64 { return c.wall.med }),
				ratio(c, gosec, func(c *cell) float64 { return c.wall.med }),
				ratio(c, gosec, func(c *cell) float64 { return c.cpu.med }),
				ratio(c, gosec, func(c *cell) float64 { return c.rss.med }),
				fmtExits(c.exits))
		}
	}

	writeTargets(w, cells, sets)
	if strings.TrimSpace(timing) != "" {
		fmt.Fprintf(w, "\n## Cost per analyzer (-debug-timing)\n\n%s", timing)
	}
}

// writeTargets checks the targets on each set.
func writeTargets(w io.Writer, cells map[key]*cell, sets []string) {
	fmt.Fprintf(w, "\n## Targets\n\n")
	fmt.Fprintf(w, "Each target is checked for `suite`, a second run over unchanged code, for `suite-edited`, a run after every package changed, and for `suite-nocache`, which costs what a first run does.\n\n")
	fmt.Fprintf(w, "| set | run | wall <= 1.3x floor | wall <= 0.5x gosec | RSS <= gosec |\n| --- | --- | --- | --- | --- |\n")
	for _, s := range sets {
		for _, run := range []string{"suite", "suite-edited", "suite-nocache"} {
			writeTarget(w, s, run, cells)
		}
	}
	ns := synthSizes(sets)
	if len(ns) < 2 {
		return
	}
	fmt.Fprintf(w, "\nGrowth with the number of packages N of the synthetic module (median wall time per package, in ms; constant means linear):\n\n")
	fmt.Fprintf(w, "| tool |")
	for _, n := range ns {
		fmt.Fprintf(w, " N=%d |", n)
	}
	fmt.Fprintf(w, "\n| --- |%s\n", strings.Repeat(" --- |", len(ns)))
	for _, t := range toolOrder {
		line := "| " + t.name + " |"
		any := false
		for _, n := range ns {
			c := cells[key{synthSet(n), t.name}]
			if c == nil {
				line += " |"
				continue
			}
			any = true
			line += fmt.Sprintf(" %.1f |", c.wall.med*1000/float64(n))
		}
		if any {
			fmt.Fprintln(w, line)
		}
	}
}

func setTitle(s string) string {
	switch s {
	case "v4":
		return "go-micro.dev/v4 v4.10.2"
	case "v5":
		return "go-micro.dev/v5 v5.12.0"
	case "tools":
		return "golang.org/x/tools v0.52.0"
	}
	if n, ok := synthN(s); ok {
		return fmt.Sprintf("synthetic: %d go-micro service packages", n)
	}
	return s
}

func synthSet(n int) string { return fmt.Sprintf("synth-%d", n) }

func synthN(set string) (int, bool) {
	rest, ok := strings.CutPrefix(set, "synth-")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

func synthSizes(sets []string) []int {
	var ns []int
	for _, s := range sets {
		if n, ok := synthN(s); ok {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	return ns
}

func fmtStat(s stat, format string) string {
	if s.min == s.max {
		return fmt.Sprintf(format, s.med)
	}
	return fmt.Sprintf(format+" ("+format+"–"+format+")", s.med, s.min, s.max)
}

func ratio(c, base *cell, f func(*cell) float64) string {
	if base == nil || f(base) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", f(c)/f(base))
}

func fmtExits(exits []int) string {
	s := make([]string, len(exits))
	for i, e := range exits {
		s[i] = strconv.Itoa(e)
	}
	return strings.Join(s, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// writeTarget writes the targets row of one run of the suite on set s.
func writeTarget(w io.Writer, s, run string, cells map[key]*cell) {
	suite, floor, gosec := cells[key{s, run}], cells[key{s, "floor"}], cells[key{s, "gosec"}]
	if suite == nil {
		return
	}
	check := func(other *cell, limit float64, f func(*cell) float64) string {
		if other == nil || f(other) == 0 {
			return "not measured"
		}
		r := f(suite) / f(other)
		verdict := "met"
		if r > limit {
			verdict = "**missed**"
		}
		return fmt.Sprintf("%.2fx: %s", r, verdict)
	}
	wall := func(c *cell) float64 { return c.wall.med }
	rss := func(c *cell) float64 { return c.rss.med }
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", s, run, check(floor, 1.3, wall), check(gosec, 0.5, wall), check(gosec, 1, rss))
}
