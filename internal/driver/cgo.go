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
// GOOS set for a cross-build). A listing that fails says nothing: the
// analysis itself reports what is wrong with the packages.
func cgoLeftOut(ctx context.Context, dir string, env, patterns []string, pkgs []*packages.Package) []string {
	if env == nil {
		env = os.Environ()
	}
	out, err := gocmd.Output(ctx, dir, append(slices.Clip(env), "CGO_ENABLED=1"),
		append([]string{"list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles", "--"}, patterns...)...)
	if err != nil {
		return nil
	}
	analysed := make(map[string]bool) // files of pkgs, by absolute path
	for _, p := range pkgs {
		for _, f := range p.GoFiles {
			analysed[f] = true
		}
	}
	var msgs []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath, Dir   string
			GoFiles, CgoFiles []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return msgs
		}
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
		case len(missing) == len(all):
			msgs = append(msgs, fmt.Sprintf("package %s: not analysed: its files need cgo, which is off (CGO_ENABLED=0)", p.ImportPath))
		default:
			slices.Sort(missing)
			verb := "they need"
			if len(missing) == 1 {
				verb = "it needs"
			}
			msgs = append(msgs, fmt.Sprintf("package %s: %s not analysed: %s cgo, which is off (CGO_ENABLED=0)", p.ImportPath, fileList(missing), verb))
		}
	}
	return msgs
}

// fileList names up to three files, and how many more there are.
func fileList(files []string) string {
	const show = 3
	if len(files) <= show {
		return strings.Join(files, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(files[:show], ", "), len(files)-show)
}
