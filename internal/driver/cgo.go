package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/gocmd"
	"golang.org/x/tools/go/packages"
)

// cgoLeftOut names, in one line each, the packages of patterns that the go
// command, with cgo off, left out of pkgs (all their files use cgo, and
// ./... skips them) or cut down (some of their files do), as it would list
// them with cgo on. Nothing else tells the user that these findings are
// missing: a build tag leaves files out on purpose, cgo being off often
// does not (CGO_ENABLED=0 set for a static build, no C compiler found,
// GOOS set for a cross-build): cause says which, in parentheses. A
// listing that fails says nothing: the analysis itself reports what is
// wrong with the packages.
//
// When nothing loaded (pkgs is empty: the go command failed for the whole
// run, or cgo left no package), the packages are compared with a listing
// under the run's own settings instead, so that only files that cgo being
// off leaves out are named, not every file of a run that failed for
// another cause.
func cgoLeftOut(ctx context.Context, dir string, env, patterns []string, pkgs []*packages.Package, cause string) []string {
	if env == nil {
		env = os.Environ()
	}
	withCgo, err := listFiles(ctx, dir, append(slices.Clip(env), "CGO_ENABLED=1"), patterns)
	if err != nil {
		return nil
	}
	analysed := make(map[string]bool) // files of pkgs, by absolute path
	hasFiles := make(map[string]bool) // packages of pkgs with files, by path
	for _, p := range pkgs {
		for _, f := range p.GoFiles {
			analysed[f] = true
			hasFiles[p.PkgPath] = true
		}
	}
	if len(pkgs) == 0 {
		asRun, err := listFiles(ctx, dir, env, patterns)
		if err != nil {
			return nil
		}
		for _, p := range asRun {
			for _, f := range p.GoFiles {
				analysed[filepath.Join(p.Dir, f)] = true
				hasFiles[p.ImportPath] = true
			}
		}
	}
	var msgs []string
	for _, p := range withCgo {
		if len(p.CgoFiles) == 0 && len(p.GoFiles) == 0 {
			continue
		}
		var missing []string
		all := slices.Concat(p.GoFiles, p.CgoFiles)
		for _, f := range all {
			if !analysed[filepath.Join(p.Dir, f)] {
				missing = append(missing, f)
			}
		}
		switch {
		case len(missing) == 0:
		case len(missing) == len(all) && !hasFiles[p.ImportPath]:
			// A package may have files for cgo off only
			// (//go:build !cgo): then it was analysed.
			msgs = append(msgs, fmt.Sprintf("package %s: not analysed: its files need cgo, which is off %s", p.ImportPath, cause))
		default:
			slices.Sort(missing)
			verb := "they need"
			if len(missing) == 1 {
				verb = "it needs"
			}
			msgs = append(msgs, fmt.Sprintf("package %s: %s not analysed: %s cgo, which is off %s", p.ImportPath, fileList(missing), verb, cause))
		}
	}
	return msgs
}

// listedPackage is what cgoLeftOut reads of a package go list lists.
type listedPackage struct {
	ImportPath, Dir   string
	GoFiles, CgoFiles []string
}

// listFiles lists the packages of patterns and their files, as the go
// command sees them in env; output it cannot read ends the list there.
func listFiles(ctx context.Context, dir string, env, patterns []string) ([]listedPackage, error) {
	out, err := gocmd.Output(ctx, dir, env, append([]string{"list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles", "--"}, patterns...)...)
	if err != nil {
		return nil, err
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			return pkgs, nil
		} else if err != nil {
			return pkgs, nil
		}
		pkgs = append(pkgs, p)
	}
}

// cgoOffCause says, in parentheses, why cgo is off: CGO_ENABLED=0 when
// the user set it (in the environment or with go env -w), else the go
// command's default, for a cross-build (crossTarget is GOOS/GOARCH) or
// where it finds no C compiler.
func cgoOffCause(ctx context.Context, dir string, env []string, crossTarget string) string {
	if cgoSetByUser(ctx, dir, env) {
		return "(CGO_ENABLED=0)"
	}
	if crossTarget != "" {
		return "(by default when cross-compiling, here for " + crossTarget + ")"
	}
	return "(the go command's default here, as where it finds no C compiler)"
}

// cgoSetByUser reports whether CGO_ENABLED is the user's setting rather
// than the go command's default, as go env -changed tells; a go command
// without -changed (before Go 1.23) is judged by the environment alone.
func cgoSetByUser(ctx context.Context, dir string, env []string) bool {
	if env == nil {
		env = os.Environ()
	}
	out, err := gocmd.Output(ctx, dir, env, "env", "-changed", "-json", "CGO_ENABLED")
	if err != nil {
		for _, kv := range env {
			if strings.HasPrefix(kv, "CGO_ENABLED=") {
				return true
			}
		}
		return false
	}
	var changed map[string]string
	if json.Unmarshal(out, &changed) != nil {
		return false
	}
	_, ok := changed["CGO_ENABLED"]
	return ok
}

// fileList names up to three files, and how many more there are.
func fileList(files []string) string {
	const show = 3
	if len(files) <= show {
		return strings.Join(files, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(files[:show], ", "), len(files)-show)
}
