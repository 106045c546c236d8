package vulncheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// vulndbModule holds the source of the Go vulnerability database; its
// data/osv directory has one OSV file per advisory.
const vulndbModule = "golang.org/x/vulndb"

// database is a source govulncheck can read.
type database struct {
	url  string // the -db argument of govulncheck
	name string // what Result.DB reports
}

// openDB picks the database that cfg.DB names and checks that it answers,
// so that failures surface as one clear line before any package loads.
func (r runner) openDB(ctx context.Context, cfg Config) (*database, error) {
	src := cfg.DB
	switch {
	case src == "":
		return r.openDefault(ctx, cfg)
	case src == "module" || strings.HasPrefix(src, "module@"):
		version := "latest"
		if v, ok := strings.CutPrefix(src, "module@"); ok {
			version = v
		}
		if version == "" {
			return nil, fmt.Errorf("vulnerability database %q: no version after @", src)
		}
		db, err := openModule(ctx, cfg.Env, version)
		if err != nil {
			return nil, fmt.Errorf("%w: module %s: %v", ErrNoDatabase, vulndbModule, err)
		}
		return db, nil
	case strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://"):
		src = strings.TrimRight(src, "/")
		if err := probeHTTP(ctx, src, r.probeTimeout); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrNoDatabase, src, err)
		}
		return &database{url: src, name: src}, nil
	case strings.HasPrefix(src, "file:"):
		dir, err := dirOfFileURL(src)
		if err != nil {
			return nil, fmt.Errorf("vulnerability database %s: %v", src, err)
		}
		return openDir(dir, src)
	case filepath.IsAbs(src) || strings.HasPrefix(src, "."):
		return openDir(src, src)
	}
	return nil, fmt.Errorf("vulnerability database %q: want an https:// or file:// URL, a directory, module or module@VERSION", src)
}

// openDefault uses the default database, or the module when the default
// does not answer within the probe timeout.
func (r runner) openDefault(ctx context.Context, cfg Config) (*database, error) {
	perr := probeHTTP(ctx, r.defaultDB, r.probeTimeout)
	if perr == nil {
		return &database{url: r.defaultDB, name: r.defaultDB}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	db, merr := openModule(ctx, cfg.Env, "latest")
	if merr != nil {
		return nil, fmt.Errorf("%w: %s: %v; module %s: %v",
			ErrNoDatabase, r.defaultDB, perr, vulndbModule, merr)
	}
	fmt.Fprintf(cfg.Log, "vulncheck: %s is unreachable (%v); using %s through GOPROXY\n",
		r.defaultDB, perr, db.name)
	return db, nil
}

// probeHTTP checks that base serves the module index, which govulncheck
// reads first. govulncheck itself waits as long as the network lets it.
func probeHTTP(ctx context.Context, base string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, base+"/index/modules.json.gz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("no answer within %v", timeout)
		}
		var uerr *url.Error
		if errors.As(err, &uerr) {
			return uerr.Err
		}
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", req.URL, resp.Status)
	}
	return nil
}

// openModule downloads golang.org/x/vulndb@version into the module cache
// with the go command, so GOPROXY, GONOSUMDB, GOFLAGS and the rest of the
// user's settings apply, and returns its data/osv directory. The download
// runs in an empty directory so that no go.mod or go.work is touched.
func openModule(ctx context.Context, env []string, version string) (*database, error) {
	tmp, err := os.MkdirTemp("", "microsec-lint-vulndb-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", vulndbModule+"@"+version)
	cmd.Dir = tmp
	cmd.Env = append(env[:len(env):len(env)],
		"GOWORK=off", "GO111MODULE=on", "GOFLAGS="+withoutModFlag(lookupEnv(env, "GOFLAGS")))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()

	// On failure go mod download -json still prints the module with an
	// Error field, which is the clearest message there is.
	var mod struct{ Version, Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || runErr != nil || mod.Error != "" {
		switch {
		case mod.Error != "":
			return nil, errors.New(mod.Error)
		case runErr != nil && stderr.Len() > 0:
			return nil, fmt.Errorf("go mod download: %s", strings.TrimSpace(stderr.String()))
		case runErr != nil:
			return nil, fmt.Errorf("go mod download: %v", runErr)
		}
		return nil, fmt.Errorf("go mod download: %v", err)
	}

	dir := filepath.Join(mod.Dir, "data", "osv")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%s@%s has no data/osv directory", vulndbModule, mod.Version)
	}
	return &database{url: fileURL(dir), name: vulndbModule + "@" + mod.Version}, nil
}

// withoutModFlag drops -mod=... from GOFLAGS: outside a module the go
// command rejects -mod=vendor, and it means nothing for a download.
func withoutModFlag(goflags string) string {
	var keep []string
	for _, f := range strings.Fields(goflags) {
		if !strings.HasPrefix(f, "-mod=") && !strings.HasPrefix(f, "--mod=") {
			keep = append(keep, f)
		}
	}
	return strings.Join(keep, " ")
}

// openDir accepts a directory that has govulncheck's index, or plain OSV
// files that govulncheck indexes itself.
func openDir(dir, name string) (*database, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoDatabase, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%w: %s is not a directory", ErrNoDatabase, abs)
	}
	if _, err := os.Stat(filepath.Join(abs, "index", "modules.json")); err != nil {
		osv, err := osvFiles(abs)
		if err != nil {
			return nil, fmt.Errorf("vulnerability database %s: %v", name, err)
		}
		if len(osv) == 0 {
			return nil, fmt.Errorf("%w: %s has neither index/modules.json nor OSV .json files", ErrNoDatabase, abs)
		}
		if err := checkOSVFiles(abs, osv); err != nil {
			return nil, fmt.Errorf("vulnerability database %s: %v", name, err)
		}
	}
	return &database{url: fileURL(abs), name: name}, nil
}

// osvFiles lists the files govulncheck takes for OSV entries in a
// directory without an index: those whose names end in .json, in the
// directory and its subdirectories (directories, whatever their names,
// are skipped), as paths relative to dir.
func osvFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() || filepath.Ext(d.Name()) != ".json":
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		files = append(files, rel)
		return nil
	})
	return files, err
}

// checkOSVFiles checks what govulncheck requires of the OSV files of a
// directory without an index, where it reports any mistake as an
// "unrecognized vulndb format": that each file (named relative to dir)
// holds an OSV entry in the form govulncheck decodes, named after its id.
// govulncheck reads a file found in a subdirectory from the top of the
// directory, by its name alone.
func checkOSVFiles(dir string, files []string) error {
	for _, rel := range files {
		base := filepath.Base(rel)
		data, err := os.ReadFile(filepath.Join(dir, base))
		if err != nil {
			if rel != base {
				return fmt.Errorf("%s: govulncheck reads only the OSV files at the top of the directory: move it there", rel)
			}
			return fmt.Errorf("%s: %v", rel, unwrapPath(err))
		}
		var entry osvShape
		if err := decodeOSV(data, &entry); err != nil {
			return fmt.Errorf("%s is not an OSV entry: %v", base, err)
		}
		if entry.ID == "" {
			return fmt.Errorf("%s is not an OSV entry: it has no id", base)
		}
		if base != entry.ID+".json" {
			return fmt.Errorf("%s holds entry %s: an OSV file must be named after its id, %s.json", base, entry.ID, entry.ID)
		}
	}
	return nil
}

// decodeOSV decodes an OSV entry into e; when that fails on a field, the
// error names the field.
func decodeOSV(data []byte, e *osvShape) error {
	err := json.Unmarshal(data, e)
	if err == nil {
		return nil
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return err // not a JSON object: json's error says why
	}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		one, _ := json.Marshal(map[string]json.RawMessage{name: fields[name]})
		if ferr := json.Unmarshal(one, new(osvShape)); ferr != nil {
			return fmt.Errorf("field %q: %v", name, ferr)
		}
	}
	return err
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// messages above already name.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// osvShape has the JSON shape of the OSV entry type of golang.org/x/vuln
// (internal/osv.Entry, at the version in go.mod), which govulncheck's
// loader decodes each file into: a value of another JSON type, a time
// that is not RFC 3339 or an unknown review status fails there as here.
// Unknown fields are ignored by both.
type osvShape struct {
	ID        string     `json:"id"`
	Modified  time.Time  `json:"modified"`
	Published time.Time  `json:"published"`
	Withdrawn *time.Time `json:"withdrawn"`
	Aliases   []string   `json:"aliases"`
	Summary   string     `json:"summary"`
	Details   string     `json:"details"`
	Affected  []struct {
		Package struct {
			Name      string `json:"name"`
			Ecosystem string `json:"ecosystem"`
		} `json:"package"`
		Ranges []struct {
			Type   string `json:"type"`
			Events []struct {
				Introduced string `json:"introduced"`
				Fixed      string `json:"fixed"`
			} `json:"events"`
		} `json:"ranges"`
		EcosystemSpecific struct {
			Imports []struct {
				Path    string   `json:"path"`
				GOOS    []string `json:"goos"`
				GOARCH  []string `json:"goarch"`
				Symbols []string `json:"symbols"`
			} `json:"imports"`
		} `json:"ecosystem_specific"`
	} `json:"affected"`
	References []struct {
		Type string `json:"type"`
		URL  string `json:"url"`
	} `json:"references"`
	Credits []struct {
		Name string `json:"name"`
	} `json:"credits"`
	DatabaseSpecific *struct {
		URL          string       `json:"url"`
		ReviewStatus reviewStatus `json:"review_status"`
	} `json:"database_specific"`
}

// reviewStatus is an OSV entry's review status, which x/vuln decodes
// only from its known names.
type reviewStatus string

func (r *reviewStatus) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "", "UNREVIEWED", "REVIEWED":
		*r = reviewStatus(s)
		return nil
	}
	return fmt.Errorf("unknown review status %q", s)
}

func fileURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func dirOfFileURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	if u.Host != "" && u.Host != "localhost" {
		return "", fmt.Errorf("file URL with host %q: want file:///dir", u.Host)
	}
	if u.Path == "" {
		return "", errors.New("file URL without a path: want file:///dir")
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p), nil
}
