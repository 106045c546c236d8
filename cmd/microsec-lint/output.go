package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
