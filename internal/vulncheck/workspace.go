package vulncheck

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/gocmd"
	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// workspace is what the conversion needs to know about the user's build:
// which modules are the user's own and where source files live, because
// govulncheck writes file names relative to their module.
type workspace struct {
	main      []mainModule // in go list -m order
	goVersion string       // go1.26.8
	goroot    string
	modcache  string
	workDir   string // directory of go.work, or ""
}

type mainModule struct {
	path  string
	dir   string
	gomod string
}

// loadWorkspace asks the go command, with the user's environment, for the
// main modules and the directories of the toolchain and module cache.
func loadWorkspace(ctx context.Context, dir string, env []string) (*workspace, error) {
	out, err := gocmd.Output(ctx, dir, env, "env", "-json", "GOVERSION", "GOROOT", "GOMODCACHE", "GOWORK")
	if err != nil {
		return nil, err
	}
	var goenv struct{ GOVERSION, GOROOT, GOMODCACHE, GOWORK string }
	if err := json.Unmarshal(out, &goenv); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	ws := &workspace{
		goVersion: goenv.GOVERSION,
		goroot:    goenv.GOROOT,
		modcache:  goenv.GOMODCACHE,
	}
	if goenv.GOWORK != "" && goenv.GOWORK != "off" {
		ws.workDir = filepath.Dir(goenv.GOWORK)
	}

	out, err = gocmd.Output(ctx, dir, env, "list", "-m", "-json")
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m struct{ Path, Dir, GoMod string }
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list -m: %v", err)
		}
		if m.Dir != "" {
			ws.main = append(ws.main, mainModule{path: m.Path, dir: m.Dir, gomod: m.GoMod})
		}
	}
	if len(ws.main) == 0 {
		return nil, fmt.Errorf("%s is not in a Go module: no go.mod here or above", cmp.Or(dir, "."))
	}
	return ws, nil
}

// isMain reports whether modulePath is one of the user's own modules.
func (ws *workspace) isMain(modulePath string) bool {
	for _, m := range ws.main {
		if m.path == modulePath {
			return true
		}
	}
	return false
}

// file turns a govulncheck file name, relative to the directory of its
// module, into an absolute path, or "" when no candidate exists. Module
// is the module path govulncheck reports (the replacement's, for a
// replaced module), and version its version ("" for a directory).
func (ws *workspace) file(modulePath, version, name string) string {
	// A name that leaves its module is not the module's source: the
	// generated main of a test binary lies in the build cache.
	if name == "" || name == ".." || strings.HasPrefix(name, "../") || path.IsAbs(name) {
		return ""
	}
	rel := filepath.FromSlash(name)
	var dirs []string
	switch {
	case modulePath == "stdlib":
		dirs = append(dirs, ws.goroot)
	case version == "" && isDirPath(modulePath):
		// A replace directive pointing at a directory, relative to the
		// go.mod (or go.work) that holds it.
		if filepath.IsAbs(modulePath) {
			dirs = append(dirs, modulePath)
		}
		for _, m := range ws.main {
			dirs = append(dirs, filepath.Join(m.dir, modulePath))
		}
		if ws.workDir != "" {
			dirs = append(dirs, filepath.Join(ws.workDir, modulePath))
		}
	default:
		for _, m := range ws.main {
			if m.path == modulePath {
				dirs = append(dirs, m.dir)
			}
		}
		for _, m := range ws.main {
			dirs = append(dirs, filepath.Join(m.dir, "vendor", filepath.FromSlash(modulePath)))
		}
		if ws.workDir != "" {
			dirs = append(dirs, filepath.Join(ws.workDir, "vendor", filepath.FromSlash(modulePath)))
		}
		if p, err := module.EscapePath(modulePath); err == nil && version != "" {
			if v, err := module.EscapeVersion(version); err == nil {
				dirs = append(dirs, filepath.Join(ws.modcache, filepath.FromSlash(p)+"@"+v))
			}
		}
	}
	for _, d := range dirs {
		f := filepath.Join(d, rel)
		if _, err := os.Stat(f); err == nil {
			return f
		}
	}
	return ""
}

func isDirPath(p string) bool {
	return filepath.IsAbs(p) || p == "." || p == ".." ||
		strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") ||
		strings.HasPrefix(p, `.\`) || strings.HasPrefix(p, `..\`)
}

// requirement finds where the user's go.mod files name modulePath: the
// require line, or for the standard library the toolchain or go line.
// Failing that it gives the module line of the first main module.
func (ws *workspace) requirement(modulePath string) (file string, line, col, offset int) {
	var first string
	for _, m := range ws.main {
		if m.gomod == "" {
			continue
		}
		data, err := os.ReadFile(m.gomod)
		if err != nil {
			continue
		}
		f, err := modfile.ParseLax(m.gomod, data, nil)
		if err != nil {
			continue
		}
		if first == "" {
			first = m.gomod
		}
		var x *modfile.Line
		if modulePath == "stdlib" {
			switch {
			case f.Toolchain != nil:
				x = f.Toolchain.Syntax
			case f.Go != nil:
				x = f.Go.Syntax
			}
		}
		for _, r := range f.Require {
			if r.Mod.Path == modulePath {
				x = r.Syntax
			}
		}
		if x != nil {
			off := x.Start.Byte
			return m.gomod, x.Start.Line, off - bytes.LastIndexByte(data[:off], '\n'), off
		}
	}
	if first != "" {
		return first, 1, 1, 0
	}
	return "", 0, 0, 0
}
