package sqlconcat

import (
	_ "embed"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
)

//go:embed doc.go
var docSrc []byte

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(docSrc, "sqlconcat")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// Sinks are extra functions or methods whose first string parameter
	// is SQL text, named as dataflow.Key names them.
	Sinks []string
	// Sanitizers are extra functions whose result is safe SQL text.
	Sanitizers []string
}

// Analyzer is the sqlconcat analyzer with the default settings.
var Analyzer = New(Config{})

// New returns a sqlconcat analyzer that starts from cfg; its flags
// (-sinks, -sanitizers) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "sqlconcat",
		Doc:       Doc.Analyzer(),
		URL:       "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#sqlconcat",
		Requires:  []*analysis.Analyzer{dataflow.NoReturn}, // SSA: dataflow.Analyze builds it
		FactTypes: []analysis.Fact{new(summary)},
	}
	a.Flags.Var((*flagval.Names)(&cfg.Sinks), "sinks",
		`extra sinks, comma-separated "import/path.Func" or "(import/path.Type).Method"; the query is the first string parameter`)
	a.Flags.Var((*flagval.Names)(&cfg.Sanitizers), "sanitizers",
		"extra functions whose result is safe SQL text, in the same form as -sinks")
	a.Run = func(pass *analysis.Pass) (any, error) {
		run(pass, &cfg)
		return nil, nil
	}
	return a
}

// summary carries a function's dataflow summary to importing packages.
type summary struct{ dataflow.Summary }

func (*summary) AFact() {}

func run(pass *analysis.Pass, cfg *Config) {
	style := driverStyle(pass.Pkg)
	extraSinks := dataflow.NewKeySet(cfg.Sinks)
	sanitizers := dataflow.NewKeySet(builtinSanitizers, cfg.Sanitizers)
	dcfg := &dataflow.Config{
		NewFact: func() dataflow.Fact { return new(summary) },
		Sink: func(obj types.Object, args []ssa.Value) *dataflow.Sink {
			return sink(obj, args, style, extraSinks)
		},
		SinkObject:  func(obj types.Object) bool { return isSink(obj, extraSinks) },
		SinkMethods: dataflow.MemoFor(pass.Analyzer),
		Sanitiser: func(obj types.Object) bool {
			return sanitizers.Has(obj) || squirrelOutput(obj)
		},
		ConventionalResult: gormTableName,
		// A table name cleaned with regexp.MustCompile("[^a-zA-Z0-9]+")
		// cannot break out of the query.
		IdentifierSafe: true,
		// judge looks only at the origin of the query text.
		OriginVerdict: true,
		Judge: func(s *dataflow.Site) dataflow.Decision {
			// A sink in a package that imports no driver (a handler
			// registered here, a helper) takes the advice of the
			// program that does.
			if s.Extra == "" && style != "" {
				c := *s
				c.Extra = style
				return judge(&c)
			}
			return judge(s)
		},
	}
	for _, f := range dataflow.Analyze(pass, dcfg) {
		pass.Report(analysis.Diagnostic{Pos: f.Pos, End: f.End, Message: f.Message, Category: f.Category})
	}
}

// gormTableName reports whether m is the TableName method of gorm's
// schema.Tabler or schema.TablerWithNamer: the name a model gives its own
// table, which gorm itself reads for every model and which is constant
// text unless an implementation in sight says otherwise.
func gormTableName(m *types.Func) bool {
	if m.Name() != "TableName" || m.Pkg() == nil || m.Pkg().Path() != "gorm.io/gorm/schema" {
		return false
	}
	recv := m.Signature().Recv()
	if recv == nil {
		return false
	}
	n, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok {
		return false
	}
	switch n.Obj().Name() {
	case "Tabler", "TablerWithNamer":
		return true
	}
	return false
}

// builtinSanitizers quote identifiers and literals for PostgreSQL.
var builtinSanitizers = []string{
	"github.com/lib/pq.QuoteIdentifier",
	"github.com/lib/pq.QuoteLiteral",
	"(github.com/jackc/pgx/v4.Identifier).Sanitize",
	"(github.com/jackc/pgx/v5.Identifier).Sanitize",
	"(github.com/jackc/pgx.Identifier).Sanitize",
}

// judge reports a query whose text is not constant, and defers one that is
// constant unless the enclosing function's parameters make it otherwise.
func judge(s *dataflow.Site) dataflow.Decision {
	// Clauses may carry several raw expressions: judged as one text.
	q := s.Args[0]
	for _, a := range s.Args[1:] {
		q = dataflow.Concat(q, a)
	}
	if q.Origin.Safe() {
		return dataflow.Decision{Defer: q.DependsOnParams()}
	}
	var b strings.Builder
	b.WriteString("query text ")
	if s.Via != "" {
		b.WriteString("that " + s.ViaText() + " passes to " + s.Callee)
		if s.Where != "" {
			b.WriteString(" (" + s.Where + ")")
		}
	} else {
		b.WriteString("passed to " + s.Callee)
	}
	if q.Origin == dataflow.External {
		b.WriteString(" is built from external input")
	} else {
		b.WriteString(" is built from non-constant text")
	}
	if q.Culprit != "" {
		b.WriteString(" (" + q.Culprit + ")")
	}
	b.WriteString("; " + advice(s.Extra))
	return dataflow.Decision{Message: b.String()}
}

// advice says how to fix a query for a placeholder style.
func advice(style string) string {
	switch style {
	case "$1":
		return "pass values as arguments with $1, $2 placeholders and quote identifiers with pq.QuoteIdentifier or pgx.Identifier.Sanitize"
	case "?":
		return "pass values as arguments with ? placeholders and check identifiers against a fixed list"
	case "@p1":
		return "pass values as arguments with @p1, @p2 placeholders and check identifiers against a fixed list"
	case ":1":
		return "pass values as arguments with :1, :2 placeholders and check identifiers against a fixed list"
	}
	return "pass values as arguments with placeholders and check identifiers against a fixed list"
}
