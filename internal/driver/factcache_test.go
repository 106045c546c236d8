package driver

import (
	"os"
	"path/filepath"
	"strings"
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
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	c.trim(time.Now())
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a second trim within a day removed an entry: %v", err)
	}
	if data, ok := c.get(key); !ok || data != nil {
		t.Errorf("get of an empty entry = %q, %v; want no facts, found", data, ok)
	}
}

// TestCacheOff: "off" and an unusable folder give a cache that stores
// nothing and finds nothing.
func TestCacheOff(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, setting := range []string{"off", filepath.Join(file, "sub")} {
		c := openFactCache([]string{CacheEnv + "=" + setting})
		key := strings.Repeat("a", 64)
		c.put(key, []byte("facts"))
		if _, ok := c.get(key); ok || c.dir != "" {
			t.Errorf("%s=%s: cache in %q found an entry; want no cache", CacheEnv, setting, c.dir)
		}
	}
}
