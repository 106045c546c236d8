package sqlconcat

import (
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"maps"
	"math/bits"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/dataflow"
	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// sinkSpec says where the SQL text is among a sink's operands (receiver
// excluded), and how the driver writes placeholders.
type sinkSpec struct {
	query int
	style string // "" when the driver decides
	cond  bool   // gorm condition: checked only when given a string
	// first: the operand at query is a variadic slice of conditions,
	// whose first element is the one that may be SQL (db.First(&u, cond)).
	first bool
	// clauses: the operand at query is a variadic slice of gorm
	// clause expressions, whose clause.Expr and clause.NamedExpr
	// literals carry SQL in their SQL field (db.Clauses(...)).
	clauses bool
	// selects: the operands at query and after it are gorm Select's
	// query and arguments, whose names may be SQL (see selectTexts);
	// with first, they are the elements of a variadic slice (Distinct).
	selects bool
}

// sinks maps dataflow.Key names to specs. It is built once from the tables
// below and never changed.
var sinks = buildSinks()

// sinkKeys are the keys of sinks, to ask about an object without building
// its key.
var sinkKeys = dataflow.NewKeySet(slices.Collect(maps.Keys(sinks)))

func buildSinks() map[string]sinkSpec {
	m := make(map[string]sinkSpec)
	add := func(pkgs, recvs []string, names string, spec sinkSpec) {
		for _, p := range pkgs {
			for _, r := range recvs {
				for _, n := range strings.Fields(names) {
					if r == "" {
						m[p+"."+n] = spec
					} else {
						m["("+p+"."+r+")."+n] = spec
					}
				}
			}
		}
	}
	one := func(p string) []string { return []string{p} }

	sql := one("database/sql")
	add(sql, []string{"DB", "Tx", "Conn"}, "Query QueryRow Exec Prepare", sinkSpec{query: 0})
	add(sql, []string{"DB", "Tx", "Conn"}, "QueryContext QueryRowContext ExecContext PrepareContext", sinkSpec{query: 1})

	sqlx := one("github.com/jmoiron/sqlx")
	sqlxTypes := []string{"DB", "Tx", "Conn", "Queryer", "Execer", "Ext", "Preparer", "QueryerContext", "ExecerContext", "ExtContext", "PreparerContext"}
	add(sqlx, sqlxTypes, "Query QueryRow Exec Prepare Queryx QueryRowx MustExec NamedExec NamedQuery Preparex PrepareNamed", sinkSpec{query: 0})
	add(sqlx, sqlxTypes, "Select Get", sinkSpec{query: 1})
	add(sqlx, sqlxTypes, "QueryContext QueryRowContext ExecContext PrepareContext QueryxContext QueryRowxContext MustExecContext NamedExecContext NamedQueryContext PreparexContext PrepareNamedContext", sinkSpec{query: 1})
	add(sqlx, sqlxTypes, "SelectContext GetContext", sinkSpec{query: 2})
	add(sqlx, []string{""}, "MustExec NamedExec NamedQuery Preparex", sinkSpec{query: 1})
	add(sqlx, []string{""}, "Select Get MustExecContext NamedExecContext NamedQueryContext PreparexContext", sinkSpec{query: 2})
	add(sqlx, []string{""}, "SelectContext GetContext", sinkSpec{query: 3})

	gorm := []string{"gorm.io/gorm", "github.com/jinzhu/gorm"}
	add(gorm, []string{"DB"}, "Raw Exec", sinkSpec{query: 0, style: "?"})
	add(gorm, []string{"DB"}, "Where Or Not Having Order Group Joins", sinkSpec{query: 0, style: "?", cond: true})
	add(gorm, []string{"DB"}, "Select", sinkSpec{query: 0, style: "?", cond: true})
	// Inline conditions: db.First(&user, "name = ?", name).
	add(gorm, []string{"DB"}, "First Take Last Find Delete FirstOrInit FirstOrCreate", sinkSpec{query: 1, style: "?", cond: true, first: true})
	add(gorm, []string{""}, "Expr", sinkSpec{query: 0, style: "?"})
	add(gorm, []string{"DB"}, "Clauses", sinkSpec{query: 0, style: "?", clauses: true})
	// gorm.io/gorm only, as its v1.25.12 source shows:
	gorm2 := one("gorm.io/gorm")
	// InnerJoins adds a join as Joins does (chainable_api.go:254); a name
	// that is no association is written as clause.NamedExpr{SQL: name}
	// (callbacks/query.go:245-250).
	add(gorm2, []string{"DB"}, "InnerJoins", sinkSpec{query: 0, style: "?", cond: true})
	// Preload's conditions after the association name are given to Find
	// as inline conditions (callbacks/preload.go:286); the name itself is
	// looked up among the relationships (callbacks/preload.go:117-121).
	add(gorm2, []string{"DB"}, "Preload", sinkSpec{query: 1, style: "?", cond: true, first: true})
	// Select takes names from a []string or from the strings after a
	// first string (chainable_api.go:112-170), and a name that is no
	// field of the model becomes clause.Column{Name: name, Raw: true}
	// (callbacks/query.go:58-65). Distinct passes its arguments on to
	// Select (chainable_api.go:94-100).
	add(gorm2, []string{"DB"}, "Select", sinkSpec{query: 0, style: "?", selects: true})
	add(gorm2, []string{"DB"}, "Distinct", sinkSpec{query: 0, style: "?", selects: true, first: true})
	// Table writes a name with a space or a backquote, or given
	// arguments, as clause.Expr{SQL: name} (chainable_api.go:64-72), and
	// Pluck a column that is not one plain name as a raw column
	// (finisher_api.go:565-568): text from input can be either.
	add(gorm2, []string{"DB"}, "Table Pluck", sinkSpec{query: 0, style: "?"})

	// squirrel's builders take SQL text where they take a string: the
	// text of a condition, a column, a table, a clause. Values given to
	// sq.Eq and after placeholders become arguments, and ToSql's text is
	// trusted (see squirrelOutput).
	sq := one(squirrelPath)
	add(sq, []string{""}, "Expr Select Insert Replace Update Delete", sinkSpec{query: 0})
	add(sq, []string{""}, "Alias", sinkSpec{query: 1})
	add(sq, []string{"StatementBuilderType"}, "Select Insert Replace Update Delete", sinkSpec{query: 0})
	add(sq, []string{"StatementBuilderType", "SelectBuilder", "UpdateBuilder", "DeleteBuilder"}, "Where", sinkSpec{query: 0, cond: true})
	add(sq, []string{"SelectBuilder", "InsertBuilder", "UpdateBuilder", "DeleteBuilder"}, "Prefix Suffix", sinkSpec{query: 0})
	add(sq, []string{"SelectBuilder", "UpdateBuilder", "DeleteBuilder"}, "From OrderBy", sinkSpec{query: 0})
	add(sq, []string{"SelectBuilder", "InsertBuilder"}, "Options Columns", sinkSpec{query: 0})
	add(sq, []string{"SelectBuilder"}, "Join LeftJoin RightJoin InnerJoin CrossJoin GroupBy", sinkSpec{query: 0})
	add(sq, []string{"SelectBuilder"}, "Column JoinClause Having OrderByClause", sinkSpec{query: 0, cond: true})
	add(sq, []string{"SelectBuilder", "UpdateBuilder"}, "FromSelect", sinkSpec{query: 1})
	add(sq, []string{"InsertBuilder"}, "Into", sinkSpec{query: 0})
	add(sq, []string{"UpdateBuilder"}, "Table Set", sinkSpec{query: 0})

	pgx := []string{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4/pgxpool", "github.com/jackc/pgx/v5/pgxpool"}
	add(pgx, []string{"Conn", "Tx", "Pool", "dbTx", "dbSimulatedNestedTx"}, "Query QueryRow Exec QueryFunc", sinkSpec{query: 1, style: "$1"})
	add(pgx, []string{"Conn", "Tx"}, "Prepare", sinkSpec{query: 2, style: "$1"})
	add(pgx, []string{"Batch"}, "Queue", sinkSpec{query: 0, style: "$1"})

	// pgconn, the connection under pgx (Conn.PgConn), runs the text it is
	// given; as pgx v5.7.2's pgconn/pgconn.go shows: Exec over the simple
	// protocol, which runs several statements (:1073-1098), ExecParams
	// and Prepare as one statement to parse (:1131-1137, :849-865), CopyTo
	// and CopyFrom as a COPY statement (:1224-1241, :1283-1300), a Batch's
	// ExecParams when ExecBatch sends it (:1704-1709), and a Pipeline's
	// SendQueryParams and SendPrepare (:2051-2078, v5 only). pgx v4 uses
	// github.com/jackc/pgconn v1, with the same methods.
	pgconn := []string{"github.com/jackc/pgx/v5/pgconn", "github.com/jackc/pgconn"}
	add(pgconn, []string{"PgConn"}, "Exec ExecParams", sinkSpec{query: 1, style: "$1"})
	add(pgconn, []string{"PgConn"}, "Prepare CopyTo CopyFrom", sinkSpec{query: 2, style: "$1"})
	add(pgconn, []string{"Batch"}, "ExecParams", sinkSpec{query: 0, style: "$1"})
	add(pgconn, []string{"Pipeline"}, "SendQueryParams", sinkSpec{query: 0, style: "$1"})
	add(pgconn, []string{"Pipeline"}, "SendPrepare", sinkSpec{query: 1, style: "$1"})
	return m
}

const squirrelPath = "github.com/Masterminds/squirrel"

// squirrelOutput reports whether obj is a method of squirrel that renders
// a builder or an expression (ToSql, MustSql): its text is made of what
// the builder was given as SQL, which the sinks above judge where it is
// given, and its values are arguments.
func squirrelOutput(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != squirrelPath {
		return false
	}
	f, ok := obj.(*types.Func)
	return ok && f.Signature().Recv() != nil && (f.Name() == "ToSql" || f.Name() == "MustSql")
}

// sink reports whether a call is a sink, with the operand that is the SQL
// text.
func sink(obj types.Object, args []ssa.Value, style string, extra dataflow.KeySet) *dataflow.Sink {
	var spec sinkSpec
	if sinkKeys.Has(obj) {
		spec = sinks[dataflow.Key(obj)]
	} else {
		if !extra.Has(obj) {
			return nil
		}
		spec.query = firstString(obj)
		if spec.query < 0 {
			return nil
		}
	}
	if spec.query >= len(args) {
		return nil
	}
	q := args[spec.query]
	if spec.clauses {
		var texts []ssa.Value
		for _, x := range elems(q) {
			if t := clauseSQL(x); t != nil {
				texts = append(texts, t)
			}
		}
		if len(texts) == 0 {
			return nil
		}
		return &dataflow.Sink{Kind: "sql", Callee: dataflow.Name(obj), Args: texts, Extra: spec.style}
	}
	if spec.selects {
		var texts []ssa.Value
		if spec.first {
			if xs, ok := variadic(q); ok && len(xs) > 0 {
				texts = selectTexts(xs[0], xs[1:], true)
			}
		} else if spec.query+1 < len(args) {
			rest, ok := variadic(args[spec.query+1])
			texts = selectTexts(q, rest, ok)
		}
		if len(texts) == 0 {
			return nil
		}
		return &dataflow.Sink{Kind: "sql", Callee: dataflow.Name(obj), Args: texts, Extra: spec.style}
	}
	if spec.first {
		if q = firstElem(q); q == nil {
			return nil
		}
	}
	if spec.cond {
		// gorm takes conditions as interface{}: only a string is SQL.
		mi, ok := q.(*ssa.MakeInterface)
		if !ok || !isString(mi.X.Type()) {
			if t := clauseSQL(q); t != nil {
				q = t // db.Where(clause.Expr{SQL: ...})
			} else if t := rawColumnName(q); t != nil {
				q = t // db.Order(clause.OrderByColumn{...Raw: true...})
			} else if !isString(q.Type()) {
				return nil
			}
		} else {
			q = mi.X
		}
	}
	if spec.style == "" {
		spec.style = style
	}
	return &dataflow.Sink{Kind: "sql", Callee: dataflow.Name(obj), Args: []ssa.Value{q}, Extra: spec.style}
}

// selectTexts returns the operands of a gorm Select that are SQL text,
// as gorm v1.25.12 reads them (chainable_api.go:112-170): query, when a
// string or a []string, and the strings and string lists in rest, its
// other arguments, known when restKnown. After a string query, rest are
// values instead when the query is constant text with as many ? as they
// are or any @, or when one of them is neither a string nor a []string;
// after a query whose text is not constant, rest is left out.
func selectTexts(query ssa.Value, rest []ssa.Value, restKnown bool) []ssa.Value {
	mi, ok := query.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	list := isStringSlice(mi.X.Type())
	if !list && !isString(mi.X.Type()) {
		return nil
	}
	texts := []ssa.Value{mi.X}
	if !restKnown || len(rest) == 0 {
		return texts
	}
	if !list {
		c, ok := mi.X.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return texts
		}
		text := constant.StringVal(c.Value)
		if strings.Count(text, "?") >= len(rest) || strings.Contains(text, "@") {
			return texts
		}
	}
	for _, r := range rest {
		mi, ok := r.(*ssa.MakeInterface)
		switch {
		case ok && (isString(mi.X.Type()) || isStringSlice(mi.X.Type())):
			texts = append(texts, mi.X)
		case !list:
			return texts[:1] // all of rest are values
		}
	}
	return texts
}

// variadic returns the elements of a variadic slice built at the call, in
// order, and whether they are known: none for a call that gives none, not
// known for a slice passed on with "...".
func variadic(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	arr, ok := alloc.Type().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	xs := make([]ssa.Value, arr.Len())
	for i, x := range stored(v) {
		if i < 0 || i >= int64(len(xs)) || xs[i] != nil {
			return nil, false
		}
		xs[i] = x
	}
	if slices.Contains(xs, nil) {
		return nil, false
	}
	return xs, true
}

// firstElem returns what is stored as the first element of a variadic
// slice built at the call (f(x, a, b) makes a slice of a and b), or nil.
func firstElem(v ssa.Value) ssa.Value {
	for i, x := range stored(v) {
		if i == 0 {
			return x
		}
	}
	return nil
}

// elems returns what is stored as the elements of a variadic slice built
// at the call, in no particular order.
func elems(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, x := range stored(v) {
		out = append(out, x)
	}
	return out
}

// stored yields the index and value of each store into the elements of a
// variadic slice built at the call, in the order of the slice's uses; an
// index that is not a constant is given as -1.
func stored(v ssa.Value) iter.Seq2[int64, ssa.Value] {
	return func(yield func(int64, ssa.Value) bool) {
		sl, ok := v.(*ssa.Slice)
		if !ok {
			return
		}
		alloc, ok := sl.X.(*ssa.Alloc)
		if !ok || alloc.Referrers() == nil {
			return
		}
		for _, r := range *alloc.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok || ia.Referrers() == nil {
				continue
			}
			i := int64(-1)
			if k, ok := ia.Index.(*ssa.Const); ok {
				i = k.Int64()
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia && !yield(i, st.Val) {
					return
				}
			}
		}
	}
}

// clauseSQL returns the address of the SQL field of the gorm
// clause.Expr or clause.NamedExpr literal that v is (as a value or a
// pointer, converted to an interface), whose reads give the text stored
// there; nil if v is none, or its SQL is never set.
func clauseSQL(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	alloc, ok := v.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return nil
	}
	named, ok := types.Unalias(alloc.Type().(*types.Pointer).Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	if named.Obj().Pkg().Path() != "gorm.io/gorm/clause" {
		return nil
	}
	if name := named.Obj().Name(); name != "Expr" && name != "NamedExpr" {
		return nil
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for _, r := range *alloc.Referrers() {
		if fa, ok := r.(*ssa.FieldAddr); ok && fa.X == alloc && st.Field(fa.Field).Name() == "SQL" {
			return fa
		}
	}
	return nil
}

// rawColumnName returns the address of the column name in the gorm
// clause.OrderByColumn literal that v is (converted to an interface),
// when the literal sets the column's Raw to true: gorm v1.25.12 writes
// such a name as it is, and quotes it otherwise (statement.go:128). nil
// if v is none, or the name is never set.
func rawColumnName(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || !isClauseType(alloc.Type().(*types.Pointer).Elem(), "OrderByColumn") {
		return nil
	}
	for _, col := range fieldAddrs(alloc, "Column") {
		for _, lit := range literals(col) {
			if !storesTrue(fieldAddrs(lit, "Raw")) {
				continue
			}
			if names := fieldAddrs(lit, "Name"); len(names) > 0 {
				return names[0]
			}
		}
	}
	return nil
}

// literals returns the addresses of the struct values stored at addr:
// addr itself, and each literal built apart and copied there (the
// clause.Column{...} of clause.OrderByColumn{Column: clause.Column{...}}).
func literals(addr ssa.Value) []ssa.Value {
	out := []ssa.Value{addr}
	for _, r := range *addr.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != addr {
			continue
		}
		if load, ok := st.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
			if alloc, ok := load.X.(*ssa.Alloc); ok {
				out = append(out, alloc)
			}
		}
	}
	return out
}

// isClauseType reports whether t is the named type of gorm.io/gorm/clause.
func isClauseType(t types.Type, name string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "gorm.io/gorm/clause" && named.Obj().Name() == name
}

// fieldAddrs returns the addresses of the field of the struct x points to
// that are taken from x.
func fieldAddrs(x ssa.Value, field string) []ssa.Value {
	st, ok := x.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || x.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, r := range *x.Referrers() {
		if fa, ok := r.(*ssa.FieldAddr); ok && fa.X == x && st.Field(fa.Field).Name() == field {
			out = append(out, fa)
		}
	}
	return out
}

// storesTrue reports whether the constant true is stored through one of
// addrs.
func storesTrue(addrs []ssa.Value) bool {
	for _, a := range addrs {
		for _, r := range *a.Referrers() {
			st, ok := r.(*ssa.Store)
			if !ok || st.Addr != a {
				continue
			}
			if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && constant.BoolVal(c.Value) {
				return true
			}
		}
	}
	return false
}

// firstString returns the index of the first string parameter of a
// function or function-typed variable, receiver excluded, or -1.
func firstString(obj types.Object) int {
	sig, ok := obj.Type().Underlying().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isString(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

// isStringSlice reports whether t is a slice of strings.
func isStringSlice(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	return ok && isString(sl.Elem())
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// driverStyle returns the placeholder style of the SQL drivers the package
// imports, directly or not, if they agree; "" otherwise.
func driverStyle(pkg *types.Package) string {
	styles := stylesBelow(pkg, make(map[*types.Package]bool))
	if styles == 0 || styles&(styles-1) != 0 {
		return "" // none, or drivers that disagree
	}
	return placeholders[bits.TrailingZeros(uint(styles))]
}

// placeholders are the placeholder styles of the SQL drivers in
// driverStyles, each a bit of a styleSet.
var placeholders = []string{"$1", "?", "@p1", ":1"}

// A styleSet holds placeholder styles, bit i standing for placeholders[i].
type styleSet uint8

// driverStyles gives the placeholder style of the drivers known by path.
var driverStyles = map[string]styleSet{
	"github.com/lib/pq":                   1 << 0,
	"github.com/jackc/pgx/v4/stdlib":      1 << 0,
	"github.com/jackc/pgx/v5/stdlib":      1 << 0,
	"github.com/go-sql-driver/mysql":      1 << 1,
	"github.com/mattn/go-sqlite3":         1 << 1,
	"modernc.org/sqlite":                  1 << 1,
	"github.com/ClickHouse/clickhouse-go": 1 << 1,
	"github.com/denisenkom/go-mssqldb":    1 << 2,
	"github.com/microsoft/go-mssqldb":     1 << 2,
	"github.com/godror/godror":            1 << 3,
	"github.com/sijms/go-ora/v2":          1 << 3,
}

// belowStyles holds stylesBelow's answers for dependencies, which the
// units of a run share: each service of a module would otherwise walk
// the whole of go-micro's import graph again.
var belowStyles analysisutil.PackageMemo[styleSet]

// stylesBelow returns the styles of the drivers among p and the packages
// below it. walking holds the packages being walked, in case of a cycle,
// which the go command never lists.
func stylesBelow(p *types.Package, walking map[*types.Package]bool) styleSet {
	if styles, ok := belowStyles.Load(p); ok {
		return styles
	}
	if walking[p] {
		return 0
	}
	walking[p] = true
	styles := driverStyles[p.Path()]
	// go-micro's own stores bring their drivers into every program that
	// imports go-micro (v5's postgres store, lib/pq): they run go-micro's
	// queries, not the program's.
	if _, _, ok := gomicro.Split(p.Path()); !ok {
		for _, imp := range p.Imports() {
			styles |= stylesBelow(imp, walking)
		}
	}
	delete(walking, p)
	return belowStyles.Store(p, styles)
}

// sinkPackages are the packages that declare the built-in sinks.
var sinkPackages = func() map[string]bool {
	m := make(map[string]bool)
	for key := range sinks {
		key = strings.TrimPrefix(key, "(")
		if i := strings.IndexByte(key, ')'); i >= 0 {
			key = key[:i]
		}
		m[key[:strings.LastIndexByte(key, '.')]] = true
	}
	return m
}()

// DepBodies is the rule's analysisutil.DepBodies for a, an analyzer made
// by New: the dependencies that can reach a SQL package, or all of them
// once -sinks names extra sinks.
func DepBodies(a *analysis.Analyzer) analysisutil.DepBodies {
	return dataflow.DepBodies(a, func(path string) bool { return sinkPackages[path] })
}

// Idle is the rule's analyzers.Rule.Idle for a, an analyzer made by New:
// whether a package holds no call that can take SQL text.
func Idle(a *analysis.Analyzer) func(*analysis.Pass) bool {
	return func(pass *analysis.Pass) bool {
		extra := dataflow.FlagNames(a, "sinks")
		return dataflow.Idle(func(obj types.Object) bool { return isSink(obj, extra) }, dataflow.MemoFor(a))(pass)
	}
}

// isSink reports whether calls to obj may be sinks, whatever their
// operands.
func isSink(obj types.Object, extra dataflow.KeySet) bool {
	return sinkKeys.Has(obj) || extra.Has(obj)
}
