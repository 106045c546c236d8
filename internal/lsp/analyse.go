package lsp

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/microsec-lint/microsec-lint/internal/config"
	"github.com/microsec-lint/microsec-lint/internal/driver"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// dirResult is what the last analysis of one package directory found.
type dirResult struct {
	files map[string]*fileResult // by path
}

// fileResult holds the diagnostics published for one file, and the quick
// fixes that go with them.
type fileResult struct {
	uri     protocol.DocumentURI
	text    string // the file as analysed; code actions need the buffer to match it
	diags   []protocol.Diagnostic
	actions [][]action // actions[i] are the fixes of diags[i]
}

// action is one quick fix, with the analysed text of every file it edits.
type action struct {
	protocol.CodeAction
	texts map[string]string // path → text its edits were computed against
}

// module is a set of package directories analysed with one load.
type module struct {
	root     string
	dirs     []string
	settings string // the settings file that applies to dirs, "" for none
}

// analyse runs the rules over the packages in dirs, one load per module,
// and publishes the results of each module as soon as it is done.
func (s *server) analyse(ctx context.Context, dirs []string) {
	dirs = s.ownDirs(ctx, dirs)
	for _, m := range s.bySettings(ctx, byModule(dirs)) {
		if ctx.Err() != nil {
			return
		}
		rules, filter, err := s.settings(m.settings, m.root)
		if err != nil {
			s.settingsProblem(ctx, m.dirs, err)
			continue
		}
		patterns := make([]string, len(m.dirs))
		for i, d := range m.dirs {
			patterns[i] = pattern(m.root, d)
		}
		start := time.Now()
		res, err := driver.Run(ctx, driver.Config{
			Dir:      m.root,
			Patterns: patterns,
			Tests:    true,
			Rules:    rules,
			Env:      s.opts.Env,
		})
		if ctx.Err() != nil {
			s.log.Printf("analysis of %s %v cancelled after %v", m.root, patterns, time.Since(start).Round(time.Millisecond))
			return
		}
		if err != nil {
			s.logMessage(ctx, protocol.MessageTypeError, fmt.Sprintf("cannot analyse %s: %v", strings.Join(m.dirs, ", "), err))
			continue
		}
		for _, p := range res.Errors {
			msg := p.Message
			if p.Package != "" && !strings.Contains(msg, p.Package) {
				msg = "package " + p.Package + ": " + msg
			}
			s.logMessage(ctx, protocol.MessageTypeWarning, msg)
		}
		findings := shown(res.Findings, filter)
		s.log.Printf("analysed %s %v in %v: %d findings", m.root, patterns, time.Since(start).Round(time.Millisecond), len(findings))
		s.apply(ctx, m.dirs, findings, brokenDirs(m, res))
	}
}

// brokenDirs returns the directories of m whose package (or its external
// test package) could not be loaded or type-checked, itself or because a
// package it imports could not, with the problem: their analysis is
// incomplete, and would withdraw every diagnostic.
func brokenDirs(m module, res *report.Result) map[string]string {
	if len(res.Incomplete) == 0 {
		return nil
	}
	modPath := modulePath(m.root)
	if modPath == "" {
		return nil
	}
	byPath := make(map[string]string)
	for _, path := range res.Incomplete {
		byPath[strings.TrimSuffix(path, "_test")] = ""
	}
	for _, p := range res.Errors {
		if p.Package != "" {
			path := strings.TrimSuffix(p.Package, "_test")
			byPath[path] = strings.TrimPrefix(byPath[path]+"; "+p.Message, "; ")
		}
	}
	broken := make(map[string]string)
	for _, d := range m.dirs {
		if msg, ok := byPath[importPath(modPath, m.root, d)]; ok {
			if msg == "" {
				msg = "a package it imports has errors"
			}
			broken[d] = msg
		}
	}
	return broken
}

// foreignRoots returns GOROOT and GOMODCACHE, asking the go command once.
func (s *server) foreignRoots(ctx context.Context) []string {
	s.rootsMu.Lock()
	defer s.rootsMu.Unlock()
	if s.rootsKnown {
		return s.foreign
	}
	cmd := exec.CommandContext(ctx, "go", "env", "GOROOT", "GOMODCACHE")
	cmd.Env = s.opts.Env
	out, err := cmd.Output()
	if err != nil {
		s.log.Printf("go env: %v", err)
		return nil // asked again next time
	}
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			s.foreign = append(s.foreign, filepath.Clean(line))
		}
	}
	s.rootsKnown = true
	return s.foreign
}

// ownDirs leaves out directories of the Go distribution and the module
// cache, which an editor opens when the user jumps to a definition: they
// are not the user's code, and analysing them is slow.
func (s *server) ownDirs(ctx context.Context, dirs []string) []string {
	foreign := s.foreignRoots(ctx)
	var own []string
	for _, d := range dirs {
		if slices.ContainsFunc(foreign, func(root string) bool { return within(d, root) }) {
			s.log.Printf("not analysing %s: it belongs to the Go distribution or the module cache", d)
			continue
		}
		own = append(own, d)
	}
	return own
}

// byModule groups directories by the nearest directory above them that
// holds a go.mod; a directory outside any module is its own group, for
// the driver to say so.
func byModule(dirs []string) []module {
	index := make(map[string]int)
	var mods []module
	for _, d := range dirs {
		root := moduleRoot(d)
		i, ok := index[root]
		if !ok {
			i = len(mods)
			index[root] = i
			mods = append(mods, module{root: root})
		}
		mods[i].dirs = append(mods[i].dirs, d)
	}
	return mods
}

// bySettings splits the directories of each module by the settings file
// that applies to them (Settings.File, when set, to all), when the server
// reads settings files; a directory
// whose file cannot be told (both spellings present, say) is reported and
// left out.
func (s *server) bySettings(ctx context.Context, mods []module) []module {
	if s.opts.Settings == nil {
		return mods
	}
	var out []module
	for _, m := range mods {
		index := make(map[string]int)
		for _, d := range m.dirs {
			path, err := s.opts.Settings.File, error(nil)
			if path == "" {
				path, err = config.Find(d)
			}
			if err != nil {
				s.settingsProblem(ctx, []string{d}, err)
				continue
			}
			i, ok := index[path]
			if !ok {
				i = len(out)
				index[path] = i
				out = append(out, module{root: m.root, settings: path})
			}
			out[i].dirs = append(out[i].dirs, d)
		}
	}
	return out
}

// settingsProblem tells the user why dirs are not analysed: in a window
// message the first time an error is seen, as it needs fixing before
// anything else shows, and in the log each time.
func (s *server) settingsProblem(ctx context.Context, dirs []string, err error) {
	msg := fmt.Sprintf("not analysing %s: %v", strings.Join(dirs, ", "), err)
	s.logMessage(ctx, protocol.MessageTypeError, msg)
	s.mu.Lock()
	seen := s.shownErrors[err.Error()]
	s.shownErrors[err.Error()] = true
	s.mu.Unlock()
	if !seen {
		_ = s.client.ShowMessage(context.WithoutCancel(ctx), &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: source + ": " + msg})
	}
}

func moduleRoot(dir string) string {
	for d := dir; ; {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !st.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// pattern is the go list pattern of the package in dir, relative to root.
func pattern(root, dir string) string {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// apply replaces the results of dirs with findings and publishes the
// difference: new diagnostics for files with findings, an empty list for
// files whose findings went away and for open files without any. The
// results of a broken directory (see brokenDirs) that has earlier ones are
// kept instead, stale but closer to the truth than none, and the client
// is told so.
func (s *server) apply(ctx context.Context, dirs []string, findings []report.Finding, broken map[string]string) {
	texts := make(map[string]*content)
	read := func(path string) *content {
		if c, ok := texts[path]; ok {
			return c
		}
		var c *content
		if b, err := os.ReadFile(path); err == nil {
			c = newContent(string(b))
		}
		texts[path] = c
		return c
	}
	analysed := make(map[string]bool, len(dirs))
	for _, d := range dirs {
		analysed[d] = true
	}

	s.pubMu.Lock()
	defer s.pubMu.Unlock()

	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		return
	}
	fresh := make(map[string]*dirResult)
	var kept []string
	for _, d := range dirs {
		if !s.hasOpenDoc(d) {
			continue
		}
		if msg, ok := broken[d]; ok && s.results[d] != nil {
			kept = append(kept, fmt.Sprintf("keeping the diagnostics of %s from its last analysis: the package has errors: %s", d, msg))
			continue
		}
		fresh[d] = &dirResult{files: make(map[string]*fileResult)}
	}
	for _, f := range findings {
		path := filepath.Clean(f.Pos.File)
		dr := fresh[filepath.Dir(path)]
		if dr == nil {
			continue // another directory, or one closed meanwhile
		}
		c := read(path)
		if c == nil {
			continue
		}
		fr := dr.files[path]
		if fr == nil {
			fr = &fileResult{uri: s.uriOf(path), text: c.text}
			dr.files[path] = fr
		}
		d := diagnostic(f, c, s.urls)
		fr.diags = append(fr.diags, d)
		fr.actions = append(fr.actions, s.fixes(f, d, read))
	}
	type pub struct {
		uri   protocol.DocumentURI
		diags []protocol.Diagnostic
	}
	var pubs []pub
	for d, dr := range fresh {
		for _, fr := range dr.files {
			pubs = append(pubs, pub{fr.uri, fr.diags})
		}
		if old := s.results[d]; old != nil {
			for path, fr := range old.files {
				if dr.files[path] == nil {
					pubs = append(pubs, pub{fr.uri, nil})
				}
			}
		}
		for path, doc := range s.docs {
			if filepath.Dir(path) == d && dr.files[path] == nil && (s.results[d] == nil || s.results[d].files[path] == nil) {
				pubs = append(pubs, pub{doc.uri, nil})
			}
		}
		s.results[d] = dr
	}
	s.mu.Unlock()

	for _, msg := range kept {
		s.logMessage(ctx, protocol.MessageTypeWarning, msg)
	}
	slices.SortFunc(pubs, func(a, b pub) int { return strings.Compare(string(a.uri), string(b.uri)) })
	for _, p := range pubs {
		s.publish(ctx, p.uri, p.diags)
	}
}

// hasOpenDoc reports whether the client has a file of dir open. s.mu is held.
func (s *server) hasOpenDoc(dir string) bool {
	for path := range s.docs {
		if filepath.Dir(path) == dir {
			return true
		}
	}
	return false
}

// uriOf spells the URI of path as the client did, when it has the file
// open. s.mu is held.
func (s *server) uriOf(path string) protocol.DocumentURI {
	if d := s.docs[path]; d != nil {
		return d.uri
	}
	return uri.File(path)
}

// fixes turns the suggested fixes of f into quick fixes for diagnostic d.
// A fix whose file cannot be read is left out. s.mu is held.
func (s *server) fixes(f report.Finding, d protocol.Diagnostic, read func(string) *content) []action {
	var out []action
	for _, fix := range f.Fixes {
		a := action{texts: make(map[string]string)}
		a.Title = fix.Message
		if a.Title == "" {
			a.Title = "Apply the suggested fix of " + f.Rule
		}
		a.Kind = protocol.QuickFix
		a.Diagnostics = []protocol.Diagnostic{d}
		a.IsPreferred = len(f.Fixes) == 1
		changes := make(map[protocol.DocumentURI][]protocol.TextEdit)
		ok := true
		for _, e := range fix.Edits {
			path := filepath.Clean(e.Pos.File)
			c := read(path)
			if c == nil {
				ok = false
				break
			}
			a.texts[path] = c.text
			u := s.uriOf(path)
			changes[u] = append(changes[u], protocol.TextEdit{Range: c.rangeOf(e.Pos, e.End), NewText: e.NewText})
		}
		if !ok || len(changes) == 0 {
			continue
		}
		a.Edit = &protocol.WorkspaceEdit{Changes: changes}
		out = append(out, a)
	}
	return out
}

// codeActions returns the quick fixes of the diagnostics that overlap the
// requested range, provided every file they edit still reads as it did
// when it was analysed; otherwise the edits would land in the wrong place,
// and the next save brings fresh ones.
func (s *server) codeActions(p protocol.CodeActionParams) []protocol.CodeAction {
	out := []protocol.CodeAction{}
	if !wantsKind(p.Context.Only, protocol.QuickFix) {
		return out
	}
	path, ok := goFile(p.TextDocument.URI)
	if !ok {
		return out
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dr := s.results[filepath.Dir(path)]
	if dr == nil || dr.files[path] == nil {
		return out
	}
	fr := dr.files[path]
	// A fix applies while every file it edits is as analysed: the
	// client's text of an open file, the disk's of another. All the
	// fixes of one analysis were made from the same text of a file, so
	// each file is compared once.
	current := make(map[string]bool)
	asAnalysed := func(file, text string) bool {
		if same, ok := current[file]; ok {
			return same
		}
		var same bool
		if doc := s.docs[file]; doc != nil {
			same = doc.text == text
		} else {
			disk, err := os.ReadFile(file)
			same = err == nil && string(disk) == text
		}
		current[file] = same
		return same
	}
	for i, d := range fr.diags {
		if !overlaps(d.Range, p.Range) {
			continue
		}
	actions:
		for _, a := range fr.actions[i] {
			for file, text := range a.texts {
				if !asAnalysed(file, text) {
					continue actions
				}
			}
			out = append(out, a.CodeAction)
		}
	}
	return out
}

// wantsKind reports whether a code action of kind k passes the client's
// "only" filter; kinds are hierarchical, "quickfix" covers "quickfix.x".
func wantsKind(only []protocol.CodeActionKind, k protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == k || strings.HasPrefix(string(k), string(o)+".") {
			return true
		}
	}
	return false
}

func overlaps(a, b protocol.Range) bool {
	return !less(b.End, a.Start) && !less(a.End, b.Start)
}

func less(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// shown returns the findings an editor should show: those the settings
// keep, less those a //microsec:ignore directive silences, as in the
// command's text output.
func shown(fs []report.Finding, filter func([]report.Finding) []report.Finding) []report.Finding {
	if filter != nil {
		fs = filter(fs)
	}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}
