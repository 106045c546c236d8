package driver

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis"
)

// CacheEnv names the environment variable that sets where the facts of
// dependencies, and the records of packages analysed (rootRecord), are
// kept between runs: a directory, or "off" for no cache.
// By default they go under the user's cache directory
// (os.UserCacheDir()/microsec-lint/facts).
const CacheEnv = "MICROSEC_LINT_CACHE"

// A factCache keeps the encoded facts of dependencies, and the records of
// roots, between runs, one file per package, named by a hash of
// everything they follow from: this program, the analyzers' flags, the
// package's source files, the export data of its imports and the facts of
// the units below it. A changed input is a new name, so an entry is never
// stale; entries unused for a few days are removed.
type factCache struct {
	dir string // "" when there is no cache
}

const (
	cacheTrimEvery = 24 * time.Hour
	cacheKeepFor   = 5 * 24 * time.Hour
)

// openFactCache opens the cache env names. A cache that cannot be used
// is no cache: runs are slower, not wrong. Where the user named the folder
// (a file, or a folder that cannot be made) warn is told why, in one line;
// the default folder fails quietly (no home directory). A relative path is
// refused, as the go command refuses a relative GOCACHE: it would put a
// cache in each directory the tool runs in. A folder that is not there is
// made, parents included, as the go command makes GOCACHE.
func openFactCache(env []string, warn func(string)) (*factCache, error) {
	dir := lookupEnv(env, CacheEnv)
	if dir == "off" {
		return &factCache{}, nil
	}
	if dir != "" && !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("%s=%s is not an absolute path; use an absolute path, or off for no cache", CacheEnv, dir)
	}
	named := dir != ""
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return &factCache{}, nil
		}
		dir = filepath.Join(base, "microsec-lint", "facts")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		if named && warn != nil {
			warn(fmt.Sprintf("%s=%s cannot be used: %v; running without the fact cache", CacheEnv, dir, cacheDirError(err)))
		}
		return &factCache{}, nil
	}
	if named && warn != nil {
		if err := probeWrite(dir); err != nil {
			warn(fmt.Sprintf("%s=%s cannot be written: %v; the facts in it are read, new ones are not kept", CacheEnv, dir, err))
		}
	}
	c := &factCache{dir: dir}
	c.trim(time.Now())
	return c, nil
}

// probeWrite checks that a file can be made in dir, once a run: entries
// that cannot be written fail one by one without a word. The error does
// not name the file.
func probeWrite(dir string) error {
	f, err := os.CreateTemp(dir, "probe*.tmp")
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	} else if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// cacheDirError says why os.MkdirAll failed, naming the path, which may
// be a parent of the directory.
func cacheDirError(err error) string {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	if errors.Is(pe.Err, syscall.ENOTDIR) || errors.Is(pe.Err, syscall.EEXIST) {
		// MkdirAll cannot make a directory where a link to nothing is.
		if to, err := os.Readlink(pe.Path); err == nil {
			if _, err := os.Stat(pe.Path); errors.Is(err, fs.ErrNotExist) {
				if !filepath.IsAbs(to) {
					to = filepath.Join(filepath.Dir(pe.Path), to)
				}
				return pe.Path + " is a symbolic link to " + to + ", which does not exist"
			}
		}
		return pe.Path + " is not a directory"
	}
	return pe.Path + ": " + pe.Err.Error()
}

// lookupEnv reads a variable of env, or of the process when env is nil,
// the last setting winning as in the go command.
func lookupEnv(env []string, name string) string {
	if env == nil {
		return os.Getenv(name)
	}
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}

func (c *factCache) file(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// An entry is the facts of a dependency or the record of a root
// (rootRecord), each starting with its own line, so that one is never
// read as the other. The SHA-256 of the data follows that line, then the
// data. An entry that does not check out (cut short, overwritten, written
// by another program) is a miss, and the package is analysed again.
const (
	factsEntry   = "microsec-lint facts\n"
	resultsEntry = "microsec-lint results\n"
)

// get returns the data of the entry of that kind stored under key. An
// entry is marked used at most once an hour, so that trimming keeps it.
func (c *factCache) get(kind, key string) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	name := c.file(key)
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false // a pipe or a device would block or lie
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	rest, ok := strings.CutPrefix(string(data), kind)
	if !ok || len(rest) < sha256.Size {
		return nil, false
	}
	sum, facts := rest[:sha256.Size], rest[sha256.Size:]
	if got := sha256.Sum256([]byte(facts)); string(got[:]) != sum {
		return nil, false
	}
	if time.Since(info.ModTime()) > time.Hour {
		now := time.Now()
		_ = os.Chtimes(name, now, now) // a missed mark costs one recomputation
	}
	if len(facts) == 0 {
		return nil, true // the package has no facts
	}
	return []byte(facts), true
}

// put stores data as an entry of that kind under key, atomically: a concurrent run reads the old
// entry or the new one, never part of one. A failure only costs the next
// run the work.
func (c *factCache) put(kind, key string, data []byte) {
	if c.dir == "" {
		return
	}
	dir := filepath.Dir(c.file(key))
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, key+".tmp*")
	if err != nil {
		return
	}
	sum := sha256.Sum256(data)
	entry := make([]byte, 0, len(kind)+len(sum)+len(data))
	entry = append(append(append(entry, kind...), sum[:]...), data...)
	_, werr := tmp.Write(entry)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), c.file(key)) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// trim removes, once a day, the entries unused for cacheKeepFor. It
// touches nothing but files named as entries are, in the folders entries
// go to: MICROSEC_LINT_CACHE may name a folder that holds other things.
func (c *factCache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, "trimmed")
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < cacheTrimEvery {
		return
	}
	for i := range 256 {
		sub := filepath.Join(c.dir, fmt.Sprintf("%02x", i))
		entries, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !isEntryName(e.Name(), sub) || !e.Type().IsRegular() {
				continue
			}
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > cacheKeepFor {
				_ = os.Remove(filepath.Join(sub, e.Name()))
			}
		}
	}
	_ = os.WriteFile(stamp, nil, 0o666)
}

// isEntryName reports whether name is that of an entry of folder dir: a
// key, 64 hexadecimal digits, starting with the folder's name.
func isEntryName(name, dir string) bool {
	if len(name) != 64 || !strings.HasPrefix(name, filepath.Base(dir)) {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

// setKeys gives each unit the key of its facts, units below first, and
// each root the key of its record (rootKey). A unit that imports a package
// without export data, or sits above such a unit, or has a file that
// cannot be read, gets no key and is never cached.
func setKeys(units []*unit, base, salt string) {
	// Reading and hashing the files is the cost, and each unit's are
	// its own: on both processors, that is half the wait.
	sums := make([][][]byte, len(units)) // of each unit's files; nil if one cannot be read
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(units)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(units); i = int(next.Add(1) - 1) {
				sums[i] = fileHashes(units[i].pkg.CompiledGoFiles)
			}
		})
	}
	wg.Wait()
	for i, u := range units { // units below come first
		u.key = unitKey(u, base, sums[i])
		if u.root {
			u.resultKey = rootKey(u, salt)
		}
	}
}

// fileHashes returns the hashes of files, nil if one cannot be read.
func fileHashes(files []string) [][]byte {
	sums := make([][]byte, len(files))
	for i, name := range files {
		sum, err := fileHash(name)
		if err != nil {
			return nil
		}
		sums[i] = sum
	}
	return sums
}

// unitKey is the key of u's facts, given the hashes of its files (nil if
// one could not be read).
func unitKey(u *unit, base string, sums [][]byte) string {
	p := u.pkg
	if sums == nil && len(p.CompiledGoFiles) > 0 {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\npackage %q %q\n", base, p.ID, p.PkgPath)
	if p.Module != nil {
		fmt.Fprintf(h, "go %q\n", p.Module.GoVersion)
	}
	for i, name := range p.CompiledGoFiles {
		fmt.Fprintf(h, "file %q %x\n", name, sums[i])
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		ip := p.Imports[path]
		if ip.ExportFile == "" && ip.PkgPath != "unsafe" {
			return ""
		}
		fmt.Fprintf(h, "import %q %q %q\n", path, ip.ID, ip.ExportFile)
	}
	keys := make([]string, 0, len(u.deps))
	for _, d := range u.deps {
		if d.key == "" {
			return ""
		}
		keys = append(keys, d.key)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "facts %s\n", k)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func fileHash(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// cacheBase is what every key of a run starts with: the running program
// and the analyzers with their flags.
func cacheBase(as []*analysis.Analyzer) (string, error) {
	id, err := programID()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "microsec-lint facts 2\nprogram %s\n", id)
	for _, a := range as {
		fmt.Fprintf(h, "analyzer %s\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(h, "flag %q %q\n", f.Name, f.Value.String())
		})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ProgramID names the running program, as the fact cache's keys do: go
// vet's -V=full handshake gives it too.
func ProgramID() (string, error) { return programID() }

// programID names the running program: by the build ID the Go linker
// writes in the executable, which changes with its content, or else by a
// hash of the whole file (twenty megabytes, read every run).
var programID = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if id, ok := goBuildID(exe); ok {
		return "build " + id, nil
	}
	sum, err := fileHash(exe)
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(sum), nil
})

// goBuildID reads the build ID of a Go executable for ELF systems, from
// the note the linker writes it in (section .note.go.buildid: name size,
// description size and type, four bytes each, the name "Go\x00\x00", then
// the ID). Elsewhere it reports none.
func goBuildID(name string) (string, bool) {
	f, err := elf.Open(name)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", false
	}
	note, err := sec.Data()
	if err != nil || len(note) < 16 {
		return "", false
	}
	order := f.ByteOrder
	nameSize, descSize := uint64(order.Uint32(note[0:])), uint64(order.Uint32(note[4:]))
	desc := 12 + (nameSize+3)&^3
	if nameSize != 4 || string(note[12:16]) != "Go\x00\x00" || descSize == 0 || uint64(len(note)) < desc+descSize {
		return "", false
	}
	return string(note[desc : desc+descSize]), true
}
