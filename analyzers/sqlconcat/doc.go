// Package sqlconcat defines an Analyzer that reports SQL text built from
// non-constant strings.
//
// # Analyzer sqlconcat
//
// sqlconcat: report SQL text built from non-constant strings reaching a query
//
// A query whose text is assembled from values the program does not control
// lets those values change the statement: SQL injection (CWE-89). The rule
// follows the query text of every call to database/sql (DB, Tx and Conn:
// Query, QueryRow, Exec, Prepare and their Context forms), sqlx (Select,
// Get, Queryx, QueryRowx, MustExec, NamedExec, NamedQuery, Preparex and
// the Context forms, as methods, on the Queryer and Execer interfaces, and
// as package functions), gorm (Raw, Exec, gorm.Expr, the SQL field of
// clause.Expr and clause.NamedExpr literals given to Clauses or as a
// condition, and the column name of a clause.OrderByColumn literal given
// to Order whose column sets Raw to true; Table, Pluck, and Where, Or,
// Not, Having, Order, Group, Joins, InnerJoins and Select when given a
// string; the column names Select and Distinct take from a []string or
// from the strings and string lists after a first string, which gorm
// writes as they are when they name no field of the model (not when the
// first string has a ? for each of them or an @, or when a value of
// another type follows); and the inline condition of First, Take, Last,
// Find, Delete, FirstOrInit and FirstOrCreate, and the condition of
// Preload after the association name, when the first one is a string),
// pgx v4 and v5
// (Conn, Tx, pgxpool Pool, Conn and Tx: Query, QueryRow, Exec, QueryFunc,
// Prepare, and Batch.Queue, whose items SendBatch runs, and of pgconn,
// the connection under them that PgConn returns: PgConn's Exec,
// ExecParams, Prepare, CopyTo and CopyFrom, Batch.ExecParams, and
// Pipeline's SendQueryParams and SendPrepare) and squirrel
// (sq.Expr, Select, Insert, Update, Delete, and the builders' Where,
// Having, Column, JoinClause and OrderByClause when given a string, and
// From, Join, Columns, OrderBy, GroupBy, Set, Table, Into, Options,
// Prefix, Suffix and an alias) back to where it
// was built, through local variables, re-assignment, formatting,
// strings.Builder and bytes.Buffer, helper functions and other packages.
//
// The query is reported when any part of it is not constant, and the
// message names that part and says whether it is external input (a
// go-micro handler request, a subscriber message, the caller's go-micro
// metadata (metadata.FromContext, metadata.Get), an HTTP request, the
// environment, a flag, os.Args). Text that is constant, picked from
// constants (a switch, a map literal), made of digits only
// (strconv.Itoa, %d, time formatting), quoted by pq.QuoteIdentifier,
// pq.QuoteLiteral or pgx.Identifier.Sanitize, rendered by a squirrel
// builder or expression (ToSql, MustSql: what it was given as SQL is
// judged where it was given, and its values are arguments), or cleaned
// down to letters,
// digits and underscores by a regexp replacement
// (regexp.MustCompile("[^a-zA-Z0-9]+").ReplaceAllString(name, "_"), the
// regexp held in a variable or field that nothing else writes) is never
// reported. Nor is text that every path to the query checks against an
// allow list: a comparison with a non-empty constant (col == "asc"), a
// switch whose other cases return, a lookup (allowedSort[col], or its
// comma-ok form) in an unexported package map that the package fills with
// constant keys only, slices.Contains of a constant
// list or a comparison with an element of one (for _, c := range columns
// { if c == col { ... } }; not a list held in a package variable that is
// exported, of another package, or set outside its initialiser, which
// other code may change), strings.EqualFold with a constant, or a match
// of the whole text
// against letters, digits and underscores (regexp `^[a-z_]+$`, ^ and $
// without the m flag). Text split by strings.Split at a constant
// separator of letters, digits and ", .:/+_@=" not starting with "-"
// (no quote, semicolon or other character SQL or a shell reads), whose
// pieces a range over the result
// checks so one by one, counts as checked after the loop (for _, p :=
// range strings.Split(sort, ",") { if !allowedSort[p] { return } }): it
// is allowed pieces joined by the constant. Every pass must check the
// piece itself and return on failure (or panic); a piece that fails and
// only continues, a break, a piece changed before its check
// (strings.TrimSpace(p), which leaves spaces in the whole text the check
// never saw), a list written into, and strings.Fields or SplitSeq are no
// check of the whole text. For a field so checked and read again (req.Sort),
// the loop must also store and call nothing. Safe too is a value replaced by constant text when it
// fails such a check (if dir != "asc" && dir != "desc" { dir = "asc" }),
// or the result of a function, of this package or another, each of whose
// returns gives constant text or its parameter checked or replaced so on
// every path to that return (func direction(d string) string { if d !=
// "asc" && d != "desc" { d = "asc" }; return d }; a function with one
// return of the unchecked parameter is reported, and so is one that
// defers a call, which may change its results after the check),
// or checked by a function, of this package or another (a validator kept
// in a package of its own, validate.Sort(col), or a method of a validator
// type), whose only result, a bool or an error, is true or nil only after
// such a check of its parameter, not changed before it
// (if err := validateSort(col); err != nil { return err }), or only after
// its parameter equals an element of its list parameter, where the caller
// passes a constant list (if !inList(col, columns) { return }). Such a
// function with one true or nil return that the check does not guard, or
// whose result may be true for another reason (force || allowed[col]),
// checks nothing; nor does one that checks another parameter than the one
// the caller passes, or that only matches a prefix or a substring.
// A check of a field (if !allowedSort[req.Sort]
// { return err }) counts for the same field of the same variable read
// later, unless something may have written the field in between: a store
// to it or to the struct around it, a call given a pointer to either, or,
// for a struct reached through a pointer or whose address is taken, a
// store through another pointer to the same field or struct type. The
// field may be read, and checked, through the getters of a generated
// protobuf message (switch req.GetSort() { ... } then req.Sort, or the
// other way round) and may be a field of a nested message
// (req.Page.Sort, req.GetPage().GetSort()): a write to the nested
// message's pointer (req.Page) then voids the check too. A constant
// written into the field itself when the check fails (if
// !allowedSort[req.Sort] { req.Sort = "id" }) leaves it as safe as the
// check.
//
// Wrong:
//
//	func (h *Users) Find(ctx context.Context, req *pb.FindRequest, rsp *pb.FindResponse) error {
//		rows, err := h.db.QueryContext(ctx, "SELECT id FROM users WHERE name = '"+req.Name+"'")
//		...
//
// Right:
//
//	rows, err := h.db.QueryContext(ctx, "SELECT id FROM users WHERE name = $1", req.Name)
//
// A helper that runs the SQL it is given, such as
//
//	func query(db *sql.DB, q string) (*sql.Rows, error) { return db.Query(q) }
//
// is not reported itself: each call of it is judged with the text the
// caller passes, in the same package or in any package that imports it.
// The message then names the helper and where its sink is.
//
// The fix advice uses the driver's placeholder style when it is known:
// $1 for pgx and for programs that import lib/pq or pgx's stdlib driver,
// ? for gorm and for programs that import the MySQL or SQLite drivers
// (not counting drivers that only go-micro's own stores import). Table and
// column names cannot be placeholders; check them against a
// fixed list or quote them with pq.QuoteIdentifier or
// pgx.Identifier.Sanitize.
//
// A model's own table name, read through gorm's schema.Tabler or
// schema.TablerWithNamer (db.Table(m.TableName()), or t.TableName() in a
// generic repository over T schema.Tabler), is taken for what the
// implementations of TableName declared in the package and its direct
// imports return: constant text when none returns anything else, as is
// gorm's convention (gorm calls TableName itself for every model).
//
// Flags:
//
//	-sqlconcat.sinks=LIST       extra sinks, comma-separated: "import/path.Func"
//	                            or "(import/path.Type).Method"; the query is the
//	                            first string parameter
//	-sqlconcat.sanitizers=LIST  extra functions whose result is safe SQL text,
//	                            in the same form
//
// # Limitations
//
// The rule deliberately does not report:
//
//   - query text read from a database, a file or a configuration value
//     that the program then treats as trusted, when it comes from a
//     function the analysis can summarise as constant;
//   - queries passed through an interface method whose implementations are
//     in packages the calling package does not import, or through function
//     values other than closures called where they are made; an
//     implementation in an imported package counts only when the
//     interface called through, or the one declaring the method, is
//     declared in the calling package, or its package is the
//     implementation's, imports it or is imported by it (as far as the
//     compiled form tells), so a type that has an interface's methods
//     without either package knowing the other is not followed (an
//     io.Writer whose Write runs a shell, a repository interface in one
//     package implemented in another that does not import it, the two
//     wired together in main);
//   - a query reached through functions that call each other (directly,
//     or through an interface method) in a cycle that two rounds of
//     summaries do not close: a function summarised while another it
//     reaches was still in progress is summarised once more, with that
//     one's first summary, but not again, so in longer cycles which
//     sinks a caller sees can depend on the order the functions are
//     declared in;
//   - query text built through more than about 10,000 steps in a row
//     (appends to a string, branches that each may change it, helpers
//     each passing it to the next, functions that call each other): past
//     that depth, which guards the analysis's own stack, the rest is
//     given the benefit of the doubt, so input read at the far end of so
//     long a chain is not reported;
//   - calls through a type parameter's method in a generic function
//     (PT(&t).Exec(q), with PT constrained by interface{ *T; Exec(string) }):
//     a generic body is analysed once, not for each instantiation, so
//     the method the instantiation written at the call would run is
//     not known, and the call is not followed;
//   - the request of a handler whose request parameter has a type
//     parameter's type (func (h *Git[R]) Clone(ctx, req R, rsp *Rsp)):
//     it is read only through the constraint's methods, whose results
//     count as non-constant text, not external input;
//   - query text a function literal builds from a captured parameter and
//     stores in a variable of the function around it, which then runs it
//     (func() { q = "... " + col }(); db.Query(q)). A query the literal
//     runs itself is judged where the literal is made, as if it ran
//     there, with what the function around it captures (a handler's
//     request, or its own parameters, for its callers to judge); checks
//     made before the literal, or inside it, count as they do elsewhere,
//     except that a call between the check and the literal, or between
//     the check and the query inside it, voids a check of a captured
//     variable, unless it is a call of a standard library function of
//     fmt, log, strings, strconv and the like given only basic values
//     (log.Printf("by %s", col)), which cannot run code of the program;
//   - at the registration of a handler declared in another package, which
//     reports each query the request reaches apart, a query more than
//     seven calls down whose text another query of the handler covers
//     (no better origin, built from the same fields of the request);
//   - gorm clause.Expr and clause.NamedExpr values other than literals
//     written in the Clauses or condition call (returned by a helper, or
//     inside clause.Where or clause.OrderBy), and raw columns other than
//     that of a clause.OrderByColumn literal written in the Order call
//     (in a clause.OrderBy, or a clause.Column built apart);
//   - text written into a strings.Builder or bytes.Buffer by another
//     function (a pointer parameter is not followed into its callers);
//   - gorm conditions given as an interface value whose string is built
//     elsewhere (only a string converted at the call is checked), the
//     strings after a first string of Select or Distinct whose text is
//     not constant, or given with "..." (a []interface{} passed on);
//   - *sql.Stmt execution, whose text was checked when it was prepared;
//   - a table name read through schema.Tabler or schema.TablerWithNamer
//     whose TableName builds it from input in a package that is neither
//     the calling package nor one of its direct imports, or in an imported
//     package from something other than the model's own fields (its
//     summary then carries no result, and the name is taken for constant);
//   - a field checked against an allow list and changed before the query
//     by a call not given a value that may hold its struct's pointer, one
//     that reaches it through a pointer kept before the handler ran, or by
//     another goroutine: the check still counts. A write anywhere between
//     the check's reading and its branch, a call given the pointer or any
//     value of the function made from it (an interface, a call's result,
//     a local list), and any call once the pointer is stored where other
//     code finds it, void the check; a method call on it does not when
//     its body (in the package) stores and calls nothing, or when it is
//     String or GetF of a generated protobuf message of another package.
//     For a field of a nested message, any pointer of the function to a
//     message of that type counts as one that may hold it (a closure
//     holding the page put in req.Page voids the check), but not one kept
//     before the handler ran;
//   - a field read through a getter taken for it that returns something
//     else: GetF counts as field F only for a generated protobuf message
//     (a method ProtoMessage marks it) that has a field F of its result
//     type, in the analysed package when its body only returns that field
//     or the zero value, in another package when its fact shows text
//     built from field F and constants alone (so a hand-written GetF that
//     returns constant text in some cases, or F changed by a function
//     that keeps its text's origin, strings.TrimLeft(x.F, "-"), is taken
//     for F, and a check made through it for a check of F); a getter of a nested message of
//     another package (GetPage) is taken on its name, field and mark
//     alone, so a hand-written GetPage that returns another message is
//     taken for req.Page;
//   - ORM query builders other than squirrel (goqu, ent) and the string
//     forms of other drivers unless added with -sqlconcat.sinks;
//   - in squirrel, the strings of sq.ConcatExpr and of sq.Case's When,
//     Then and Else, the keys of sq.Eq and the other maps (column names),
//     conditions given as an interface value whose string is built
//     elsewhere, and a Sqlizer of your own whose ToSql builds its text
//     from input and that a builder renders.
//
// An allow-list check counts only for the value it checks and only where
// every path to the query went through it, or replaced the value by
// constant text when the check failed; a package variable that is
// exported or set outside its initialiser is not constant text there.
// Written into a field, the constant counts only when stored into that
// field of the same variable (not through another pointer, nor as part
// of a new nested message, req.Page = &pb.Page{Sort: "id"}), and through
// a nested message's pointer only when nothing may have written the
// field since that pointer was read. A text getter of another package
// without a fact (a generated package the command does not analyse, as
// one in a module other than yours) is not taken for its field: a check
// or a use through it is judged on its own, and the query reported; so
// is checked text stored into a field (if ok { req.Sort = col }), and a
// constant stored into a field that no check reads. A value changed on
// the checked branch (if ok { s = col + " DESC" } else { s = "id" }) is
// judged by its sources, and reported. So is text checked by a function of
// another package that the command does not analyse (a dependency
// outside your modules that cannot reach a SQL package, see below): its
// bool or error result says nothing of its parameter there. A check
// through an interface method or a function value is not followed. A
// validator's compiled pattern or sentinel error held in an exported
// variable of its package (var IdentPattern = regexp.MustCompile(...),
// return ErrBadSort) is taken at its initial value, even where another
// package assigns it.
//
// Values of struct and pointer results of functions in other packages are
// treated as non-constant; a query built from a field of such a value is
// reported even when the field is always constant.
//
// A loop variable of a range over a function other than the standard
// library's iterators (strings.SplitSeq, slices.All and the like), such as
// for q := range queries(req) with an iterator of your own, is not
// followed into the iterator: a query built from it is reported as
// non-constant text ("a range-over-func loop variable"), not as external
// input, even when the iterator yields the request's fields.
//
// Functions are followed into every package of your modules, but into a
// dependency outside them only when it can reach a SQL package (it, or a
// package it imports outside the standard library, imports database/sql,
// sqlx, gorm or pgx): the command reads the other dependencies from the
// compiler's export data and does not analyse them, which makes it several
// times faster. A
// query built from the result of such a function counts as non-constant,
// even when the function only passes constant text through. Naming extra
// sinks with -sqlconcat.sinks makes every dependency followed, and so do
// go vet -vettool and golangci-lint, which give the rule every body. The
// command also leaves the rule out of the packages of your modules where
// no call can run a query and whose functions no package that can reach a
// SQL package calls: what it finds does not change.
//
// A go-micro handler or subscriber declared in one package and registered
// in another (micro.RegisterHandler in main, the handler type in package
// handler) is known to receive external input only where it is
// registered, unless it implements a generated XxxHandler interface that
// its own package imports. Its findings are then reported at the
// registration call, one for each sink its request or message reaches,
// naming the handler method or subscriber and the package, file and line
// of the sink (registered through a generated RegisterXxxHandler, only the
// interface's methods count): a suppression
// comment and -new-from-rev apply to that line, each package that
// registers the handler reports them again, and a run on the handler's
// package alone does not find them.
package sqlconcat
