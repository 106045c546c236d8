package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// rawSession drives Serve with hand-written frames, for inputs that no
// protocol library would send.
type rawSession struct {
	t      *testing.T
	w      *io.PipeWriter
	msgs   chan map[string]json.RawMessage // closed when the output ends
	served chan error
	log    *lockedBuffer
}

func startRaw(t *testing.T, opts Options) *rawSession {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	toServerR, toServerW := io.Pipe()
	toClientR, toClientW := io.Pipe()
	r := &rawSession{t: t, w: toServerW, msgs: make(chan map[string]json.RawMessage, 100), served: make(chan error, 1), log: &lockedBuffer{}}
	if opts.Log != nil {
		opts.Log = io.MultiWriter(opts.Log, r.log)
	} else {
		opts.Log = r.log
	}
	go func() { r.served <- Serve(ctx, toServerR, toClientW, opts) }()
	go func() {
		defer close(r.msgs)
		in := bufio.NewReader(toClientR)
		for {
			length := -1
			for {
				line, err := in.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					length, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(in, body); err != nil {
				return
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("the server sent %q, not a JSON object: %v", body, err)
				return
			}
			r.msgs <- m
		}
	}()
	t.Cleanup(func() {
		toServerW.Close()
		toClientR.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", r.log.String())
		}
	})
	return r
}

// sendRaw writes bytes as they are, framing and all.
func (r *rawSession) sendRaw(s string) {
	r.t.Helper()
	if _, err := io.WriteString(r.w, s); err != nil {
		r.t.Fatalf("writing to the server: %v", err)
	}
}

// send frames body and writes it.
func (r *rawSession) send(body string) {
	r.t.Helper()
	r.sendRaw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

// response returns the next message that is a response, skipping
// notifications.
func (r *rawSession) response() map[string]json.RawMessage {
	r.t.Helper()
	for {
		select {
		case m, ok := <-r.msgs:
			if !ok {
				r.t.Fatal("the server's output ended; want a response")
			}
			if _, isNotification := m["method"]; !isNotification {
				return m
			}
		case <-time.After(30 * time.Second):
			r.t.Fatal("no response within 30s")
		}
	}
}

func (r *rawSession) wait() error {
	r.t.Helper()
	select {
	case err := <-r.served:
		return err
	case <-time.After(30 * time.Second):
		r.t.Fatal("Serve did not return")
		return nil
	}
}

func errorCode(m map[string]json.RawMessage) int {
	var e struct {
		Code int `json:"code"`
	}
	if json.Unmarshal(m["error"], &e) != nil {
		return 0
	}
	return e.Code
}

// A body that is framed correctly but is not one JSON-RPC message gets an
// error response, and the session goes on.
func TestMalformedMessages(t *testing.T) {
	r := startRaw(t, Options{})
	r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if m := r.response(); string(m["id"]) != "1" || m["result"] == nil {
		t.Fatalf("initialize: %s", m)
	}
	for _, c := range []struct {
		body   string
		code   int
		wantID string
	}{
		{`{"jsonrpc":"2.0","id":5,"method":`, -32700, "null"},
		{`{"jsonrpc":"2.0","id":1.5,"method":"foo"}`, -32600, "null"},
		{`{"jsonrpc":"2.0","id":1099511627776,"method":"foo"}`, -32600, "1099511627776"},
		{`[{"jsonrpc":"2.0","id":5,"method":"foo"}]`, -32600, "null"},
		{`[]`, -32600, "null"},
		{`{"jsonrpc":"1.0","id":5,"method":"foo"}`, -32600, "5"},
		{`{"id":6,"method":"foo"}`, -32600, "6"},
		{`{"jsonrpc":"2.0","id":5,"method":42}`, -32600, "5"},
		{`{"jsonrpc":"2.0","id":"s","method":"foo","params":3}`, -32600, `"s"`},
		{`{"jsonrpc":"2.0","id":null,"method":"foo"}`, -32600, "null"},
		{`{"jsonrpc":"2.0"}`, -32600, "null"},
		{`42`, -32600, "null"},
		{`"x"`, -32600, "null"},
	} {
		r.send(c.body)
		m := r.response()
		if code := errorCode(m); code != c.code || string(m["id"]) != c.wantID || string(m["jsonrpc"]) != `"2.0"` {
			t.Errorf("%s: answered %s; want error %d for id %s", c.body, m, c.code, c.wantID)
		}
	}
	r.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	if m := r.response(); string(m["id"]) != "2" || m["error"] != nil {
		t.Fatalf("shutdown after the bad messages: %s", m)
	}
	r.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if err := r.wait(); err != nil {
		t.Errorf("Serve returned %v after shutdown and exit", err)
	}
}

// A broken frame ends the session, and Serve says so rather than blaming
// the client for leaving without shutdown.
func TestBrokenFrame(t *testing.T) {
	for _, frame := range []string{
		"Content-Length: x\r\n\r\n{}",
		"Content-Type: text/plain\r\n\r\n{}",
		"no header\r\n\r\n",
		"Content-Length: 100\r\n\r\n{}",
	} {
		r := startRaw(t, Options{})
		r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
		r.response()
		r.sendRaw(frame)
		if strings.Contains(frame, "100") {
			r.w.Close() // the body never comes
		}
		err := r.wait()
		if !errors.Is(err, ErrBadFrame) || errors.Is(err, ErrExitWithoutShutdown) {
			t.Errorf("after %q, Serve returned %v; want ErrBadFrame", frame, err)
		}
	}
}

// A notification whose params do not decode has no response to carry the
// error; the server's log says so, naming the method.
func TestBadNotificationLogged(t *testing.T) {
	r := startRaw(t, Options{})
	r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	if m := r.response(); string(m["id"]) != "1" {
		t.Fatalf("initialize: %s", m)
	}
	r.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	r.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/a.go","languageId":"go","version":"1","text":""}}}`)
	// A request after it is answered after it was handled.
	r.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	if m := r.response(); string(m["id"]) != "2" {
		t.Fatalf("shutdown: %s", m)
	}
	if log := r.log.String(); !strings.Contains(log, "textDocument/didOpen dropped") {
		t.Errorf("the log does not tell of the dropped didOpen:\n%s", log)
	}
	r.send(`{"jsonrpc":"2.0","method":"exit"}`)
	r.wait()
}

// TestLifecycleInOneWrite: a client may write initialize, shutdown and
// exit at once, without waiting for a reply, and may close its end right
// after. The protocol has messages handled in order: both requests are
// answered, in order, before the server exits, and exit after shutdown is
// a clean end. Run with -count=20 -race: the faults this guards against
// were races between the messages.
func TestLifecycleInOneWrite(t *testing.T) {
	for _, closeInput := range []bool{false, true} {
		name := "input open"
		if closeInput {
			name = "input closed after exit"
		}
		t.Run(name, func(t *testing.T) {
			r := startRaw(t, Options{})
			var all strings.Builder
			for _, body := range []string{
				`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`,
				`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
				`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
				`{"jsonrpc":"2.0","method":"exit"}`,
			} {
				fmt.Fprintf(&all, "Content-Length: %d\r\n\r\n%s", len(body), body)
			}
			r.sendRaw(all.String())
			if closeInput {
				r.w.Close()
			}
			init := r.response()
			if string(init["id"]) != "1" || init["error"] != nil || !strings.Contains(string(init["result"]), "capabilities") {
				t.Errorf("first response %s, want the result of initialize (id 1)", init)
			}
			shut := r.response()
			if string(shut["id"]) != "2" || shut["error"] != nil || string(shut["result"]) != "null" {
				t.Errorf("second response %s, want the null result of shutdown (id 2)", shut)
			}
			if err := r.wait(); err != nil {
				t.Errorf("Serve returned %v after shutdown and exit, want nil", err)
			}
		})
	}
}

// TestBadMessagesAnsweredInOrder: the answer to a message that is not
// valid JSON-RPC takes its turn like any other reply. Written in one go
// after initialize, the bad messages are answered after initialize and
// before the shutdown that follows them.
func TestBadMessagesAnsweredInOrder(t *testing.T) {
	// Initialize logs the client's name; slowing that write down gives
	// the read loop time to read the bad messages while initialize is
	// being handled.
	r := startRaw(t, Options{Log: slowLine{"client ", 100 * time.Millisecond}})
	var all strings.Builder
	for _, body := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`,
		`{not json`,
		`{"jsonrpc":"1.0","id":7}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	} {
		fmt.Fprintf(&all, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	r.sendRaw(all.String())
	for _, want := range []struct {
		id   string
		code int
	}{{"1", 0}, {"null", -32700}, {"7", -32600}, {"2", 0}} {
		m := r.response()
		if string(m["id"]) != want.id || errorCode(m) != want.code {
			t.Errorf("answered %s; want id %s with error code %d", m, want.id, want.code)
		}
	}
	if err := r.wait(); err != nil {
		t.Errorf("Serve returned %v after shutdown and exit, want nil", err)
	}
}

// TestBadMessageLogQuoted: the log line for a bad message quotes its
// bytes, and the line naming the client quotes a name that is not
// printable, so that invalid UTF-8 or a line break in the input does not
// reach the editor's log as it is.
func TestBadMessageLogQuoted(t *testing.T) {
	r := startRaw(t, Options{})
	r.send("\xff\xfe")
	r.response()
	r.send("{\"a\":\n\"fake log line\"")
	r.response()
	r.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"clientInfo":{"name":"ed\nitor"}}}`)
	r.response()
	// The error's own text shows the bad method or id, raw JSON that may
	// hold line breaks, a carriage return or U+2028.
	r.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":{\n\"forged method\":1}}")
	r.response()
	r.send("{\"jsonrpc\":\"2.0\",\"id\":[\r\n\"forged id\"]}")
	r.response()
	r.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":[\"\u2028forged sep\"]}")
	r.response()
	r.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	r.response()
	r.send(`{"jsonrpc":"2.0","method":"exit"}`)
	r.wait()
	log := r.log.String()
	if !utf8.ValidString(log) {
		t.Errorf("the log is not valid UTF-8:\n%q", log)
	}
	for _, want := range []string{`"\xff\xfe"`, `"{\"a\":\n\"fake log line\""`, `client "ed\nitor"`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log does not show the bad message as %s:\n%s", want, log)
		}
	}
	for _, forged := range []string{"\n\"fake log line", "\n\"forged method", "\n\"forged id", "\r", "\u2028"} {
		if strings.Contains(log, forged) {
			t.Errorf("%q in a bad message reached the log unquoted:\n%s", forged, log)
		}
	}
	for _, want := range []string{`method {\n\"forged method\":1} is not a method name`, `id [\r\n\"forged id\"] is neither`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log does not quote the error's text as %s:\n%s", want, log)
		}
	}
}

// slowLine is a log writer that takes its time over the lines that
// contain a string, to hold up the handling of a message.
type slowLine struct {
	contains string
	delay    time.Duration
}

func (w slowLine) Write(p []byte) (int, error) {
	if strings.Contains(string(p), w.contains) {
		time.Sleep(w.delay)
	}
	return len(p), nil
}

// TestNothingAnsweredAfterExit: messages the client writes after exit, in
// the same write, are not handled: the server answers none of them and
// ends, with the status the protocol asks for (nil after shutdown, the
// error for an exit without one).
func TestNothingAnsweredAfterExit(t *testing.T) {
	for _, shutdown := range []bool{true, false} {
		name := "after shutdown"
		if !shutdown {
			name = "without shutdown"
		}
		t.Run(name, func(t *testing.T) {
			r := startRaw(t, Options{})
			bodies := []string{`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`}
			if shutdown {
				bodies = append(bodies, `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
			}
			bodies = append(bodies,
				`{"jsonrpc":"2.0","method":"exit"}`,
				`{"jsonrpc":"2.0","id":8,"method":"initialize","params":{}}`,
				`{"jsonrpc":"2.0","id":9,"method":"textDocument/codeAction","params":{}}`,
				`{not json`,
			)
			var all strings.Builder
			for _, body := range bodies {
				fmt.Fprintf(&all, "Content-Length: %d\r\n\r\n%s", len(body), body)
			}
			r.sendRaw(all.String())
			err := r.wait()
			if shutdown && err != nil {
				t.Errorf("Serve returned %v after shutdown and exit, want nil", err)
			}
			if !shutdown && !errors.Is(err, ErrExitWithoutShutdown) {
				t.Errorf("Serve returned %v after exit without shutdown, want ErrExitWithoutShutdown", err)
			}
			var ids []string
			for m := range r.msgs {
				if _, isNotification := m["method"]; !isNotification {
					ids = append(ids, string(m["id"]))
				}
			}
			want := "1"
			if shutdown {
				want = "1 2"
			}
			if got := strings.Join(ids, " "); got != want {
				t.Errorf("answered ids %s, want %s: nothing after exit", got, want)
			}
		})
	}
}
