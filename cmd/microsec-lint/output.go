package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// outputFile is a file the run will write, opened before the analysis so
// that a path that cannot be written is told before minutes are spent,
// and without truncating it: a failed run leaves an existing file as it
// was, and removes one it created.
type outputFile struct {
	flag    string // the flag that named it, for messages
	path    string
	f       *os.File
	created bool
	written bool
}

// openOutput checks and opens path, named by flag, for writing.
func openOutput(flag, path string) (*outputFile, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s: cannot write %s: it is a directory", flag, path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot write %s: directory %s does not exist", flag, path, dir)
	case errors.Is(err, syscall.ENOTDIR) || err == nil && !fi.IsDir():
		return nil, fmt.Errorf("%s: cannot write %s: %s is not a directory", flag, path, dir)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot write %s: %v", flag, path, unwrapPath(err))
	}
	_, err = os.Lstat(path)
	created := errors.Is(err, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write %s: %v", flag, path, unwrapPath(err))
	}
	return &outputFile{flag: flag, path: path, f: f, created: created}, nil
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// messages above already name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// start empties the file for its new content.
func (o *outputFile) start() (*os.File, error) {
	o.written = true
	if fi, err := o.f.Stat(); err == nil && fi.Mode().IsRegular() {
		if err := o.f.Truncate(0); err != nil {
			return nil, fmt.Errorf("cannot write %s: %v", o.path, unwrapPath(err))
		}
	}
	return o.f, nil
}

// close closes the file, written or not; a file that this run created and
// never wrote is removed.
func (o *outputFile) close() error {
	if o == nil || o.f == nil {
		return nil
	}
	err := o.f.Close()
	o.f = nil
	if !o.written {
		if o.created {
			os.Remove(o.path)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", o.path, unwrapPath(err))
	}
	return nil
}

// namedFile is a file the run reads or writes, and what named it: a flag,
// or a description for a file found without one.
type namedFile struct {
	by   string // "-o", "-baseline", "the settings file"
	path string
}

// checkClashes refuses outputs that would overwrite a file the run reads
// (inputs), another output, or a file of the go command's, whatever path
// names them. An input and an output given by the flags of one entry of
// allowed (as -baseline and -write-baseline, which bring a baseline up to
// date in place) may be the same file.
func checkClashes(outputs, inputs []namedFile, allowed map[[2]string]bool) error {
	for i, o := range outputs {
		if o.path == "" {
			continue
		}
		if err := checkGoFile(o); err != nil {
			return err
		}
		for _, other := range outputs[i+1:] {
			if other.path != "" && sameFile(o.path, other.path) {
				return fmt.Errorf("%s and %s name the same file %s: give each its own file", o.by, other.by, other.path)
			}
		}
		for _, in := range inputs {
			if in.path == "" || allowed[[2]string{in.by, o.by}] || !sameFile(o.path, in.path) {
				continue
			}
			if strings.HasPrefix(in.by, "-") {
				return fmt.Errorf("%s and %s name the same file %s: the run would overwrite what it reads", o.by, in.by, in.path)
			}
			return fmt.Errorf("%s %s is %s, which the run reads: write to another file", o.by, o.path, in.by)
		}
	}
	return nil
}

// sameFile reports whether paths a and b name one regular file: the same
// file when both are there, else the same absolute path once the links in
// its directory are resolved. A device (/dev/null) loses nothing to being
// written twice.
func sameFile(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	switch {
	case aerr == nil && berr == nil:
		return ai.Mode().IsRegular() && os.SameFile(ai, bi)
	case aerr == nil || berr == nil:
		return false
	}
	return resolvedPath(a) == resolvedPath(b)
}

// goFiles are the files the go command reads beside the Go source files.
var goFiles = map[string]bool{"go.mod": true, "go.sum": true, "go.work": true, "go.work.sum": true}

// checkGoFile refuses an output that is, or would become, a file the go
// command reads: a file ending in .go, even a new one (an empty one breaks
// the load of its package), or go.mod, go.sum, go.work. A symbolic link
// is judged by its target.
func checkGoFile(o namedFile) error {
	target := resolvedPath(o.path)
	if fi, err := os.Stat(target); err == nil && !fi.Mode().IsRegular() {
		return nil // a device or a directory: no source file
	}
	base := filepath.Base(target)
	var what string
	switch {
	case strings.HasSuffix(base, ".go"):
		what = "a Go source file"
	case goFiles[base]:
		what = "a file the go command reads"
	default:
		return nil
	}
	if filepath.Base(o.path) != base {
		return fmt.Errorf("%s %s is a link to %s, %s: write to another file", o.by, o.path, target, what)
	}
	return fmt.Errorf("%s %s is %s: write to another file", o.by, o.path, what)
}

// resolvedPath is the absolute path of name, a file that may not be there
// yet, with its symbolic links resolved where they can be: those of its
// directory, and name itself when it is a link, to the file it would
// write even if that is not there (a dangling link).
func resolvedPath(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Clean(name)
	}
	// A loop of links stops after as many hops as the kernel allows.
	for range 40 {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return real
		}
		fi, err := os.Lstat(abs)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			break
		}
		to, err := os.Readlink(abs)
		if err != nil {
			break
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(abs), to)
		}
		abs = filepath.Clean(to)
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return filepath.Join(dir, base)
}
