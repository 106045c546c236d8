package driver

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
	c.put(fresh, []byte("facts"))

	c.trim(time.Now())
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed = %v, want %v", name, gone, removed)
		}
	}
	if data, ok := c.get(fresh); !ok || string(data) != "facts" {
		t.Errorf("get(fresh) = %q, %v; want the entry written just before", data, ok)
	}

	// A second trim the same day does nothing, even to old entries.
	path := filepath.Join(dir, "ab", key)
	c.put(key, nil)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	c.trim(time.Now())
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a second trim within a day removed an entry: %v", err)
	}
}

// TestCacheOff: "off" and an unusable folder give a cache that stores
// nothing and finds nothing; a relative path is refused.
func TestCacheOff(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, setting := range []string{"off", filepath.Join(file, "sub")} {
		c, err := openFactCache([]string{CacheEnv + "=" + setting})
		if err != nil {
			t.Fatalf("%s=%s: %v", CacheEnv, setting, err)
		}
		key := strings.Repeat("a", 64)
		c.put(key, []byte("facts"))
		if _, ok := c.get(key); ok || c.dir != "" {
			t.Errorf("%s=%s: cache in %q found an entry; want no cache", CacheEnv, setting, c.dir)
		}
	}
	if _, err := openFactCache([]string{CacheEnv + "=relative/cache"}); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
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
		"truncated": func() error { return os.Truncate(path, int64(len(entryMagic)+sha256.Size+2)) },
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
		c.put(key, []byte("the facts of a package"))
		if data, ok := c.get(key); !ok || string(data) != "the facts of a package" {
			t.Fatalf("%s: get after put = %q, %v", name, data, ok)
		}
		if err := hurt(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if data, ok := c.get(key); ok {
			t.Errorf("%s: damaged entry read as %q", name, data)
		}
	}
	c.put(key, nil)
	if data, ok := c.get(key); !ok || data != nil {
		t.Errorf("entry of a package without facts = %q, %v; want none, found", data, ok)
	}
}
