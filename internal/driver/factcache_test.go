package driver

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// TestCacheTrimTouchesOnlyEntries: MICROSEC_LINT_CACHE may name a folder
// that holds other files, such as the go command's own cache; trimming
// must remove old entries and nothing else.
func TestCacheTrimTouchesOnlyEntries(t *testing.T) {
	dir := t.TempDir()
	key := "ab" + strings.Repeat("0", 62)
	files := map[string]bool{ // path → removed by the trim
		filepath.Join("ab", key):         true,
		filepath.Join("ab", key+"-d"):    false, // a go build cache entry
		filepath.Join("cd", key):         false, // a key in the wrong folder
		filepath.Join("ab", "README"):    false,
		"notes.txt":                      false,
		filepath.Join("deep", "ab", key): false,
	}
	old := time.Now().Add(-30 * 24 * time.Hour)
	for name := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, old, old); err != nil {
			t.Fatal(err)
		}
	}
	fresh := "ef" + strings.Repeat("1", 62)
	c := &factCache{dir: dir}
	c.put(factsEntry, fresh, []byte("facts"))

	c.trim(time.Now())
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed = %v, want %v", name, gone, removed)
		}
	}
	if data, ok := c.get(factsEntry, fresh); !ok || string(data) != "facts" {
		t.Errorf("get(fresh) = %q, %v; want the entry written just before", data, ok)
	}

	// A second trim the same day does nothing, even to old entries.
	path := filepath.Join(dir, "ab", key)
	c.put(factsEntry, key, nil)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	c.trim(time.Now())
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a second trim within a day removed an entry: %v", err)
	}
}

// TestCacheDanglingLink: a MICROSEC_LINT_CACHE that is a symbolic link to
// nothing is told as such, not as "not a directory".
func TestCacheDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "cache")
	if err := os.Symlink(filepath.Join(dir, "gone"), link); err != nil {
		t.Skip(err)
	}
	var warnings []string
	c, err := openFactCache([]string{CacheEnv + "=" + link}, func(msg string) { warnings = append(warnings, msg) })
	if err != nil {
		t.Fatal(err)
	}
	if c.dir != "" || len(warnings) != 1 || !strings.Contains(warnings[0], "a symbolic link to "+filepath.Join(dir, "gone")+", which does not exist") ||
		strings.Contains(warnings[0], "not a directory") {
		t.Errorf("warnings %q, cache %q; want one naming the dangling link, and no cache", warnings, c.dir)
	}
}

// TestCacheNotWritable: a cache directory the user named that cannot be
// written is told once; the facts already in it are still read.
func TestCacheNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to a read-only directory")
	}
	dir := filepath.Join(t.TempDir(), "cache")
	key := strings.Repeat("b", 64)
	c, err := openFactCache([]string{CacheEnv + "=" + dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.put(factsEntry, key, []byte("facts"))
	for _, d := range []string{filepath.Dir(c.file(key)), dir} {
		if err := os.Chmod(d, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(d, 0o755)
	}
	var warnings []string
	c, err = openFactCache([]string{CacheEnv + "=" + dir}, func(msg string) { warnings = append(warnings, msg) })
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], CacheEnv+"="+dir) || !strings.Contains(warnings[0], "cannot be written") {
		t.Errorf("warnings %q, want one saying the cache cannot be written", warnings)
	}
	if data, ok := c.get(factsEntry, key); !ok || string(data) != "facts" {
		t.Errorf("the facts in a read-only cache were not read")
	}
}

// TestCacheOff: "off" and an unusable folder give a cache that stores
// nothing and finds nothing, the latter with a warning; a relative path
// is refused.
func TestCacheOff(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, setting := range []string{"off", file, filepath.Join(file, "sub")} {
		var warnings []string
		c, err := openFactCache([]string{CacheEnv + "=" + setting}, func(msg string) { warnings = append(warnings, msg) })
		if err != nil {
			t.Fatalf("%s=%s: %v", CacheEnv, setting, err)
		}
		// A folder the user named and that cannot be used is told, in
		// one line; "off" is not.
		switch {
		case setting == "off" && len(warnings) != 0:
			t.Errorf("%s=off: warnings %q", CacheEnv, warnings)
		case setting != "off" && (len(warnings) != 1 || !strings.Contains(warnings[0], CacheEnv+"="+setting) ||
			!strings.Contains(warnings[0], "not a directory") || strings.Contains(warnings[0], "\n")):
			t.Errorf("%s=%s: warnings %q, want one line naming the setting and the cause", CacheEnv, setting, warnings)
		}
		key := strings.Repeat("a", 64)
		c.put(factsEntry, key, []byte("facts"))
		if _, ok := c.get(factsEntry, key); ok || c.dir != "" {
			t.Errorf("%s=%s: cache in %q found an entry; want no cache", CacheEnv, setting, c.dir)
		}
	}
	if _, err := openFactCache([]string{CacheEnv + "=relative/cache"}, nil); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
		t.Errorf("relative cache folder: err = %v, want it refused", err)
	}
}

// TestCacheEntryDamaged: an entry cut short, overwritten, emptied or
// replaced by a pipe is a miss, never facts, and the next put repairs it.
func TestCacheEntryDamaged(t *testing.T) {
	c := &factCache{dir: t.TempDir()}
	key := "12" + strings.Repeat("3", 62)
	path := c.file(key)
	damage := map[string]func() error{
		"garbage":   func() error { return os.WriteFile(path, []byte("garbage"), 0o644) },
		"empty":     func() error { return os.WriteFile(path, nil, 0o644) },
		"truncated": func() error { return os.Truncate(path, int64(len(factsEntry)+sha256.Size+2)) },
		"flipped": func() error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			data[len(data)-1] ^= 1
			return os.WriteFile(path, data, 0o644)
		},
		"fifo": func() error {
			if err := os.Remove(path); err != nil {
				return err
			}
			return syscall.Mkfifo(path, 0o644)
		},
	}
	for name, hurt := range damage {
		c.put(factsEntry, key, []byte("the facts of a package"))
		if data, ok := c.get(factsEntry, key); !ok || string(data) != "the facts of a package" {
			t.Fatalf("%s: get after put = %q, %v", name, data, ok)
		}
		if err := hurt(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if data, ok := c.get(factsEntry, key); ok {
			t.Errorf("%s: damaged entry read as %q", name, data)
		}
	}
	c.put(factsEntry, key, nil)
	if data, ok := c.get(factsEntry, key); !ok || data != nil {
		t.Errorf("entry of a package without facts = %q, %v; want none, found", data, ok)
	}
}

// TestGoBuildID: the program is named by the build ID the go command
// reports for it, not by hashing the whole executable.
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if got, ok := goBuildID(exe); !ok || got != want {
		t.Errorf("goBuildID = %q, %v; want %q", got, ok, want)
	}
	notGo := filepath.Join(t.TempDir(), "script")
	if err := os.WriteFile(notGo, []byte("#!/bin/sh\necho hello\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, ok := goBuildID(notGo); ok {
		t.Errorf("goBuildID of a shell script = %q, want none", got)
	}
}

// TestSetKeysRoots: every unit is keyed, a root's record too; a change
// in a root changes its record's key and the key of a unit above it, and
// a change in the rules a directive may name changes a record's key only.
func TestSetKeysRoots(t *testing.T) {
	dir := t.TempDir()
	pkg := func(path string) *packages.Package {
		file := filepath.Join(dir, strings.ReplaceAll(path, "/", "_")+".go")
		if err := os.WriteFile(file, []byte("package "+filepath.Base(path)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return &packages.Package{ID: path, PkgPath: path, CompiledGoFiles: []string{file}}
	}
	dep := &unit{pkg: pkg("example.com/dep")}
	lowRoot := &unit{pkg: pkg("example.com/low"), root: true, deps: []*unit{dep}}
	mid := &unit{pkg: pkg("example.com/mid"), deps: []*unit{dep, lowRoot}}
	top := &unit{pkg: pkg("example.com/top"), root: true, deps: []*unit{dep, lowRoot, mid}}
	units := []*unit{dep, lowRoot, mid, top}
	setKeys(units, "base", "salt")
	for _, u := range units {
		if u.key == "" {
			t.Fatalf("%s unkeyed", u.pkg.ID)
		}
		if u.root != (u.resultKey != "") {
			t.Errorf("%s: root %v, record key %q", u.pkg.ID, u.root, u.resultKey)
		}
	}
	oldMid, oldLow, oldTop := mid.key, lowRoot.resultKey, top.resultKey
	if err := os.WriteFile(lowRoot.pkg.CompiledGoFiles[0], []byte("package low\n\nvar X = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	setKeys(units, "base", "salt")
	if mid.key == oldMid || lowRoot.resultKey == oldLow || top.resultKey == oldTop {
		t.Errorf("keys did not follow the changed root: mid %v, low %v, top %v",
			mid.key != oldMid, lowRoot.resultKey != oldLow, top.resultKey != oldTop)
	}
	oldMid, oldTop = mid.key, top.resultKey
	setKeys(units, "base", "other rules")
	if mid.key != oldMid || top.resultKey == oldTop {
		t.Errorf("a new salt: facts key changed %v (want false), record key changed %v (want true)",
			mid.key != oldMid, top.resultKey != oldTop)
	}
}
