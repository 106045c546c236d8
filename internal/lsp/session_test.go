package lsp

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/constant"
	"go/types"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/analyzers/insecuretransport"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"golang.org/x/tools/go/analysis"
)

const ruleURL = "https://example.com/rules#tlsskip"

// tlsSkip is a stand-in rule for the tests: it reports
// InsecureSkipVerify: true in a crypto/tls.Config literal, with a fix
// that sets it to false. before, when set, runs before each pass.
func tlsSkip(level string, before func()) analyzers.Rule {
	a := &analysis.Analyzer{
		Name: "tlsskip",
		Doc:  "tlsskip: report tls.Config literals that skip certificate checks",
		URL:  ruleURL,
		Run: func(pass *analysis.Pass) (any, error) {
			if before != nil {
				before()
			}
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					lit, ok := n.(*ast.CompositeLit)
					if !ok || !isTLSConfig(pass.TypesInfo.TypeOf(lit)) {
						return true
					}
					for _, e := range lit.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						key, ok := kv.Key.(*ast.Ident)
						tv := pass.TypesInfo.Types[kv.Value]
						if !ok || key.Name != "InsecureSkipVerify" || tv.Value == nil || !constant.BoolVal(tv.Value) {
							continue
						}
						pass.Report(analysis.Diagnostic{
							Pos:     kv.Pos(),
							End:     kv.End(),
							Message: "tls.Config skips certificate verification: remove InsecureSkipVerify",
							SuggestedFixes: []analysis.SuggestedFix{{
								Message:   "Verify certificates",
								TextEdits: []analysis.TextEdit{{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte("false")}},
							}},
						})
					}
					return true
				})
			}
			return nil, nil
		},
	}
	return analyzers.Rule{Analyzer: a, Level: level}
}

func isTLSConfig(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "crypto/tls" && n.Obj().Name() == "Config"
}

// testClient is the editor's side: it records what the server sends.
type testClient struct {
	diags    chan *protocol.PublishDiagnosticsParams
	messages chan string // "show: " or "log: " and the text; dropped when full
}

func (c *testClient) message(kind, text string) {
	select {
	case c.messages <- kind + ": " + text:
	default:
	}
}

func (c *testClient) Progress(context.Context, *protocol.ProgressParams) error { return nil }
func (c *testClient) WorkDoneProgressCreate(context.Context, *protocol.WorkDoneProgressCreateParams) error {
	return nil
}
func (c *testClient) LogMessage(_ context.Context, p *protocol.LogMessageParams) error {
	c.message("log", p.Message)
	return nil
}
func (c *testClient) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.diags <- p
	return nil
}
func (c *testClient) ShowMessage(_ context.Context, p *protocol.ShowMessageParams) error {
	c.message("show", p.Message)
	return nil
}
func (c *testClient) ShowMessageRequest(context.Context, *protocol.ShowMessageRequestParams) (*protocol.MessageActionItem, error) {
	return nil, nil
}
func (c *testClient) Telemetry(context.Context, any) error { return nil }
func (c *testClient) RegisterCapability(context.Context, *protocol.RegistrationParams) error {
	return nil
}
func (c *testClient) UnregisterCapability(context.Context, *protocol.UnregistrationParams) error {
	return nil
}
func (c *testClient) ApplyEdit(context.Context, *protocol.ApplyWorkspaceEditParams) (bool, error) {
	return false, nil
}
func (c *testClient) Configuration(context.Context, *protocol.ConfigurationParams) ([]any, error) {
	return nil, nil
}
func (c *testClient) WorkspaceFolders(context.Context) ([]protocol.WorkspaceFolder, error) {
	return nil, nil
}

// lockedBuffer collects the server's log from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type session struct {
	t      *testing.T
	ctx    context.Context
	dir    string // the copy of the fixture module
	server protocol.Server
	client *testClient
	served chan error
	log    *lockedBuffer
}

// start copies the fixture module, runs Serve on one end of two pipes and
// a client of the protocol library on the other, and initializes.
func start(t *testing.T, opts Options) *session {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	s := &session{
		t:      t,
		ctx:    ctx,
		dir:    copyFixture(t),
		client: &testClient{diags: make(chan *protocol.PublishDiagnosticsParams, 100), messages: make(chan string, 100)},
		served: make(chan error, 1),
		log:    &lockedBuffer{},
	}
	opts.Log = s.log
	opts.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")

	toServerR, toServerW := io.Pipe()
	toClientR, toClientW := io.Pipe()
	go func() { s.served <- Serve(ctx, toServerR, toClientW, opts) }()
	_, conn, server := protocol.NewClient(ctx, s.client, jsonrpc2.NewStream(&duplex{in: toClientR, out: toServerW}), zap.NewNop())
	s.server = server
	t.Cleanup(func() {
		conn.Close()
		toServerR.Close()
		toClientW.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", s.log.String())
		}
	})
	return s
}

func copyFixture(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("testdata", "fixture")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func (s *session) initialize() *protocol.InitializeResult {
	s.t.Helper()
	res, err := s.server.Initialize(s.ctx, &protocol.InitializeParams{ClientInfo: &protocol.ClientInfo{Name: "lsp-test"}})
	if err != nil {
		s.t.Fatalf("initialize: %v", err)
	}
	if err := s.server.Initialized(s.ctx, &protocol.InitializedParams{}); err != nil {
		s.t.Fatalf("initialized: %v", err)
	}
	return res
}

func (s *session) open(path string) (protocol.DocumentURI, string) {
	s.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		s.t.Fatal(err)
	}
	u := uri.File(path)
	err = s.server.DidOpen(s.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "go", Version: 1, Text: string(b),
	}})
	if err != nil {
		s.t.Fatalf("didOpen: %v", err)
	}
	return u, string(b)
}

func (s *session) save(u protocol.DocumentURI) {
	s.t.Helper()
	if err := s.server.DidSave(s.ctx, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		s.t.Fatalf("didSave: %v", err)
	}
}

// next returns the next diagnostics published for u, skipping other files.
func (s *session) next(u protocol.DocumentURI) []protocol.Diagnostic {
	s.t.Helper()
	for {
		select {
		case p := <-s.client.diags:
			if p.URI == u {
				if p.Diagnostics == nil {
					s.t.Errorf("diagnostics of %s published as null, want a list", u)
				}
				return p.Diagnostics
			}
		case <-time.After(time.Minute):
			s.t.Fatalf("no diagnostics published for %s within a minute", u)
		}
	}
}

// drain returns the diagnostics published and not yet read.
func (s *session) drain() []*protocol.PublishDiagnosticsParams {
	var out []*protocol.PublishDiagnosticsParams
	for {
		select {
		case p := <-s.client.diags:
			out = append(out, p)
		default:
			return out
		}
	}
}

// message returns the next window or log message that contains want.
func (s *session) message(want string) string {
	s.t.Helper()
	for {
		select {
		case m := <-s.client.messages:
			if strings.Contains(m, want) {
				return m
			}
		case <-time.After(time.Minute):
			s.t.Fatalf("no message containing %q within a minute", want)
		}
	}
}

// end shuts the server down and checks that Serve returns cleanly.
func (s *session) end() {
	s.t.Helper()
	if err := s.server.Shutdown(s.ctx); err != nil {
		s.t.Fatalf("shutdown: %v", err)
	}
	if err := s.server.Exit(s.ctx); err != nil {
		s.t.Fatalf("exit: %v", err)
	}
	s.wait(nil)
}

func (s *session) wait(want error) {
	s.t.Helper()
	select {
	case err := <-s.served:
		if !errors.Is(err, want) && err != want {
			s.t.Fatalf("Serve returned %v, want %v", err, want)
		}
	case <-time.After(30 * time.Second):
		s.t.Fatal("Serve did not return after exit")
	}
}

// utf16Position is the client's own reckoning of where byte offset off of
// text lies, written independently of the server's conversion.
func utf16Position(text string, off int) protocol.Position {
	line := strings.Count(text[:off], "\n")
	start := strings.LastIndex(text[:off], "\n") + 1
	return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(text[start:off]))))}
}

// applyEdits applies LSP text edits the way an editor does: positions are
// UTF-16 based, edits do not overlap, and are applied from the last one.
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	toOffset := func(p protocol.Position) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < int(p.Line); i++ {
			off += len(lines[i])
		}
		units := utf16.Encode([]rune(lines[p.Line]))
		return off + len(string(utf16.Decode(units[:p.Character])))
	}
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:toOffset(e.Range.Start)] + e.NewText + text[toOffset(e.Range.End):]
	}
	return text
}

func TestSession(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond, Version: "v0.0.0-test"})

	res := s.initialize()
	sync, ok := res.Capabilities.TextDocumentSync.(map[string]any)
	if !ok || sync["openClose"] != true || sync["change"] != float64(protocol.TextDocumentSyncKindFull) || sync["save"] == nil {
		t.Errorf("textDocumentSync = %#v, want open/close, full changes and saves", res.Capabilities.TextDocumentSync)
	}
	if res.Capabilities.CodeActionProvider == nil {
		t.Error("no codeActionProvider")
	}
	if res.ServerInfo == nil || res.ServerInfo.Name != "microsec-lint" || res.ServerInfo.Version != "v0.0.0-test" {
		t.Errorf("serverInfo = %+v", res.ServerInfo)
	}

	path := filepath.Join(s.dir, "client", "client.go")
	u, text := s.open(path)
	diags := s.next(u)
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics for client.go, want 1: %+v", len(diags), diags)
	}
	d := diags[0]
	flagged := "InsecureSkipVerify: true"
	at := strings.Index(text, flagged)
	want := protocol.Range{Start: utf16Position(text, at), End: utf16Position(text, at+len(flagged))}
	if d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	lineStart := strings.LastIndex(text[:at], "\n") + 1
	if int(want.Start.Character) == at-lineStart {
		t.Fatal("the fixture no longer puts non-ASCII text before the finding")
	}
	if d.Code != "tlsskip" || d.Source != "microsec-lint" || d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("code %v, source %q, severity %v; want tlsskip, microsec-lint, error", d.Code, d.Source, d.Severity)
	}
	if d.CodeDescription == nil || string(d.CodeDescription.Href) != ruleURL {
		t.Errorf("codeDescription = %+v, want %s", d.CodeDescription, ruleURL)
	}
	if !strings.Contains(d.Message, "skips certificate verification") {
		t.Errorf("message = %q", d.Message)
	}

	// Nothing to fix on the package clause.
	none, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        protocol.Range{Start: protocol.Position{Line: 3}, End: protocol.Position{Line: 3, Character: 3}},
	})
	if err != nil || len(none) != 0 {
		t.Errorf("code actions away from the finding = %+v, %v; want none", none, err)
	}

	// The quick fix, requested the way editors do, at the cursor.
	cursor := utf16Position(text, at+3)
	actions, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        protocol.Range{Start: cursor, End: cursor},
		Context:      protocol.CodeActionContext{Diagnostics: diags, Only: []protocol.CodeActionKind{protocol.QuickFix}},
	})
	if err != nil {
		t.Fatalf("codeAction: %v", err)
	}
	if len(actions) != 1 {
		t.Fatalf("got %d code actions, want 1: %+v", len(actions), actions)
	}
	a := actions[0]
	if a.Kind != protocol.QuickFix || a.Title != "Verify certificates" || !a.IsPreferred || len(a.Diagnostics) != 1 || a.Diagnostics[0].Range != d.Range {
		t.Errorf("code action = %+v", a)
	}
	if a.Edit == nil || len(a.Edit.Changes) != 1 || len(a.Edit.Changes[u]) != 1 {
		t.Fatalf("edit = %+v, want one edit of %s", a.Edit, u)
	}
	fixed := applyEdits(t, text, a.Edit.Changes[u])
	if wantText := strings.Replace(text, flagged, "InsecureSkipVerify: false", 1); fixed != wantText {
		t.Fatalf("after the fix:\n%s\nwant:\n%s", fixed, wantText)
	}

	// Once the buffer differs from what was analysed, the edit would land
	// in the wrong place: no code actions until the next save.
	edited := "// edited\n" + text
	err = s.server.DidChange(s.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: 2},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: edited}},
	})
	if err != nil {
		t.Fatal(err)
	}
	stale, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        protocol.Range{Start: cursor, End: cursor},
	})
	if err != nil || len(stale) != 0 {
		t.Errorf("code actions on a changed buffer = %+v, %v; want none", stale, err)
	}

	// The editor applies the fix and saves: the diagnostic goes away.
	err = s.server.DidChange(s.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: 3},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: fixed}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(u)
	if diags := s.next(u); len(diags) != 0 {
		t.Errorf("after the fix, diagnostics = %+v, want none", diags)
	}

	s.end()
}

// The other files of the package are analysed with the open one, and their
// diagnostics are withdrawn when the last file of the package is closed.
func TestPackageFilesAndClose(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("warning", nil)}, Debounce: 50 * time.Millisecond})
	s.initialize()
	u, _ := s.open(filepath.Join(s.dir, "client", "client.go"))
	other := uri.File(filepath.Join(s.dir, "client", "other.go"))
	got := map[protocol.DocumentURI][]protocol.Diagnostic{}
	for len(got) < 2 {
		select {
		case p := <-s.client.diags:
			got[p.URI] = p.Diagnostics
		case <-time.After(time.Minute):
			t.Fatalf("diagnostics published for %d files, want 2", len(got))
		}
	}
	if len(got[u]) != 1 || len(got[other]) != 1 {
		t.Fatalf("diagnostics = %+v, want one in client.go and one in other.go", got)
	}
	if got[other][0].Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("severity = %v, want warning (the rule's level)", got[other][0].Severity)
	}
	if err := s.server.DidClose(s.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		t.Fatal(err)
	}
	cleared := map[protocol.DocumentURI]bool{}
	for len(cleared) < 2 {
		select {
		case p := <-s.client.diags:
			if len(p.Diagnostics) != 0 {
				t.Fatalf("after close, %s got %+v", p.URI, p.Diagnostics)
			}
			cleared[p.URI] = true
		case <-time.After(30 * time.Second):
			t.Fatalf("after close, diagnostics cleared for %v, want both files", cleared)
		}
	}
	s.end()
}

// A file the client does not have open, changed on disk after the analysis
// (by another tool, with no word to the server), offers no quick fix: its
// edits would land where the code no longer is.
func TestNoFixForFileChangedOnDisk(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("warning", nil)}, Debounce: 50 * time.Millisecond})
	s.initialize()
	s.open(filepath.Join(s.dir, "client", "client.go"))
	path := filepath.Join(s.dir, "client", "other.go")
	other := uri.File(path)
	var diags []protocol.Diagnostic
	for diags == nil {
		select {
		case p := <-s.client.diags:
			if p.URI == other {
				diags = p.Diagnostics
			}
		case <-time.After(time.Minute):
			t.Fatal("no diagnostics for other.go")
		}
	}
	if len(diags) != 1 {
		t.Fatalf("other.go diagnostics = %+v, want one", diags)
	}
	ask := func() []protocol.CodeAction {
		actions, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: other},
			Range:        diags[0].Range,
			Context:      protocol.CodeActionContext{Diagnostics: diags},
		})
		if err != nil {
			t.Fatal(err)
		}
		return actions
	}
	if len(ask()) != 1 {
		t.Fatal("no quick fix for other.go while it is as analysed")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append([]byte("// A line added by another tool.\n"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ask(); len(got) != 0 {
		t.Errorf("after other.go changed on disk, code actions = %+v, want none", got)
	}
	s.end()
}

// A file open by two spellings of its URI stays open when one is closed,
// and its diagnostics go on to the other.
func TestOneFileTwoURIs(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("warning", nil)}, Debounce: 50 * time.Millisecond})
	s.initialize()
	path := filepath.Join(s.dir, "client", "client.go")
	u, text := s.open(path)
	if len(s.next(u)) != 1 {
		t.Fatal("want one diagnostic in client.go")
	}
	// The same file, its last letter percent-encoded.
	alias := protocol.DocumentURI(strings.TrimSuffix(string(u), "o") + "%6F")
	if got, _ := filePath(alias); got != path {
		t.Fatalf("the alias %s names %s, not %s", alias, got, path)
	}
	if err := s.server.DidOpen(s.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: alias, LanguageID: "go", Version: 1, Text: text,
	}}); err != nil {
		t.Fatal(err)
	}
	s.next(alias)
	if err := s.server.DidClose(s.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: alias}}); err != nil {
		t.Fatal(err)
	}
	if got := s.next(u); len(got) != 1 {
		t.Errorf("after closing the alias, client.go has %+v, want its one diagnostic", got)
	}
	s.end()
}

// Saves that follow each other within the debounce time make one analysis.
func TestDebounce(t *testing.T) {
	var runs atomic.Int32
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", func() { runs.Add(1) })}, Debounce: 400 * time.Millisecond})
	s.initialize()
	u, _ := s.open(filepath.Join(s.dir, "client", "client.go"))
	for range 4 {
		s.save(u)
	}
	if diags := s.next(u); len(diags) != 1 {
		t.Fatalf("diagnostics = %+v, want 1", diags)
	}
	time.Sleep(time.Second)
	if n := runs.Load(); n != 1 {
		t.Errorf("the package was analysed %d times, want once", n)
	}
	s.end()
}

// A save during an analysis cancels it: its now stale findings are never
// published, and the package is analysed again.
func TestSaveCancelsStaleRun(t *testing.T) {
	var first sync.Once
	gate, started := make(chan struct{}), make(chan struct{})
	cancelled := make(chan []string, 1)
	rule := tlsSkip("error", func() {
		first.Do(func() {
			close(started)
			<-gate
		})
	})
	s := start(t, Options{
		Rules:    []analyzers.Rule{rule},
		Debounce: 50 * time.Millisecond,
		onCancel: func(dirs []string) { cancelled <- dirs },
	})
	t.Cleanup(func() {
		select {
		case <-gate:
		default:
			close(gate)
		}
	})
	s.initialize()
	path := filepath.Join(s.dir, "client", "client.go")
	u, text := s.open(path)
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatal("no analysis started after didOpen")
	}
	// The first analysis is now held inside the analyzer. Fix the file on
	// disk and save it.
	fixed := strings.Replace(text, "InsecureSkipVerify: true", "InsecureSkipVerify: false", 1)
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(u)
	select {
	case dirs := <-cancelled:
		if len(dirs) != 1 || dirs[0] != filepath.Dir(path) {
			t.Errorf("cancelled the analysis of %v, want %s", dirs, filepath.Dir(path))
		}
	case <-time.After(time.Minute):
		t.Fatal("the save did not cancel the running analysis")
	}
	close(gate)
	if diags := s.next(u); len(diags) != 0 {
		t.Errorf("first diagnostics published = %+v, want the empty list of the second analysis", diags)
	}
	s.end()
}

func TestProtocolErrors(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}})
	var werr *jsonrpc2.Error
	_, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///x.go"}})
	if !errors.As(err, &werr) || werr.Code != jsonrpc2.ServerNotInitialized {
		t.Errorf("codeAction before initialize: %v, want ServerNotInitialized", err)
	}
	s.initialize()
	if _, err := s.server.Initialize(s.ctx, &protocol.InitializeParams{}); !errors.As(err, &werr) || werr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v, want InvalidRequest", err)
	}
	_, err = s.server.Hover(s.ctx, &protocol.HoverParams{})
	if !errors.As(err, &werr) || werr.Code != jsonrpc2.MethodNotFound {
		t.Errorf("hover: %v, want MethodNotFound", err)
	}
	// Not a file of ours: ignored, no diagnostics, no error.
	err = s.server.DidOpen(s.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: "untitled:Untitled-1", LanguageID: "go", Text: "package x"}})
	if err != nil {
		t.Error(err)
	}
	if err := s.server.Shutdown(s.ctx); err != nil {
		t.Fatal(err)
	}
	_, err = s.server.CodeAction(s.ctx, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///x.go"}})
	if !errors.As(err, &werr) || werr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("codeAction after shutdown: %v, want InvalidRequest", err)
	}
	if err := s.server.Exit(s.ctx); err != nil {
		t.Fatal(err)
	}
	s.wait(nil)
}

func TestExitWithoutShutdown(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}})
	s.initialize()
	if err := s.server.Exit(s.ctx); err != nil {
		t.Fatal(err)
	}
	s.wait(ErrExitWithoutShutdown)
}

// The suite's own rule, through the same session: its range, code, link
// and quick fix reach the editor.
func TestInsecureTransportRule(t *testing.T) {
	rule := analyzers.Rule{Analyzer: insecuretransport.Analyzer, Doc: insecuretransport.Doc, Level: "error"}
	s := start(t, Options{Rules: []analyzers.Rule{rule}, Debounce: 50 * time.Millisecond})
	s.initialize()
	u, text := s.open(filepath.Join(s.dir, "client", "client.go"))
	diags := s.next(u)
	flagged := "InsecureSkipVerify: true"
	at := strings.Index(text, flagged) + len("InsecureSkipVerify: ")
	want := protocol.Range{Start: utf16Position(text, at), End: utf16Position(text, at+len("true"))}
	var found *protocol.Diagnostic
	for i, d := range diags {
		if d.Range == want {
			found = &diags[i]
		}
	}
	if found == nil {
		t.Fatalf("no diagnostic at %+v among %+v", want, diags)
	}
	if found.Code != "insecuretransport" || found.CodeDescription == nil || string(found.CodeDescription.Href) != insecuretransport.Analyzer.URL {
		t.Errorf("diagnostic = %+v, want code insecuretransport and its URL", *found)
	}
	actions, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        found.Range,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{*found}},
	})
	if err != nil || len(actions) == 0 || actions[0].Edit == nil {
		t.Fatalf("code actions = %+v, %v; want a quick fix", actions, err)
	}
	fixed := applyEdits(t, text, actions[0].Edit.Changes[u])
	if !strings.Contains(fixed, "InsecureSkipVerify: false") {
		t.Errorf("the quick fix gave:\n%s", fixed)
	}
	s.end()
}

// An editor that reaches the module through a symbolic link names its files
// by the link, while the go command reports resolved paths: diagnostics
// must still reach the files the editor named.
func TestSymlinkedModule(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(s.dir, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	s.initialize()
	u, text := s.open(filepath.Join(link, "client", "client.go"))
	diags := s.next(u)
	if len(diags) != 1 {
		t.Fatalf("diagnostics for %s = %+v, want 1", u, diags)
	}
	actions, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        diags[0].Range,
	})
	if err != nil || len(actions) != 1 || actions[0].Edit == nil || len(actions[0].Edit.Changes[u]) != 1 {
		t.Fatalf("code actions = %+v, %v; want one editing %s", actions, err, u)
	}
	if fixed := applyEdits(t, text, actions[0].Edit.Changes[u]); !strings.Contains(fixed, "InsecureSkipVerify: false") {
		t.Errorf("the quick fix gave:\n%s", fixed)
	}
	s.end()
}

// TestSuppressedAndFilteredFindings: findings that a //microsec:ignore
// directive silences are not shown, and neither are those the Filter
// option (the command's .microsec.yml settings) drops.
func TestSuppressedAndFilteredFindings(t *testing.T) {
	dropOther := func(fs []report.Finding) []report.Finding {
		var out []report.Finding
		for _, f := range fs {
			if filepath.Base(f.Pos.File) != "other.go" {
				out = append(out, f)
			}
		}
		return out
	}
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond, Filter: dropOther})
	path := filepath.Join(s.dir, "client", "client.go")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	silenced := strings.Replace(string(data), "func Transport()", "//microsec:ignore tlsskip -- a test client for a local server\nfunc Transport()", 1)
	if err := os.WriteFile(path, []byte(silenced), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	u, _ := s.open(path)
	if diags := s.next(u); len(diags) != 0 {
		t.Errorf("diagnostics = %+v, want none: the finding is suppressed", diags)
	}
	// other.go has a finding (TestPackageFilesAndClose shows it without
	// the filter); opened, it must show none.
	other, _ := s.open(filepath.Join(s.dir, "client", "other.go"))
	if diags := s.next(other); len(diags) != 0 {
		t.Errorf("diagnostics for other.go = %+v, want none: the filter drops them", diags)
	}
	s.end()
}

// lspLines splits text at every line ending LSP knows: "\r\n", "\r", "\n".
func lspLines(text string) []string {
	return regexp.MustCompile("\r\n|\r|\n").Split(text, -1)
}

// A file whose comment holds lone "\r" line endings: the diagnostic and the
// quick fix land where the editor, counting lines as LSP does, expects.
func TestLoneCarriageReturns(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond})
	path := filepath.Join(s.dir, "client", "other.go")
	text := "package client\n\nimport \"crypto/tls\"\n\n/* old mac\rline endings\rin a comment */\r\nvar Lax = &tls.Config{InsecureSkipVerify: true}\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	u, _ := s.open(path)
	diags := s.next(u)
	if len(diags) != 1 {
		t.Fatalf("diagnostics = %+v, want 1", diags)
	}
	lines := lspLines(text)
	r := diags[0].Range
	if r.Start.Line != r.End.Line || int(r.Start.Line) >= len(lines) || int(r.End.Character) > len(lines[r.Start.Line]) {
		t.Fatalf("range %+v is not within one line of %q", r, lines)
	}
	if got := lines[r.Start.Line][r.Start.Character:r.End.Character]; got != "InsecureSkipVerify: true" {
		t.Errorf("the diagnostic's range covers %q, want InsecureSkipVerify: true", got)
	}
	actions, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: r})
	if err != nil || len(actions) != 1 || actions[0].Edit == nil || len(actions[0].Edit.Changes[u]) != 1 {
		t.Fatalf("code actions = %+v, %v; want one edit", actions, err)
	}
	e := actions[0].Edit.Changes[u][0]
	if e.Range.Start.Line != e.Range.End.Line {
		t.Fatalf("edit range %+v spans lines", e.Range)
	}
	line := lines[e.Range.Start.Line]
	lines[e.Range.Start.Line] = line[:e.Range.Start.Character] + e.NewText + line[e.Range.End.Character:]
	if got := lines[e.Range.Start.Line]; got != "var Lax = &tls.Config{InsecureSkipVerify: false}" {
		t.Errorf("after the fix the line reads %q", got)
	}
	s.end()
}

// Saving a file that does not compile keeps the package's last diagnostics,
// says why, and a later good save replaces them.
func TestSavedErrorKeepsDiagnostics(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond})
	s.initialize()
	path := filepath.Join(s.dir, "client", "client.go")
	u, text := s.open(path)
	if diags := s.next(u); len(diags) != 1 {
		t.Fatalf("diagnostics = %+v, want 1", diags)
	}
	time.Sleep(300 * time.Millisecond)
	s.drain() // other.go's
	for _, broken := range []string{text + "\nfunc {{{ broken\n", text + "\nvar z int = \"str\"\n"} {
		if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
			t.Fatal(err)
		}
		s.save(u)
		if m := s.message("keeping the diagnostics"); !strings.Contains(m, filepath.Join(s.dir, "client")) || !strings.Contains(m, "client.go:") {
			t.Errorf("message = %q, want the package's directory and the error", m)
		}
		time.Sleep(300 * time.Millisecond)
		for _, p := range s.drain() {
			t.Errorf("after saving a broken file, diagnostics of %s published: %+v", p.URI, p.Diagnostics)
		}
	}
	fixed := strings.Replace(text, "InsecureSkipVerify: true", "InsecureSkipVerify: false", 1)
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(u)
	if diags := s.next(u); len(diags) != 0 {
		t.Errorf("after a good save, diagnostics = %+v, want none", diags)
	}
	s.end()
}

// An open package whose import is broken keeps its last diagnostics: its
// analysis is as incomplete as the import's own.
func TestImportErrorKeepsDiagnostics(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond})
	appPath := filepath.Join(s.dir, "app", "app.go")
	if err := os.MkdirAll(filepath.Dir(appPath), 0o755); err != nil {
		t.Fatal(err)
	}
	app := "package app\n\nimport (\n\t\"crypto/tls\"\n\n\t\"example.com/fixture/client\"\n)\n\n" +
		"var T = client.Transport()\n\nvar C = &tls.Config{InsecureSkipVerify: true}\n"
	if err := os.WriteFile(appPath, []byte(app), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	appURI, _ := s.open(appPath)
	if diags := s.next(appURI); len(diags) != 1 {
		t.Fatalf("diagnostics of app.go = %+v, want 1", diags)
	}
	// client is not open: app, saved, is analysed alone, with client
	// read from export data that cannot be built.
	clientPath := filepath.Join(s.dir, "client", "client.go")
	text, err := os.ReadFile(clientPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(clientPath, append(text, "\nfunc {{{ broken\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(appURI)
	want := "keeping the diagnostics of " + filepath.Join(s.dir, "app")
	if m := s.message(want); !strings.Contains(m, want) || !strings.Contains(m, "a package it imports has errors") {
		t.Errorf("message = %q, want one keeping app's diagnostics because of its import", m)
	}
	time.Sleep(300 * time.Millisecond)
	for _, p := range s.drain() {
		if p.URI == appURI {
			t.Errorf("after saving a broken import, diagnostics of app.go published: %+v", p.Diagnostics)
		}
	}
	s.end()
}

// insecureMode reports each use of a constant of another package whose
// value is "insecure": a finding that depends on an imported package.
func insecureMode() analyzers.Rule {
	a := &analysis.Analyzer{
		Name: "insecuremode",
		Doc:  "insecuremode: report uses of imported constants set to \"insecure\"",
		Run: func(pass *analysis.Pass) (any, error) {
			for id, obj := range pass.TypesInfo.Uses {
				c, ok := obj.(*types.Const)
				if ok && c.Pkg() != pass.Pkg && c.Val().Kind() == constant.String && constant.StringVal(c.Val()) == "insecure" {
					pass.Reportf(id.Pos(), "%s is insecure", c.Name())
				}
			}
			return nil, nil
		},
	}
	return analyzers.Rule{Analyzer: a, Level: "error"}
}

// Saving a package re-analyses the open packages that import it, here
// through a package that is not open.
func TestSaveReanalysesDependents(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{insecureMode()}, Debounce: 50 * time.Millisecond})
	files := map[string]string{
		"client/mode.go": "package client\n\nconst Mode = \"insecure\"\n",
		"mid/mid.go":     "package mid\n\nimport \"example.com/fixture/client\"\n\nconst Mode = client.Mode\n",
		"app/app.go":     "package app\n\nimport \"example.com/fixture/mid\"\n\nvar M = mid.Mode\n",
	}
	for name, text := range files {
		path := filepath.Join(s.dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.initialize()
	app, _ := s.open(filepath.Join(s.dir, "app", "app.go"))
	if diags := s.next(app); len(diags) != 1 {
		t.Fatalf("diagnostics of app.go = %+v, want 1", diags)
	}
	modePath := filepath.Join(s.dir, "client", "mode.go")
	mode, _ := s.open(modePath)
	s.next(mode)
	if err := os.WriteFile(modePath, []byte("package client\n\nconst Mode = \"secure\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(mode)
	if diags := s.next(app); len(diags) != 0 {
		t.Errorf("after saving client, diagnostics of app.go = %+v, want none", diags)
	}
	s.end()
}
