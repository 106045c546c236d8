// Package lsp is the language server of microsec-lint: it speaks the
// Language Server Protocol over a pair of streams, runs the suite's
// analyzers over the packages of the files an editor opens and saves, and
// publishes what they find as diagnostics, with quick fixes for the
// findings that carry a suggested fix.
//
// It is meant to run beside gopls, which cannot load third-party
// analyzers: it offers nothing but diagnostics and their code actions.
// Analysis reads the files on disk, so diagnostics follow saves, not
// keystrokes.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Options configures a language server.
type Options struct {
	// Rules are the rules to run; nil means analyzers.All().
	Rules []analyzers.Rule
	// Log receives a line for each analysis run and each problem; nil
	// discards them. Standard output is the protocol stream, so a command
	// passes standard error here.
	Log io.Writer
	// Env is the environment of the go command; nil means os.Environ().
	Env []string
	// Debounce is how long the server waits after the last open or save
	// before it analyses; zero means DefaultDebounce.
	Debounce time.Duration
	// Version is reported to the client as the server's version.
	Version string
	// Filter, when set, is applied to each run's findings before they are
	// published; the command passes the exclusions and severities of
	// .microsec.yml here.
	Filter func([]report.Finding) []report.Finding
	// Settings, when set, makes the server find and apply .microsec.yml
	// for each package it analyses (see Settings); Rules are then the
	// rules the settings choose from, and Filter is not used.
	Settings *Settings

	// onCancel is a test hook: see scheduler.onCancel.
	onCancel func(dirs []string)
}

// DefaultDebounce is the quiet time after an open or save before analysis
// starts, long enough to gather the saves of a "save all".
const DefaultDebounce = 250 * time.Millisecond

// ErrExitWithoutShutdown is returned by Serve when the client sent exit, or
// closed the connection, without asking for shutdown first; the protocol
// asks the server to exit with status 1 then.
var ErrExitWithoutShutdown = errors.New("lsp: the client ended the session without a shutdown request")

// Serve runs a language server that reads requests from in and writes
// responses and notifications to out, until the client sends exit, the
// connection closes or ctx is cancelled. It returns nil after a clean
// shutdown and exit.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Rules == nil {
		opts.Rules = analyzers.All()
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	logger := log.New(logw, "microsec-lint lsp: ", log.LstdFlags|log.Lmicroseconds)
	streams := &duplex{in: in, out: out}
	handling := newQueue() // messages read and not yet handled
	conn := jsonrpc2.NewConn(newStream(streams, logger, handling))
	s := newServer(opts, logger, protocol.ClientDispatcher(conn, zap.NewNop()))
	// Nothing read after exit is handled or answered: the session is over.
	handling.stopOn(s.exited)
	schedDone := make(chan struct{})
	go func() {
		defer close(schedDone)
		s.sched.loop(ctx)
	}()
	conn.Go(ctx, cancellable(inOrder(jsonrpc2.ReplyHandler(s.handle), handling)))

	var err error
	exited := false
	select {
	case <-ctx.Done():
		err = ctx.Err()
	case <-s.exited:
		exited = true
	case <-conn.Done():
		// The input ended, maybe right after the client wrote its last
		// messages: handle (and answer) those first, so that a shutdown
		// and exit written together are seen as such.
		drained := make(chan struct{})
		go func() {
			handling.wait()
			close(drained)
		}()
		select {
		case <-drained:
		case <-ctx.Done(): // a client that reads no more replies
		}
		select {
		case <-s.exited:
			exited = true
		default:
			if cerr := conn.Err(); errors.Is(cerr, ErrBadFrame) {
				err = cerr // not the client's choice: say what broke
			} else if !s.isShutdown() {
				err = ErrExitWithoutShutdown
				if cerr := conn.Err(); cerr != nil && !errors.Is(cerr, io.EOF) && !errors.Is(cerr, io.ErrClosedPipe) {
					err = fmt.Errorf("%w: %v", ErrExitWithoutShutdown, cerr)
				}
			}
		}
	}
	if exited && !s.isShutdown() {
		err = ErrExitWithoutShutdown
	}
	// Stop analysing, then close the streams. The read loop may stay
	// blocked on an input that cannot be interrupted (a terminal's standard
	// input); the process exits after Serve returns anyway.
	cancel()
	<-schedDone
	conn.Close()
	streams.closeOut()
	return err
}

// inOrder returns a handler that handles the messages one at a time, in
// the order they were read, as the protocol asks: each is finished, its
// reply written, before the next starts, so that the answers to
// initialize and shutdown are out before an exit that follows them is
// handled. The handling happens off the read loop, which goes on reading
// (and so sees $/cancelRequest while a request is handled). The answers
// to bad messages take their turn in the same queue (see stream.Read).
func inOrder(h jsonrpc2.Handler, q *queue) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		q.then(func() {
			_ = h(ctx, reply, req) // an error is a reply that could not be written
		})
		return nil
	}
}

// queue runs jobs one at a time, in the order they were queued, each off
// the goroutine that queues it. Only one goroutine may call then (the
// connection's read loop); wait may be called from any.
type queue struct {
	last    chan struct{} // closed when the last job queued is done
	pending sync.WaitGroup
	stop    <-chan struct{} // once closed, jobs not yet started are dropped
}

func newQueue() *queue {
	q := &queue{last: make(chan struct{})}
	close(q.last)
	return q
}

// stopOn makes the jobs that have not started when stop closes never run.
// It is called before the first then.
func (q *queue) stopOn(stop <-chan struct{}) { q.stop = stop }

// then queues job to run once the jobs queued before it are done, unless
// the queue has been stopped by then.
func (q *queue) then(job func()) {
	wait, done := q.last, make(chan struct{})
	q.last = done
	q.pending.Add(1)
	go func() {
		defer q.pending.Done()
		defer close(done)
		<-wait
		select {
		case <-q.stop: // a nil stop never closes
			return
		default:
		}
		job()
	}()
}

// wait returns once the jobs queued so far are done.
func (q *queue) wait() { q.pending.Wait() }

// duplex joins the two streams of a session into the io.ReadWriteCloser
// that jsonrpc2 wants. Close closes whichever of them can be closed.
type duplex struct {
	in  io.Reader
	out io.Writer
}

func (d *duplex) Read(p []byte) (int, error)  { return d.in.Read(p) }
func (d *duplex) Write(p []byte) (int, error) { return d.out.Write(p) }

func (d *duplex) Close() error {
	return errors.Join(d.closeIn(), d.closeOut())
}

func (d *duplex) closeIn() error {
	if c, ok := d.in.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

func (d *duplex) closeOut() error {
	if c, ok := d.out.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// cancellable wires $/cancelRequest to the context of the request it
// names. (protocol.CancelHandler only recognises ids that decode as int32
// into an interface{}, which JSON numbers never do.)
func cancellable(h jsonrpc2.Handler) jsonrpc2.Handler {
	h, cancel := jsonrpc2.CancelHandler(h)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() != protocol.MethodCancelRequest {
			return h(ctx, reply, req)
		}
		var params struct {
			ID json.RawMessage `json:"id"`
		}
		if err := json.Unmarshal(req.Params(), &params); err == nil {
			var n int32
			var s string
			if json.Unmarshal(params.ID, &n) == nil {
				cancel(jsonrpc2.NewNumberID(n))
			} else if json.Unmarshal(params.ID, &s) == nil {
				cancel(jsonrpc2.NewStringID(s))
			}
		}
		return reply(ctx, nil, nil)
	}
}

// document is a file the client has open.
type document struct {
	uri     protocol.DocumentURI // the URI diagnostics go to: one of open
	path    string
	version int32
	text    string
	// open holds the URIs the client has the file open by: a client may
	// spell one file two ways (%6D for m), and closing one leaves the
	// other open.
	open map[protocol.DocumentURI]bool
}

type server struct {
	opts   Options
	log    *log.Logger
	client protocol.Client
	urls   map[string]string // rule name → documentation URL
	sched  *scheduler
	exited chan struct{}
	flags  flagState // the analyzers' flags as they were at the start

	rootsMu    sync.Mutex
	rootsKnown bool
	foreign    []string // GOROOT and GOMODCACHE

	// pubMu keeps a change of results and the notifications that announce
	// it together, so that the client sees them in the order they happened.
	pubMu sync.Mutex

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	exitOnce    sync.Once
	docs        map[string]*document // by cleaned path
	results     map[string]*dirResult
	shownErrors map[string]bool // settings errors shown in a window
}

func newServer(opts Options, logger *log.Logger, client protocol.Client) *server {
	s := &server{
		opts:    opts,
		log:     logger,
		client:  client,
		urls:    make(map[string]string),
		exited:  make(chan struct{}),
		docs:    make(map[string]*document),
		results: make(map[string]*dirResult),

		shownErrors: make(map[string]bool),
	}
	if opts.Settings != nil {
		s.flags = saveFlags(opts.Rules)
	}
	for _, r := range opts.Rules {
		s.urls[r.Analyzer.Name] = r.Analyzer.URL
	}
	s.sched = newScheduler(opts.Debounce, s.analyse, logger)
	s.sched.onCancel = opts.onCancel
	return s
}

func (s *server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// handle answers one request or notification. It returns an error only
// when the reply cannot be written, which ends the session.
func (s *server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	// A cancelled request must still be answered: write on a context that
	// the cancellation does not reach.
	_, isCall := req.(*jsonrpc2.Call)
	send := func(result any, err error) error {
		if err == nil && ctx.Err() != nil {
			result, err = nil, protocol.ErrRequestCancelled
		}
		if err != nil && !isCall {
			// A notification has no answer to carry the error: a
			// didOpen whose params do not decode would otherwise
			// leave its file unanalysed without a word.
			s.log.Printf("%s dropped: %s", forLog(req.Method()), forLog(err.Error()))
		}
		return reply(context.WithoutCancel(ctx), result, err)
	}
	method := req.Method()

	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == protocol.MethodExit:
		s.exitOnce.Do(func() { close(s.exited) })
		return send(nil, nil)
	case shutdown:
		return send(nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "%s after shutdown", method))
	case !initialized && method != protocol.MethodInitialize:
		if isCall {
			return send(nil, jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "%s before initialize", method))
		}
		return send(nil, nil) // notifications before initialize are dropped
	}

	switch method {
	case protocol.MethodInitialize:
		return send(s.initialize(req.Params()))
	case protocol.MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.sched.stop()
		return send(nil, nil)
	case protocol.MethodTextDocumentDidOpen:
		var p protocol.DidOpenTextDocumentParams
		if err := decode(req, &p); err != nil {
			return send(nil, err)
		}
		s.didOpen(p)
		return send(nil, nil)
	case protocol.MethodTextDocumentDidChange:
		var p protocol.DidChangeTextDocumentParams
		if err := decode(req, &p); err != nil {
			return send(nil, err)
		}
		s.didChange(p)
		return send(nil, nil)
	case protocol.MethodTextDocumentDidSave:
		var p protocol.DidSaveTextDocumentParams
		if err := decode(req, &p); err != nil {
			return send(nil, err)
		}
		s.didSave(p)
		return send(nil, nil)
	case protocol.MethodTextDocumentDidClose:
		var p protocol.DidCloseTextDocumentParams
		if err := decode(req, &p); err != nil {
			return send(nil, err)
		}
		s.didClose(ctx, p)
		return send(nil, nil)
	case protocol.MethodTextDocumentCodeAction:
		var p protocol.CodeActionParams
		if err := decode(req, &p); err != nil {
			return send(nil, err)
		}
		return send(s.codeActions(p), nil)
	}
	if isCall {
		return send(nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method %q is not supported by microsec-lint", method))
	}
	return send(nil, nil) // other notifications need nothing from us
}

func decode(req jsonrpc2.Request, v any) error {
	if err := json.Unmarshal(req.Params(), v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: %v", req.Method(), err)
	}
	return nil
}

func (s *server) initialize(raw json.RawMessage) (*protocol.InitializeResult, error) {
	// Only the client's name is of interest, for the log; decoding the whole
	// of InitializeParams would make every client capability the library
	// types differently from some client a reason to fail.
	var p struct {
		ClientInfo *protocol.ClientInfo `json:"clientInfo"`
	}
	_ = json.Unmarshal(raw, &p)
	s.mu.Lock()
	again := s.initialized
	s.initialized = true
	s.mu.Unlock()
	if again {
		// The protocol allows one initialize per session.
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "the server is already initialized")
	}
	client := "unnamed"
	if p.ClientInfo != nil {
		client = strings.TrimSpace(p.ClientInfo.Name + " " + p.ClientInfo.Version)
	}
	s.log.Printf("client %s, %d rules", forLog(client), len(s.opts.Rules))
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: true,
				// Full text on change lets code actions tell whether the
				// buffer still matches what was analysed.
				Change: protocol.TextDocumentSyncKindFull,
				Save:   &protocol.SaveOptions{},
			},
			CodeActionProvider: protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix},
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: source, Version: s.opts.Version},
	}, nil
}

func (s *server) didOpen(p protocol.DidOpenTextDocumentParams) {
	path, ok := goFile(p.TextDocument.URI)
	if !ok {
		return
	}
	s.mu.Lock()
	open := map[protocol.DocumentURI]bool{}
	if d := s.docs[path]; d != nil {
		open = d.open
	}
	open[p.TextDocument.URI] = true
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: p.TextDocument.Text, open: open}
	s.mu.Unlock()
	s.sched.add(filepath.Dir(path))
}

func (s *server) didChange(p protocol.DidChangeTextDocumentParams) {
	path, ok := goFile(p.TextDocument.URI)
	if !ok || len(p.ContentChanges) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[path]; d != nil {
		// Full synchronisation: the last event holds the whole text.
		d.text = p.ContentChanges[len(p.ContentChanges)-1].Text
		d.version = p.TextDocument.Version
	}
}

func (s *server) didSave(p protocol.DidSaveTextDocumentParams) {
	path, ok := goFile(p.TextDocument.URI)
	if !ok {
		return
	}
	if p.Text != "" {
		s.mu.Lock()
		if d := s.docs[path]; d != nil {
			d.text = p.Text
		}
		s.mu.Unlock()
	}
	dir := filepath.Dir(path)
	s.sched.add(dir)
	for _, d := range s.dependents(dir) {
		s.sched.add(d)
	}
}

// didClose forgets the document; when it was the last open file of its
// directory, the directory's diagnostics are withdrawn, as nothing will
// keep them up to date any more.
func (s *server) didClose(ctx context.Context, p protocol.DidCloseTextDocumentParams) {
	path, ok := goFile(p.TextDocument.URI)
	if !ok {
		return
	}
	dir := filepath.Dir(path)
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.mu.Lock()
	if d := s.docs[path]; d != nil {
		delete(d.open, p.TextDocument.URI)
		for u := range d.open {
			// Still open by another spelling: it keeps the
			// diagnostics, published again under that one.
			d.uri = u
			s.mu.Unlock()
			s.sched.add(dir)
			return
		}
	}
	delete(s.docs, path)
	for _, d := range s.docs {
		if filepath.Dir(d.path) == dir {
			s.mu.Unlock()
			return
		}
	}
	old := s.results[dir]
	delete(s.results, dir)
	s.mu.Unlock()
	s.sched.drop(dir)
	if old != nil {
		for _, f := range old.files {
			s.publish(ctx, f.uri, nil)
		}
	}
}

// goFile returns the path of a Go source file URI; other documents (go.mod,
// unsaved buffers) are not ours to analyse.
func goFile(u protocol.DocumentURI) (string, bool) {
	path, ok := filePath(u)
	if !ok || filepath.Ext(path) != ".go" {
		return "", false
	}
	return path, true
}

// publish sends the diagnostics of one file, an empty list clearing them.
func (s *server) publish(ctx context.Context, u protocol.DocumentURI, diags []protocol.Diagnostic) {
	if diags == nil {
		diags = []protocol.Diagnostic{} // "null" is not a valid list
	}
	if err := s.client.PublishDiagnostics(context.WithoutCancel(ctx), &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags}); err != nil {
		s.log.Printf("cannot publish diagnostics: %v", err)
	}
}

// logMessage shows a message in the client's log of this server.
func (s *server) logMessage(ctx context.Context, typ protocol.MessageType, msg string) {
	s.log.Print(msg)
	_ = s.client.LogMessage(context.WithoutCancel(ctx), &protocol.LogMessageParams{Type: typ, Message: msg})
}
