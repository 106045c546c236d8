package vulncheck

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/microsec-lint/microsec-lint/internal/gocmd"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
	"golang.org/x/vuln/scan"
)

// Name is the rule name that turns vulncheck on and off in enable and
// disable lists; the findings themselves carry OSV ids as rule ids.
const Name = "vulncheck"

//go:embed doc.go
var docSource []byte

// Doc is the documentation of the vulncheck rule, for docs/rules.md.
var Doc = ruledoc.MustParse(docSource, Name)

// DefaultDB is the database used when Config.DB is empty.
const DefaultDB = "https://vuln.go.dev"

// Config says what to check and against which database.
type Config struct {
	// Dir is the directory the patterns are relative to; it must lie in a
	// module (or a go.work workspace). Empty means the current directory.
	Dir string
	// Patterns are package patterns, as for go list; empty means "./...".
	Patterns []string
	// Tests adds the test packages of the patterns.
	Tests bool
	// Tags are build tags, as for go build -tags.
	Tags []string
	// DB is the vulnerability database:
	//
	//	""                  https://vuln.go.dev, or module when it is unreachable
	//	"https://host/path" a database in the format of vuln.go.dev
	//	"file:///dir"       a directory with an index or with GO-*.json files
	//	"/dir", "./dir"     the same, as a path (relative to the process)
	//	"module"            golang.org/x/vulndb@latest through GOPROXY
	//	"module@VERSION"    that version of golang.org/x/vulndb
	DB string
	// ShowAll adds, at note level, vulnerabilities in packages that are
	// imported but not called and in modules that are required but not
	// imported. By default only reachable vulnerabilities are reported.
	ShowAll bool
	// Env is the environment of the go command; nil means os.Environ().
	Env []string
	// Log receives one-line notices, such as the fall-back from the
	// default database to the module; nil discards them.
	Log io.Writer
}

// Result is what a run found.
type Result struct {
	// Rules has one rule per OSV id that has a finding, sorted by id.
	Rules []report.Rule
	// Findings are in report.Sort order.
	Findings []report.Finding
	// DB names the database that was read: a URL, or
	// "golang.org/x/vulndb@VERSION" for the module.
	DB string
}

// Run runs govulncheck on the packages of cfg and converts its findings.
// It is safe to call concurrently with the analyzers and with itself. An
// error means the check could not be done (no database reachable, packages
// that do not load); it is one line starting with "vulncheck: ".
func Run(ctx context.Context, cfg Config) (*Result, error) {
	r := runner{defaultDB: DefaultDB, probeTimeout: 3 * time.Second}
	return r.run(ctx, cfg)
}

// runner holds what tests need to change: they must never reach
// vuln.go.dev.
type runner struct {
	defaultDB    string
	probeTimeout time.Duration
}

func (r runner) run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Env == nil {
		cfg.Env = os.Environ()
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if len(cfg.Patterns) == 0 {
		cfg.Patterns = []string{"./..."}
	}

	// A cancelled ctx surfaces as whatever the go command said when it
	// was killed; report the cancellation itself.
	fail := func(err error) (*Result, error) {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, oneLine(err)
	}
	ws, err := loadWorkspace(ctx, cfg.Dir, cfg.Env)
	if err != nil {
		return fail(err)
	}
	db, err := r.openDB(ctx, cfg)
	if err != nil {
		return fail(err)
	}

	out, err := scanSource(ctx, cfg, db.url, ws.goVersion)
	if err != nil {
		// govulncheck does not say which database it could not read.
		if strings.Contains(err.Error(), "creating client: ") {
			err = fmt.Errorf("vulnerability database %s: %w", db.name, err)
		}
		return fail(err)
	}
	st, err := parseStream(out)
	if err != nil {
		return nil, oneLine(fmt.Errorf("reading govulncheck output: %w", err))
	}
	res := convert(st, ws, cfg.ShowAll)
	res.DB = db.name
	return res, nil
}

// scanSource runs govulncheck in source mode with JSON output and returns
// the message stream.
func scanSource(ctx context.Context, cfg Config, dbURL, goVersion string) ([]byte, error) {
	args := []string{"-json", "-scan", "symbol", "-db", dbURL}
	if cfg.Dir != "" {
		args = append(args, "-C", cfg.Dir)
	}
	if cfg.Tests {
		args = append(args, "-test")
	}
	if len(cfg.Tags) > 0 {
		args = append(args, "-tags", strings.Join(cfg.Tags, ","))
	}
	args = append(args, "--")
	args = append(args, cfg.Patterns...)

	var stdout, stderr bytes.Buffer
	// The scan is detached from ctx on purpose. In x/vuln v1.9.0 (and v1.10.0) a context cancelled while the call
	// graph is built makes internal/vulncheck.source return no result and
	// no error, and Source then dereferences the nil result: a panic in
	// scan's own goroutine that no recover can catch, which kills the
	// process. So the scan runs detached and a cancelled Run leaves it to
	// finish in the background.
	cmd := scan.Command(context.WithoutCancel(ctx), args...)
	cmd.Stdin = strings.NewReader("")
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// govulncheck asks the go command on PATH for the Go version unless
	// the environment names it; name the one that Env selects.
	cmd.Env = cfg.Env
	if goVersion != "" && lookupEnv(cfg.Env, "GOVERSION") == "" {
		cmd.Env = append(cfg.Env[:len(cfg.Env):len(cfg.Env)], "GOVERSION="+goVersion)
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}

	// Wait in the background so that a cancelled ctx returns at once.
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case err := <-done:
		if err != nil {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return nil, fmt.Errorf("%w: %s", err, msg)
			}
			return nil, err
		}
	}
	return stdout.Bytes(), nil
}

// oneLine makes err a single line starting with "vulncheck: ". govulncheck
// and the go command write several lines, blank-line separated advice and
// pointers to documentation; a line ending in a colon introduces the next.
func oneLine(err error) error {
	var kept []string
	for _, l := range strings.Split(err.Error(), "\n") {
		l = strings.TrimPrefix(strings.TrimSpace(l), "-: ")
		if !strings.HasPrefix(l, "For details on package patterns, see") {
			kept = append(kept, l)
		}
	}
	msg := strings.TrimPrefix(gocmd.JoinLines(strings.Join(kept, "\n")), "govulncheck: ")
	errs := []error{err}
	if strings.HasPrefix(msg, "loading packages") {
		errs = append(errs, ErrLoad)
	}
	return &oneLineError{msg: "vulncheck: " + msg, errs: errs}
}

// ErrLoad is wrapped by the error of a run whose packages did not load or
// type-check; govulncheck analyses nothing then.
var ErrLoad = errors.New("packages did not load")

type oneLineError struct {
	msg  string
	errs []error
}

func (e *oneLineError) Error() string   { return e.msg }
func (e *oneLineError) Unwrap() []error { return e.errs }

// lookupEnv returns the last value of key in env, as os/exec would use it.
func lookupEnv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], key+"="); ok {
			return v
		}
	}
	return ""
}

// ErrNoDatabase is wrapped by the error of Run when no vulnerability
// database could be reached or read.
var ErrNoDatabase = errors.New("no vulnerability database reachable")
