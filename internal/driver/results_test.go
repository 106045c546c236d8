package driver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/report"
)

// cachedRun runs rules over dir's module with the fact cache in cache,
// and returns its findings, one line each, and its timings by name.
func cachedRun(t *testing.T, dir, cache string, rules ...analyzers.Rule) (*report.Result, []string, map[string]Timing) {
	t.Helper()
	timing := make(map[string]Timing)
	res, err := Run(context.Background(), Config{
		Dir:   dir,
		Tests: true,
		Rules: rules,
		Env:   append(offline(), CacheEnv+"="+cache),
		Timing: func(_ time.Duration, ts []Timing) {
			for _, tm := range ts {
				timing[tm.Analyzer] = tm
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(dir, f.Pos.File)
		s := fmt.Sprintf("%s:%d:%d-%d:%d %s %s %q fp=%s", filepath.ToSlash(rel), f.Pos.Line, f.Pos.Column, f.End.Line, f.End.Column, f.Rule, f.Level, f.Message, f.Fingerprint)
		if f.Suppression != nil {
			s += " suppressed: " + f.Suppression.Justification
		}
		for _, fix := range f.Fixes {
			s += fmt.Sprintf(" fix %q %+v", fix.Message, fix.Edits)
		}
		lines = append(lines, s)
	}
	return res, lines, timing
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestResultCache: a second run over unchanged packages takes their
// findings, suppressions, fixes and facts from the cache and type-checks
// nothing, with the same output; a changed package, and only it and what
// imports it, is analysed again; the run's levels still apply; a package
// that failed to check, or on which an analyzer failed, is never taken
// from the cache.
func TestResultCache(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/rc\n\ngo 1.26\n",
		"lib/lib.go": `package lib

import "database/sql"

// Run runs q.
func Run(db *sql.DB, q string) { db.Exec(q) }
`,
		"app/app.go": `package app

import (
	"database/sql"
	"os"

	"example.com/rc/lib"
)

func Handle(db *sql.DB) {
	lib.Run(db, "DELETE FROM t WHERE n = '"+os.Getenv("N")+"'")
}

//microsec:ignore badfuncs -- kept for old callers
func Bad() {}

//microsec:ignore
func other() {}
`,
		"also/also.go":     "package also\n\nfunc Bad() {}\n",
		"broken/broken.go": "package broken\n\nvar x int = \"no\"\n",
	})
	// hardcodedsecret, finding no secret, lets the records keep facts.
	rules := append(rulesNamed("sqlconcat", "hardcodedsecret"), rule(badFuncs, "warning"), rule(panicky, "error"))

	first, want, cold := cachedRun(t, dir, cache, rules...)
	if cold[FromCache].Packages != 0 || cold[TypeCheck].Packages == 0 {
		t.Fatalf("first run: timings %+v, want every package checked, none from the cache", cold)
	}
	joined := strings.Join(want, "\n")
	for _, s := range []string{"app/app.go:11:", "sqlconcat", "app/app.go:15:6-15:9 badfuncs warning", "suppressed: kept for old callers", "ignoredirective", "also/also.go:3:6-3:9 badfuncs warning", `fix "rename to Good"`} {
		if !strings.Contains(joined, s) {
			t.Fatalf("first run: findings lack %q:\n%s", s, joined)
		}
	}

	second, got, warm := cachedRun(t, dir, cache, rules...)
	if strings.Join(got, "\n") != joined {
		t.Errorf("second run's findings:\n%s\nfirst run's:\n%s", strings.Join(got, "\n"), joined)
	}
	// lib and app come from the cache, as does the dependency sqlconcat
	// learns from; also (the panic) and broken (its type error) are
	// checked again, and say so again.
	if warm[FromCache].Packages < 2 || warm[TypeCheck].Packages != 2 {
		t.Errorf("second run: %d packages from the cache, %d checked; want lib and app from it, 2 checked", warm[FromCache].Packages, warm[TypeCheck].Packages)
	}
	if fmt.Sprint(problems(second)) != fmt.Sprint(problems(first)) || len(problems(first)) != 2 {
		t.Errorf("errors: second run %q, first run %q; want the panic and the type error in both", problems(second), problems(first))
	}

	// The run's levels apply to findings from the cache.
	_, got, _ = cachedRun(t, dir, cache, append(rulesNamed("sqlconcat", "hardcodedsecret"), rule(badFuncs, "note"), rule(panicky, "error"))...)
	if g := strings.Join(got, "\n"); !strings.Contains(g, "also/also.go:3:6-3:9 badfuncs note") {
		t.Errorf("levels not applied to cached findings:\n%s", g)
	}

	// A new call in app is found with lib's facts from lib's record.
	writeFiles(t, dir, map[string]string{"app/app2.go": `package app

import (
	"database/sql"
	"os"

	"example.com/rc/lib"
)

func Handle2(db *sql.DB) { lib.Run(db, "DROP TABLE "+os.Getenv("T")) }
`})
	_, got, edited := cachedRun(t, dir, cache, rules...)
	if g := strings.Join(got, "\n"); !strings.Contains(g, "app/app2.go:10:") {
		t.Errorf("the new call through lib was not found with lib's cached facts:\n%s", g)
	}
	if edited[FromCache].Packages != warm[FromCache].Packages-1 || edited[TypeCheck].Packages != 3 {
		t.Errorf("after editing app: %d packages from the cache, %d checked; want app alone checked again", edited[FromCache].Packages, edited[TypeCheck].Packages)
	}

	// A change in lib reaches app through lib's facts: app is analysed
	// again, and the finding follows.
	writeFiles(t, dir, map[string]string{"lib/lib.go": "package lib\n\nimport \"database/sql\"\n\n// Run runs nothing.\nfunc Run(db *sql.DB, q string) { _ = db }\n"})
	_, got, _ = cachedRun(t, dir, cache, rules...)
	if g := strings.Join(got, "\n"); strings.Contains(g, "sqlconcat") {
		t.Errorf("findings through lib outlived lib's change:\n%s", g)
	}
}

func problems(res *report.Result) []string {
	var out []string
	for _, p := range res.Errors {
		out = append(out, p.Message)
	}
	return out
}

// TestResultCacheIdleRoot: a root on which a rule was idle, in a run where
// nothing imported it, has no facts of that rule; a later run in which
// another package needs those facts must analyse it again rather than
// take its record.
func TestResultCacheIdleRoot(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":         "module example.com/idle\n\ngo 1.26\n",
		"names/names.go": "package names\n\n// Table is the table to read.\nfunc Table() string { return \"users\" }\n",
		"store/store.go": "package store\n\nimport (\n\t\"database/sql\"\n\n\t\"example.com/idle/names\"\n)\n\n" +
			"func List(db *sql.DB) { db.Query(\"SELECT id FROM \" + names.Table()) }\n",
		// tool queries too, so that the run without store learns from
		// the same dependencies: names then has the same key in both.
		"tool/tool.go": "package tool\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n)\n\nfunc Count(db *sql.DB) { db.Query(\"SELECT count(*) FROM t\", os.Args[1]) }\n",
	})
	rules := rulesNamed("sqlconcat")
	run := func(patterns ...string) []string {
		t.Helper()
		res, err := Run(context.Background(), Config{Dir: dir, Patterns: patterns, Rules: rules, Env: append(offline(), CacheEnv+"="+cache)})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s:%d %s", filepath.Base(f.Pos.File), f.Pos.Line, f.Rule))
		}
		return out
	}
	if got := run("./names", "./tool"); len(got) != 0 {
		t.Fatalf("without store: %q, want nothing", got)
	}
	// Without names' facts, store's query would be built from text
	// of unknown origin, and reported.
	if got := run("./..."); len(got) != 0 {
		t.Errorf("with store: %q, want nothing: names.Table returns a constant", got)
	}
}

// TestResultCacheKeepsNoSecret: nothing a record holds gives away a
// hard-coded secret of the package: not its facts (the constants it
// returns), not a directive's reason, not a message. A record without
// facts still serves a run where nothing above it is analysed, and gives
// way to analysis where an edited importer needs its facts.
func TestResultCacheKeepsNoSecret(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	//microsec:ignore hardcodedsecret -- made-up secrets the test plants
	const (
		token    = "Zq9vR7mK2pL4xW8n"
		password = "Hx7kLq2VzWp9"
	)
	//microsec:ignore hardcodedsecret -- the fixture holds the made-up secrets
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/sec\n\ngo 1.26\n",
		"lib/lib.go": `package lib

import "os/exec"

// Table is the table to read.
func Table() string { return "users" }

func Backup() error {
	return exec.Command("sh", "-c", "mysqldump --user=root --password=` + password + ` shop").Run()
}

//microsec:ignore hardcodedsecret -- dev only, the password is ` + password + ` there
var Dev = "postgres://app:` + password + `@db/shop"
`,
		// conf's facts hold the token with nothing around it that reads
		// as a secret: only hardcodedsecret's finding tells.
		"conf/conf.go": "package conf\n\nvar Conf = map[string]string{\"password\": \"" + token + "\"}\n",
		"app/app.go": `package app

import (
	"database/sql"

	"example.com/sec/conf"
	"example.com/sec/lib"
)

func List(db *sql.DB) { db.Query("SELECT id FROM " + lib.Table()) }

func Key() string { return conf.Conf["password"] }
`,
	})
	rules := rulesNamed("sqlconcat", "cmdinjection", "hardcodedsecret")
	_, first, _ := cachedRun(t, dir, cache, rules...)
	_, second, warm := cachedRun(t, dir, cache, rules...)
	if strings.Join(first, "\n") != strings.Join(second, "\n") {
		t.Errorf("second run:\n%s\nfirst:\n%s", strings.Join(second, "\n"), strings.Join(first, "\n"))
	}
	// lib, where a secret is found and a directive gives a reason, leaves
	// no record; conf's record is used, without its facts.
	if warm[TypeCheck].Packages != 1 {
		t.Errorf("second run checked %d packages; want lib alone", warm[TypeCheck].Packages)
	}
	if strings.Contains(strings.Join(first, "\n"), "app.go") {
		t.Fatalf("findings in app, whose query is built from lib's constant:\n%s", strings.Join(first, "\n"))
	}
	checkNoSecret(t, cache, token, password)

	// app edited: lib's record has no facts, so lib is analysed again,
	// and app's query is still known to be built from a constant.
	writeFiles(t, dir, map[string]string{"app/more.go": "package app\n\nfunc More() {}\n"})
	_, got, edited := cachedRun(t, dir, cache, rules...)
	if strings.Join(got, "\n") != strings.Join(first, "\n") {
		t.Errorf("after editing app:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(first, "\n"))
	}
	if edited[TypeCheck].Packages != 3 {
		t.Errorf("after editing app, %d packages checked; want app, and lib and conf, whose records lack facts", edited[TypeCheck].Packages)
	}
}

// TestResultCacheKeepsNoSecretOfTestsOrSiblings: the facts of a test
// package are not kept, since a rule's settings may leave test files
// unread; and a module replaced by a directory is the user's own code,
// whose secrets stay out of the cache as a main module's do.
func TestResultCacheKeepsNoSecretOfTestsOrSiblings(t *testing.T) {
	root, cache := t.TempDir(), t.TempDir()
	//microsec:ignore hardcodedsecret -- made-up secrets the test plants
	const (
		token    = "Zq9vR7mK2pL4xW8n"
		password = "Hx7kLq2VzWp9"
	)
	//microsec:ignore hardcodedsecret -- the fixture holds the made-up secrets
	writeFiles(t, root, map[string]string{
		"app/go.mod":      "module example.com/app\n\ngo 1.26\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n",
		"app/p/p.go":      "package p\n\nimport \"os/exec\"\n\nfunc Run(s string) { exec.Command(\"sh\", \"-c\", s).Run() }\n",
		"app/cmd/main.go": "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/lib\"\n)\n\nfunc main() { lib.Run(os.Args[1]) }\n",
		"app/p/p_test.go": "package p\n\nimport \"testing\"\n\nconst v = \"" + token + "\"\n\nfunc V() string { return v }\n\nfunc TestRun(t *testing.T) { Run(\"echo \" + V()) }\n",
		"lib/go.mod":      "module example.com/lib\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nimport \"os/exec\"\n\nconst dbPassword = \"" + password + "\"\n\nfunc Pw() string { return dbPassword }\n\n" +
			"func Run(s string) { exec.Command(\"sh\", \"-c\", \"echo \"+Pw()+s).Run() }\n",
	})
	dir := filepath.Join(root, "app")
	rules := rulesNamed("cmdinjection", "hardcodedsecret")
	// hardcodedsecret reads no test file: only the test package's own
	// refusal keeps v out.
	secret := rulesNamed("hardcodedsecret")[0].Analyzer
	if err := secret.Flags.Set("tests", "false"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { secret.Flags.Set("tests", "true") })
	_, first, _ := cachedRun(t, dir, cache, rules...)
	_, second, _ := cachedRun(t, dir, cache, rules...)
	if strings.Join(first, "\n") != strings.Join(second, "\n") {
		t.Errorf("second run:\n%s\nfirst:\n%s", strings.Join(second, "\n"), strings.Join(first, "\n"))
	}
	checkNoSecret(t, cache, token, password)
}

// checkNoSecret fails t if an entry of the cache in dir holds one of
// secrets.
func checkNoSecret(t *testing.T, dir string, secrets ...string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, secret := range secrets {
			if strings.Contains(string(data), secret) {
				t.Errorf("cache entry %s holds %q", filepath.Base(path), secret)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
