package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// checkVulnDB checks the form of a -vulndb value, and that a directory it
// names is there, so that a mistake is a usage error told before the
// analysis. Whether a directory holds a database, and whether a URL or
// module version can be had, is found when vulncheck opens it.
func checkVulnDB(src string) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("-vulndb: %q: %s", src, fmt.Sprintf(format, args...))
	}
	var dir string
	switch {
	case src == "" || src == "module":
		return nil
	case strings.HasPrefix(src, "module@"):
		if src == "module@" {
			return bad("no version after @")
		}
		return nil
	case strings.HasPrefix(src, "https://"):
		if u, err := url.Parse(src); err != nil || u.Host == "" {
			return bad("not a URL with a host")
		}
		return nil
	case strings.HasPrefix(src, "http://"):
		return bad("plain http is not accepted: advisories must come over https:// (or from a file:// URL or directory)")
	case strings.HasPrefix(src, "file:"):
		u, err := url.Parse(src)
		switch {
		case err != nil:
			return bad("%v", errors.Unwrap(err))
		case u.Host != "" && u.Host != "localhost":
			return bad("a file URL with host %q: want file:///dir", u.Host)
		case u.Path == "":
			return bad("a file URL without a path: want file:///dir")
		}
		dir = filepath.FromSlash(u.Path)
	case filepath.IsAbs(src) || strings.HasPrefix(src, "."):
		dir = src
	default:
		return fmt.Errorf("-vulndb: %q is not an https:// or file:// URL, a directory (absolute, or starting with .), module or module@VERSION", src)
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return bad("directory %s does not exist", dir)
	case err != nil:
		return bad("%v", unwrapPath(err))
	case !fi.IsDir():
		return bad("%s is not a directory", dir)
	}
	return nil
}
