package dataflow

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/elide"
)

// Summary is what callers need to know about a function, or about a
// package-level variable, without looking at its body.
type Summary struct {
	// Results holds the origin of each result in terms of the function's
	// parameters. For a variable, Results[0] is the origin of its value.
	Results []Value
	// Sinks lists the sinks the function's parameters reach, with the
	// operands in terms of those parameters, for the caller to judge.
	Sinks []SinkUse
	// checks, of a function whose only result is a bool or an error,
	// says what it checks of each of its parameters before it returns
	// true or a nil error (see helperChecks), so that a caller of
	// another package takes that result for the check; nil when it
	// checks none.
	checks []paramCheck
}

// SinkUse is a sink reached from a function's parameters.
type SinkUse struct {
	Kind   string  // the client's sink kind
	Callee string  // the sink itself, e.g. "(*database/sql.DB).Query"
	Where  string  // "pkg/file.go:LINE" of the sink call (see engine.where)
	Via    string  // the chain of functions from the summarised one, "a → b"
	Args   []Value // the sink's operands
	Extra  string  // client data carried from the sink, e.g. a placeholder style
	// Checked are Args with values checked not to start with "-" taken as
	// constant (Site.Checked), for a client with OptionChecks; nil
	// otherwise.
	Checked []Value
}

// interesting reports whether s says more than "results unknown, no sinks",
// which is what a caller assumes of a function without a fact.
func (s *Summary) interesting() bool {
	if len(s.Sinks) > 0 || len(s.checks) > 0 {
		return true
	}
	for _, r := range s.Results {
		if r.Origin < NonConstant || r.DependsOnParams() {
			return true
		}
	}
	return false
}

// String renders s for fact expectations in tests: "results(...)
// sinks(kind@callee:args) checks(param:kind)".
func (s *Summary) String() string {
	var b strings.Builder
	b.WriteString("results(")
	for i, r := range s.Results {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.String())
	}
	b.WriteString(")")
	for _, k := range s.Sinks {
		b.WriteString(" sink(" + k.Kind + "@" + k.Callee + ":")
		for i, a := range k.Args {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(a.String())
		}
		b.WriteString(")")
	}
	if len(s.checks) > 0 {
		b.WriteString(" checks(")
		sep := ""
		for i, c := range s.checks {
			if c.kind == noCheck {
				continue
			}
			b.WriteString(sep + strconv.Itoa(i) + ":" + c.String())
			sep = "; "
		}
		b.WriteString(")")
	}
	return b.String()
}

// Listed reports whether the summary is one that a package finds by
// listing its dependencies' facts: one that reaches a sink, which
// reachesSink and the search for the implementations of an interface
// method look for among every dependency's facts (analysisutil.Listed).
func (s *Summary) Listed() bool { return len(s.Sinks) > 0 }

// summary is promoted into the client's fact type, which is how that type
// implements Fact.
//
//lint:ignore U1000 used through the clients' fact types
func (s *Summary) summary() *Summary { return s }

// Fact is the fact type a client analyzer declares to carry summaries
// between packages. go/analysis lets a fact type belong to one analyzer
// only, and summaries depend on the client's sinks and sanitisers, so each
// client declares its own type by embedding Summary:
//
//	type summary struct{ dataflow.Summary }
//
//	func (*summary) AFact() {}
type Fact interface {
	analysis.Fact
	summary() *Summary
}

// Sink is one call the client treats as a sink, with the operands it wants
// judged.
type Sink struct {
	Kind   string      // client-defined, passed back in Site.Kind
	Callee string      // how messages name the sink
	Args   []ssa.Value // the operands, in the order the client's Judge expects
	Extra  string      // client data passed back in Site.Extra
}

// Site is a sink as seen at one call: the operands' origins in the caller's
// terms. Via is empty for a direct sink; otherwise it names the function the
// caller calls and the chain down to the sink.
type Site struct {
	Kind   string
	Callee string
	Where  string // position of the sink call when it is in another function
	Via    string
	Extra  string
	Args   []Value
	// Checked, for a client with OptionChecks, are Args again with the
	// values taken as constant that every path to the sink rejects when
	// they start with "-" (strings.HasPrefix(v, "-")): safe as a
	// command's arguments, not as a script. Summaries carry them to the
	// callers and to the registrations of a handler of another package.
	Checked []Value
}

// ViaText returns Via as a message names it: a chain of more than seven
// calls (real ones are shorter, generated ones need not be) by its first
// four and last two, with the number left out between, "a → b → c → d →
// (5 more) → j → k". The last calls are the ones that lead to the sink.
func (s *Site) ViaText() string {
	if s.Via == "" {
		return ""
	}
	steps := elide.List(strings.Split(s.Via, viaSep), viaHead, viaTail, moreSteps)
	return strings.Join(steps, viaSep)
}

// viaSep separates the calls of a Via chain.
const viaSep = " → "

// Of a chain longer than viaHead+viaTail+1 calls, a Via keeps only the
// first viaHead and the last viaTail, with the number left out between,
// as ViaText names it: a summary's sinks are copied into every caller's
// summary with one call more in front, and chains kept whole made a
// chain of n calls cost n² in text (a chain of helpers, or of function
// literals each calling the next function).
const viaHead, viaTail = 4, 2

// joinVia returns the chain of call name followed by rest, itself a
// chain kept as joinVia keeps it, or "".
func joinVia(name, rest string) string {
	if rest == "" {
		return name
	}
	steps := strings.Split(rest, viaSep)
	if len(steps) == viaHead+1+viaTail {
		if n, ok := hiddenSteps(steps[viaHead]); ok {
			// name, the first viaHead-1 of rest, then one more
			// left out.
			out := make([]string, 0, len(steps))
			out = append(out, name)
			out = append(out, steps[:viaHead-1]...)
			out = append(out, moreSteps(n+1))
			out = append(out, steps[viaHead+1:]...)
			return strings.Join(out, viaSep)
		}
	}
	steps = elide.List(append([]string{name}, steps...), viaHead, viaTail, moreSteps)
	return strings.Join(steps, viaSep)
}

// viaElided reports whether via is a chain longer than a message names,
// kept by joinVia with the calls between left out.
func viaElided(via string) bool {
	if strings.Count(via, viaSep) != viaHead+viaTail {
		return false
	}
	steps := strings.Split(via, viaSep)
	_, ok := hiddenSteps(steps[viaHead])
	return ok
}

// moreSteps names n calls left out of a chain.
func moreSteps(n int) string { return fmt.Sprintf("(%d more)", n) }

// hiddenSteps returns n of a step "(n more)" that moreSteps wrote.
func hiddenSteps(step string) (int, bool) {
	s, ok := strings.CutPrefix(step, "(")
	if !ok {
		return 0, false
	}
	s, ok = strings.CutSuffix(s, " more)")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// Decision is what a client's Judge says of a Site.
type Decision struct {
	// Defer asks for the site to be judged at the callers of the
	// enclosing function: the verdict depends on its parameters.
	Defer bool
	// Message, if set, is reported at the call.
	Message  string
	Category string
}

// Config describes one client analysis.
type Config struct {
	// NewFact returns a new fact of the client's summary type.
	NewFact func() Fact
	// Sink reports whether a call is a sink, given the called object
	// (function, method, interface method or function-typed variable; nil
	// for dynamic calls) and its arguments without the receiver.
	Sink func(callee types.Object, args []ssa.Value) *Sink
	// SinkCall, if set, is asked instead of Sink about a call the
	// analysed code makes, given the call too: a client may add operands
	// the code gives the call's result (the Stdin of an exec.Cmd).
	SinkCall func(call ssa.CallInstruction, callee types.Object, args []ssa.Value) *Sink
	// SinkObject, if set, reports whether calls to callee may be sinks,
	// whatever their operands: Sink returns nil for every other. Analyze
	// uses it to skip, in a package where no call can reach a sink, all
	// but the summaries it exports.
	SinkObject func(callee types.Object) bool
	// SinkMethods, if set, keeps the sink methods of each package for the
	// client, across packages (see SinkMethodMemo). With SinkObject, a
	// call of an interface method that a sink method of the package or
	// of a direct import implements is judged as a call of that sink.
	SinkMethods *SinkMethodMemo
	// Sanitiser reports whether the result of calling callee is sanitised
	// text. It is asked before the engine's own models of the standard
	// library, so that a client may trust a result they do not.
	Sanitiser func(callee types.Object) bool
	// ConventionalResult, if set, reports whether the results of an
	// interface method are by convention constant text (gorm's
	// schema.Tabler.TableName): a call through the interface yields
	// what the implementations declared in the package and its direct
	// imports return, and constant text where none returns other.
	ConventionalResult func(m *types.Func) bool
	// IdentifierSafe says that text made only of ASCII letters, digits
	// and underscores is safe: a regexp replacement that leaves nothing
	// else (see allowListed) sanitises. SQL identifiers are; a program
	// name is not.
	IdentifierSafe bool
	// OptionChecks asks for Site.Checked.
	OptionChecks bool
	// OriginVerdict says that Judge's verdict on a site depends only on
	// the origin of its operands joined (Concat), and on whether they
	// depend on parameters: of the sinks a summary reaches along long
	// chains, it keeps only those another with the same kind and callee
	// does not cover (see engine.covers).
	OriginVerdict bool
	// Judge decides about a site. It is called for every sink reached,
	// directly or through summaries.
	Judge func(*Site) Decision
}

// Finding is a message to report, with the extent of the call it is about.
type Finding struct {
	Pos, End token.Pos
	Message  string
	Category string
}
