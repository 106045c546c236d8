// Package dataflow answers one question for microsec-lint's injection
// rules: where can the text of this value have come from?
//
// It works on the SSA form of a package (built as buildssa would) and gives every string
// value an Origin: Constant, IntegerOnly, Sanitised, NonConstant or
// External. Origins are followed through locals, phis, re-assignment,
// captured variables, struct fields and slice elements written in the same
// function, package-level variables, formatting (fmt's verbs), string
// building (strings.Builder, bytes.Buffer, Join, Replace, append) and
// calls. In a package where no call can reach a sink, Analyze only exports
// summaries, and builds SSA only for the functions those depend on.
//
// A call to a function is followed through its Summary: the origin of each
// result in terms of the function's parameters, the sinks its
// parameters reach, and, for a function whose only result is a bool or an
// error, which parameters it checks against an allow list or for a
// leading "-" before it returns true or nil (see helperChecks). Where the function reads a field of a struct parameter
// (or of the struct a pointer parameter points to, cfg.A.B included), the
// summary names that field, and a caller substitutes the origin of that
// field of its argument: the value in a composite literal, a store before
// the call, or the zero value of a field never set. Summaries of the package's own functions are computed
// on demand; summaries of other packages' functions travel as analysis
// facts of a type the client declares, so results do not depend on how
// packages are batched. A client (sqlconcat, cmdinjection) says which calls
// are sinks, which functions sanitise, and how to judge a sink once the
// origins of its operands are known; a sink whose verdict depends on the
// enclosing function's parameters is deferred to that function's callers,
// which judge it with their own arguments. A summary names the chain of
// calls down to each sink as messages do, by its first and last calls
// when it is longer than seven, and of the sinks it reaches along such
// chains keeps only those no other of its sinks covers (one with the same
// operands, or, for sqlconcat, operands with no worse origin built from
// no other parameters): the sinks of a chain of n calls then cost n, not
// n³, in text and copies.
//
// A function literal is summarised like a function, its captured
// variables standing for parameters of its own after its real ones when
// what the function around it binds to them depends on that function's
// parameters: a literal called where it is made is judged at each call,
// with the call's arguments too; one handed on (to a transaction, a
// retry loop, a goroutine, a variable called later) is judged once,
// where it is made, as if it ran there. Either way its sinks join the
// summary of the function around it, for that function's callers to
// judge; allow-list checks of the captured variables, before the literal
// and inside it, count as checks of fields do.
//
// External input is the request parameter of go-micro handler methods
// (registered in the package, or implementing a generated XxxHandler
// interface), subscriber messages, *http.Request values, go-micro
// server.Request, server.Message and broker.Event values, the metadata of
// a context (go-micro's metadata.FromContext and metadata.Get), os.Args,
// os.Stdin, the environment and command-line flags. A context.Context is
// not external input itself, only the metadata read from it.
//
// The analysis is flow-insensitive inside a function and deliberately
// simple where precision would cost much:
//   - a method called on a value is assumed to read it (getters), while a
//     pointer passed to a function that is not known makes what it points
//     to NonConstant;
//   - writes through a pointer or slice parameter are not followed into
//     callers;
//   - an interface method call reaches the implementations declared in the
//     package and its direct imports only;
//   - recursion, direct, mutual or through an interface method, is
//     summarised with the call of a function whose summary is still in
//     progress taken as reaching no sink and returning constant text of
//     unknown value; the summaries computed so, other than a function's
//     own calls of itself, are computed once more when the first pass is
//     done, with the first summaries standing in for those in progress,
//     so that the order of the functions does not decide which sinks a
//     caller sees; a cycle that needs more rounds than two may still
//     leave out sinks, depending on that order;
//   - what a function literal writes into a captured variable loses its
//     dependence on the parameters of the function around it, which
//     reads it back as constant text.
package dataflow
