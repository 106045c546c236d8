package a

import (
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"b"
	"quote"
	"sink"
)

const table = "users"

func constants(n int, ok bool) {
	sink.Query("SELECT 1")                             // want `constant\{"SELECT 1"\}`
	sink.Query("SELECT * FROM " + table)               // want `constant\{"SELECT \* FROM users"\}`
	sink.Query(fmt.Sprintf("SELECT * FROM %s", table)) // want `^constant$`
	sink.Query(fmt.Sprintf("SELECT * FROM t"))         // want `^constant\{"SELECT \* FROM t"\}$`
	var q = "SELECT a FROM t"
	if ok {
		q = "SELECT b FROM t"
	}
	sink.Query(q) // want `constant\{"SELECT a FROM t","SELECT b FROM t"\}`
	col := "a"
	switch n {
	case 1:
		col = "b"
	case 2:
		col = "c"
	}
	sink.Query("SELECT " + col) // want `constant\{"SELECT a","SELECT b","SELECT c"\}`
	m := map[string]string{"x": "ls", "y": "cat"}
	sink.Query(m[os.Args[1]]) // want `^constant\{"cat","ls"\}$`
}

func integers(n int, f float64, d time.Duration) {
	sink.Query("SELECT * FROM t LIMIT " + strconv.Itoa(n))                // want `^integer-only$`
	sink.Query(fmt.Sprintf("SELECT * FROM t LIMIT %d OFFSET %x", n, "s")) // want `^integer-only$`
	sink.Query(fmt.Sprint(n, f, true))                                    // want `^integer-only$`
	sink.Query("SELECT " + time.Now().Format(time.RFC3339) + d.String())  // want `^integer-only$`
	sink.Query(b.Count(n))                                                // want `^integer-only$`
}

func sanitised(s string) {
	sink.Query("SELECT * FROM " + quote.Ident(os.Getenv("T"))) // want `^sanitised$`
}

func external(r *http.Request) {
	sink.Query("SELECT " + os.Getenv("COL"))               // want `^external culprit=os.Getenv\(...\)$`
	sink.Query(fmt.Sprintf("SELECT %s", r.FormValue("c"))) // want `^external culprit=r.FormValue\(...\)$`
	sink.Query("SELECT " + r.URL.Path)                     // want `^external culprit=r.URL.Path$`
	sink.Query("SELECT " + os.Args[1])                     // want `^external culprit=os.Args\[...\]$`
	name := flag.String("name", "", "")
	sink.Query("SELECT " + *name) // want `^external culprit=flag -name$`
	var b strings.Builder
	b.WriteString("SELECT ")
	b.WriteString(os.Getenv("X"))
	sink.Query(b.String()) // want `^external`
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "SELECT %s", os.Getenv("Y"))
	sink.Query(buf.String())                                          // want `^external`
	sink.Query(strings.Join([]string{"SELECT", os.Getenv("Z")}, " ")) // want `^external`
	sink.Query(string([]byte(os.Getenv("Z"))))                        // want `^external`
}

type config struct{ table, where string }

func fields(unknown func() string) {
	c := config{table: "users"}
	sink.Query("SELECT * FROM " + c.table) // want `^constant\{"SELECT \* FROM users"\}$`
	c.where = unknown()
	sink.Query("SELECT * FROM t WHERE " + c.where) // want `^non-constant culprit=unknown\(\.\.\.\)$`
}

func closures() {
	q := "SELECT 1"
	run := func() { sink.Query(q) } // want `constant\{"SELECT 1"\}`
	run()
	env := os.Getenv("Q")
	func() { sink.Query(env) }() // want `^external`
}

func reassigned(id string) {
	q := "SELECT * FROM t"
	q += " WHERE id = " + id
	sink.Query(q)
}

func loop(cols []string) {
	q := "SELECT "
	for _, c := range cols {
		q += c + ","
	}
	sink.Query(q)
}

func helpers() {
	sink.Query(b.Build("name"))           // want `^constant$`
	sink.Query(b.Build(os.Getenv("COL"))) // want `^external culprit=os.Getenv\(\.\.\.\)$`
	b.Run("SELECT 1")                     // want `via b.Run: constant\{"SELECT 1"\}`
	b.Run(os.Getenv("Q"))                 // want `via b.Run: external`
	b.RunFormatted(b.Table, 1)            // want `via b.RunFormatted: integer-only$`
	reassigned("1")                       // want `via a.reassigned: constant$`
	reassigned(os.Getenv("ID"))           // want `via a.reassigned: external culprit=os.Getenv`
	loop([]string{"a", "b"})              // want `via a.loop: constant$`
	loop(os.Args)                         // want `via a.loop: external`
	var s b.Store
	s.Find(os.Getenv("N")) // want `via \(\*b.Store\).Find: external`
}

type finder interface{ Find(name string) }

func iface(f finder) {
	f.Find(os.Getenv("N")) // want `via \(\*b.Store\).Find: external`
}

var callback = func(q string) {
	sink.Query(q) // want `^non-constant culprit=parameter q$`
}

// Function literals that capture a parameter: their sinks are judged with
// what the callers pass for it, where the literal is called or, when it
// is handed on, where it is made.
func captured(p string) {
	run := func() { sink.Query("SELECT " + p) }
	run()
}

func capturedHandedOn(p string) func() {
	return func() { sink.Query(p) }
}

func capturedNested(p string) {
	outer := func() {
		inner := func() { sink.Query(p) }
		inner()
	}
	outer()
}

func capturedMixed(p string) {
	q := p + os.Getenv("S")
	run := func() { sink.Query(q) }
	run()
}

type settings struct{ table, label string }

func capturedField(s settings) {
	run := func() { sink.Query("SELECT * FROM " + s.table) }
	run()
}

// capturedArgument is a literal with a parameter of its own beside the
// captured one.
func capturedArgument(p string) {
	run := func(where string) { sink.Query("SELECT * FROM " + p + " WHERE " + where) }
	run("id = 1")
}

func capturedCallers() {
	captured("t")                                              // want `via a.captured → a function literal in a.captured: constant$`
	captured(os.Getenv("T"))                                   // want `via a.captured → a function literal in a.captured: external culprit=os.Getenv\(\.\.\.\)$`
	capturedHandedOn("SELECT 1")                               // want `via a.capturedHandedOn → a function literal in a.capturedHandedOn: constant\{"SELECT 1"\}$`
	capturedHandedOn(os.Getenv("Q"))                           // want `via a.capturedHandedOn → a function literal in a.capturedHandedOn: external`
	capturedNested("SELECT 2")                                 // want `via a.capturedNested → a function literal in a.capturedNested → a function literal in a.capturedNested: constant\{"SELECT 2"\}$`
	capturedNested(os.Getenv("Q"))                             // want `via a.capturedNested → .*: external`
	capturedMixed("x")                                         // want `via a.capturedMixed → a function literal in a.capturedMixed: external culprit=os.Getenv`
	capturedField(settings{table: "t", label: os.Getenv("L")}) // want `via a.capturedField → a function literal in a.capturedField: constant$`
	capturedField(settings{table: os.Getenv("T")})             // want `via a.capturedField → a function literal in a.capturedField: external`
	capturedArgument("t")                                      // want `via a.capturedArgument → a function literal in a.capturedArgument: constant$`
	capturedArgument(os.Getenv("T"))                           // want `via a.capturedArgument → a function literal in a.capturedArgument: external`
	run := b.Later(os.Getenv("Q"))                             // want `via b.Later → a function literal in b.Later: external`
	run()
	b.Later("SELECT 3") // want `via b.Later → a function literal in b.Later: constant\{"SELECT 3"\}$`
}
