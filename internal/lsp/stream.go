package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
)

// ErrBadFrame is returned by Serve when the input breaks the protocol's
// framing (a header that is not "Name: value", a missing or bad
// Content-Length, a stream that ends inside a message): the next message
// cannot be found, so the session ends.
var ErrBadFrame = errors.New("lsp: cannot read the next message")

// stream frames messages as LSP does, a Content-Length header and then the
// body. Unlike jsonrpc2.NewStream, whose connection fails on any body it
// cannot decode, it answers a body that is not one valid JSON-RPC message
// with the error JSON-RPC asks for (a parse error, or an invalid request
// with the request's id when it has a usable one, else null), and reads on.
type stream struct {
	conn *duplex
	in   *bufio.Reader
	out  jsonrpc2.Stream // writes only; it frames as we read
	log  *log.Logger
	// order is the queue the messages are handled in; the answer to a bad
	// message is queued there too, so that replies keep the order of the
	// messages they answer.
	order *queue

	// wmu serialises writes: the answers to bad messages come from Read,
	// while jsonrpc2 writes replies and notifications from other goroutines.
	wmu sync.Mutex
}

func newStream(conn *duplex, logger *log.Logger, order *queue) *stream {
	return &stream{conn: conn, in: bufio.NewReader(conn), out: jsonrpc2.NewStream(conn), log: logger, order: order}
}

// Read returns the next valid message, answering and skipping bad ones.
// Read is called from the connection's read loop only.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var total int64
	for {
		if err := ctx.Err(); err != nil {
			return nil, total, err
		}
		body, n, err := s.frame()
		total += n
		if err != nil {
			return nil, total, err
		}
		msg, id, rerr := decodeMessage(body)
		if rerr == nil {
			return msg, total, nil
		}
		// The error's text may show the bad method or id as the
		// client wrote it: quoted too, when not printable on one line.
		s.log.Printf("bad message (%s): %q", forLog(rerr.Message), abbreviate(body))
		// Like a reply to a good message, the answer waits for the
		// messages read before to be handled; a failed write is
		// logged, as a failed reply is dropped.
		s.order.then(func() {
			if err := s.writeError(id, rerr); err != nil {
				s.log.Print(err)
			}
		})
	}
}

// frame reads one header block and the body it announces. A clean end of
// input before a header is io.EOF; anything else wrong is ErrBadFrame.
func (s *stream) frame() ([]byte, int64, error) {
	var total int64
	length := -1
	for first := true; ; first = false {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if first && line == "" && errors.Is(err, io.EOF) {
				return nil, total, io.EOF
			}
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, total, fmt.Errorf("%w: reading a header: %w", ErrBadFrame, err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, total, fmt.Errorf("%w: header line %q is not \"Name: value\"", ErrBadFrame, abbreviate([]byte(line)))
		}
		if strings.EqualFold(strings.TrimSpace(name), jsonrpc2.HdrContentLength) {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 32)
			if err != nil || n <= 0 {
				return nil, total, fmt.Errorf("%w: bad %s %q", ErrBadFrame, jsonrpc2.HdrContentLength, abbreviate([]byte(value)))
			}
			length = int(n)
		}
	}
	if length < 0 {
		return nil, total, fmt.Errorf("%w: the header has no %s", ErrBadFrame, jsonrpc2.HdrContentLength)
	}
	// The body grows as it arrives: a Content-Length of two gigabytes
	// does not reserve them before a byte is sent.
	var body bytes.Buffer
	n, err := io.CopyN(&body, s.in, int64(length))
	total += n
	if err != nil {
		return nil, total, fmt.Errorf("%w: the input ended %d bytes into a body of %d", ErrBadFrame, n, length)
	}
	return body.Bytes(), total, nil
}

// decodeMessage checks that body is one JSON-RPC 2.0 message before the
// library decodes it. On failure it returns the error to answer with and
// the id to answer to: the request's own when it is a string or an integer,
// else nil (null).
func decodeMessage(body []byte) (jsonrpc2.Message, json.RawMessage, *jsonrpc2.Error) {
	if !json.Valid(body) {
		return nil, nil, jsonrpc2.NewError(jsonrpc2.ParseError, "the message is not valid JSON")
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		what := "a JSON object"
		if trimmed[0] == '[' {
			what += " (batches are not supported)"
		}
		return nil, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "a message must be "+what)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &fields); err != nil {
		return nil, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, err.Error())
	}
	invalid := func(id json.RawMessage, format string, args ...any) (jsonrpc2.Message, json.RawMessage, *jsonrpc2.Error) {
		return nil, id, jsonrpc2.NewError(jsonrpc2.InvalidRequest, fmt.Sprintf(format, args...))
	}

	var id json.RawMessage
	rawID, hasID := fields["id"]
	if hasID {
		var name string
		var n int64
		switch {
		case rawID[0] == '"' && json.Unmarshal(rawID, &name) == nil:
			id = rawID
		case string(rawID) != "null" && json.Unmarshal(rawID, &n) == nil:
			// An integer; jsonrpc2 keeps ids as int32.
			if n < -1<<31 || n > 1<<31-1 {
				return invalid(rawID, "id %s is out of range: this server takes integer ids of 32 bits", rawID)
			}
			id = rawID
		default:
			return invalid(nil, "id %s is neither a string nor an integer", abbreviate(rawID))
		}
	}
	var version string
	if v, ok := fields["jsonrpc"]; !ok || json.Unmarshal(v, &version) != nil || version != jsonrpc2.Version {
		return invalid(id, `"jsonrpc" must be "2.0"`)
	}
	rawMethod, hasMethod := fields["method"]
	if hasMethod {
		var method string
		if json.Unmarshal(rawMethod, &method) != nil || rawMethod[0] != '"' || method == "" {
			return invalid(id, "method %s is not a method name", abbreviate(rawMethod))
		}
		if p, ok := fields["params"]; ok && p[0] != '{' && p[0] != '[' && string(p) != "null" {
			return invalid(id, "params must be an object or an array")
		}
	} else if !hasID {
		return invalid(nil, "a message must have a method or an id")
	}
	msg, err := jsonrpc2.DecodeMessage(trimmed)
	if err != nil {
		return invalid(id, "%v", err)
	}
	return msg, nil, nil
}

// writeError answers a bad message. jsonrpc2 cannot write a null id, so
// the response is written here.
func (s *stream) writeError(id json.RawMessage, e *jsonrpc2.Error) error {
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := json.Marshal(struct {
		Version string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{jsonrpc2.Version, id, e})
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := fmt.Fprintf(s.conn, "%s: %d\r\n\r\n%s", jsonrpc2.HdrContentLength, len(body), body); err != nil {
		return fmt.Errorf("answering a bad message: %w", err)
	}
	return nil
}

// Write sends a message.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.out.Write(ctx, msg)
}

// Close closes the input, which ends the read loop. The connection calls
// it also when reading fails, while replies to the messages read before
// may still be due: Serve closes the output once they are written.
func (s *stream) Close() error { return s.conn.closeIn() }

// abbreviate cuts a long input short, at the start of a character, for a
// message or a log line; a log line quotes it (%q), as the input may hold
// any bytes.
func abbreviate(b []byte) string {
	const limit = 80
	if len(b) <= limit {
		return string(b)
	}
	n := limit
	for n > limit-utf8.UTFMax && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "…"
}

// forLog returns a string the client sent as it is when it is printable
// on one line, else quoted, so that the client cannot break the log's
// lines or write bytes that are not UTF-8 into it.
func forLog(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}
