package dataflow_test

import (
	"go/ast"
	"go/types"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// summary is the fact type of the test client.
type summary struct{ dataflow.Summary }

func (*summary) AFact() {}

// probe reports the origin of the operand of every call to sink.Query it
// can judge, and defers the others to callers.
var probe = newProbe(false)

// newProbe returns the probe analyzer. With sinkObject, its Config says
// which functions are sinks, so that Analyze summarises less in packages
// that reach none, and it requires NoReturn rather than buildssa, as the
// rules do, so that Analyze builds SSA itself, without the bodies those
// summaries do not need.
func newProbe(sinkObject bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "probe",
		Doc:       "report the origin of sink operands",
		Requires:  []*analysis.Analyzer{buildssa.Analyzer},
		FactTypes: []analysis.Fact{new(summary)},
	}
	if sinkObject {
		a.Requires = []*analysis.Analyzer{dataflow.NoReturn}
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		cfg := &dataflow.Config{
			NewFact: func() dataflow.Fact { return new(summary) },
			Sink: func(obj types.Object, args []ssa.Value) *dataflow.Sink {
				if obj != nil && dataflow.Key(obj) == "sink.Query" {
					return &dataflow.Sink{Kind: "query", Callee: "sink.Query", Args: args[:1]}
				}
				return nil
			},
			Sanitiser: func(obj types.Object) bool { return dataflow.Key(obj) == "quote.Ident" },
			Judge: func(s *dataflow.Site) dataflow.Decision {
				v := s.Args[0]
				if v.DependsOnParams() {
					return dataflow.Decision{Defer: true}
				}
				msg := v.String()
				if !v.Origin.Safe() {
					msg += " culprit=" + v.Culprit
				}
				if s.Via != "" {
					msg = "via " + s.Via + ": " + msg
				}
				return dataflow.Decision{Message: msg}
			},
		}
		if sinkObject {
			cfg.SinkObject = func(obj types.Object) bool { return dataflow.Key(obj) == "sink.Query" }
		}
		for _, f := range dataflow.Analyze(pass, cfg) {
			pass.Report(analysis.Diagnostic{Pos: f.Pos, End: f.End, Message: f.Message})
		}
		return nil, nil
	}
	return a
}

func TestOrigins(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "a", "b", "c", "d", "e", "f")
}

// TestOriginsSinkObject runs the same packages knowing which functions are
// sinks: in e, which reaches none, only what e exports is summarised, and
// the facts and findings must be the same.
func TestOriginsSinkObject(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newProbe(true), "a", "b", "c", "d", "e", "f")
}

// TestOriginsPruneFallback runs e and f with a pruning that leaves out
// functions and a variable that e's summaries need: the engine must notice
// and build e whole, so that the facts do not change.
func TestOriginsPruneFallback(t *testing.T) {
	defer dataflow.MissForTest("name", "same", "suffix")()
	analysistest.Run(t, analysistest.TestData(), newProbe(true), "e", "f")
}

// sameExits reports every function whose no-return verdict differs
// between dataflow.NoReturn and ctrlflow, which it replaces: the static
// callee of every call, and every function the package declares.
var sameExits = &analysis.Analyzer{
	Name:     "sameexits",
	Doc:      "compare NoReturn with ctrlflow",
	Requires: []*analysis.Analyzer{ctrlflow.Analyzer, dataflow.NoReturn},
	Run: func(pass *analysis.Pass) (any, error) {
		cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
		exits := pass.ResultOf[dataflow.NoReturn].(*dataflow.Exits)
		check := func(fn *types.Func, at ast.Node) {
			if a, b := cfgs.NoReturn(fn), exits.NoReturn(fn); a != b {
				pass.Reportf(at.Pos(), "%s: ctrlflow says no return %v, NoReturn %v", fn.FullName(), a, b)
			}
		}
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if fn := typeutil.StaticCallee(pass.TypesInfo, n); fn != nil {
						check(fn, n)
					}
				case *ast.FuncDecl:
					if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
						check(fn, n)
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestNoReturn checks that NoReturn agrees with ctrlflow on functions that
// exit, panic, loop, call each other, or only sometimes exit, called from
// another package as statements and for their values.
func TestNoReturn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sameExits, "exits", "exitsuse")
}

func TestUnionConcat(t *testing.T) {
	a := dataflow.Value{Consts: []string{"x"}, Finite: true}
	b := dataflow.Value{Origin: dataflow.External, Culprit: "env"}
	if got := dataflow.Concat(a, b); got.Origin != dataflow.External || got.Culprit != "env" || got.Finite {
		t.Errorf("Concat(const, external) = %v", got)
	}
	c := dataflow.Value{Consts: []string{"y"}, Finite: true}
	if got := dataflow.Union(a, c); !reflect.DeepEqual(got.Consts, []string{"x", "y"}) || !got.Finite {
		t.Errorf("Union(x, y) = %v", got)
	}
	if got := dataflow.Concat(a, c); !reflect.DeepEqual(got.Consts, []string{"xy"}) {
		t.Errorf("Concat(x, y) = %v", got)
	}
	p := dataflow.Value{Params: []int{1}, Param: 2, ParamPath: "name"}
	sub := dataflow.Subst(dataflow.Concat(a, p), []dataflow.Value{{}, b})
	if sub.Origin != dataflow.External || sub.DependsOnParams() {
		t.Errorf("Subst = %v", sub)
	}
	spread := dataflow.Value{Listed: true, Elems: []dataflow.Value{a, {Params: []int{0}, Param: 1, Spread: true}}}
	list := dataflow.Value{Listed: true, Elems: []dataflow.Value{c, b}}
	got := dataflow.Subst(spread, []dataflow.Value{list})
	if len(got.Elems) != 3 || got.Elems[2].Origin != dataflow.External {
		t.Errorf("Subst(spread) = %v", got)
	}
}

// TestLead checks the constant text values start with: kept by
// concatenation after a constant, by a parameter's substitution and by
// summary facts, cut to the common part by Union, and dropped by Flatten,
// whose result is made of parts of the value.
func TestLead(t *testing.T) {
	opt := dataflow.Value{Consts: []string{"--branch="}, Finite: true}
	env := dataflow.Value{Origin: dataflow.External, Culprit: "env"}
	glued := dataflow.Concat(opt, env)
	if got := glued.Lead(); got != "--branch=" {
		t.Errorf("Lead(const + external) = %q", got)
	}
	if got := dataflow.Concat(glued, opt).Lead(); got != "--branch=" {
		t.Errorf("Lead(const + external + const) = %q", got)
	}
	if got := dataflow.Concat(env, opt).Lead(); got != "" {
		t.Errorf("Lead(external + const) = %q", got)
	}
	tag := dataflow.Concat(dataflow.Value{Consts: []string{"--tag="}, Finite: true}, env)
	if got := dataflow.Union(glued, tag).Lead(); got != "--" {
		t.Errorf("Lead(Union) = %q", got)
	}
	if got := dataflow.Union(dataflow.Value{Finite: true}, glued).Lead(); got != "--branch=" {
		t.Errorf("Lead(Union with the empty set) = %q", got)
	}
	if got := glued.Flatten().Lead(); got != "" {
		t.Errorf("Lead(Flatten) = %q", got)
	}
	param := dataflow.Concat(opt, dataflow.Value{Params: []int{0}, Param: 1})
	if got := dataflow.Subst(param, []dataflow.Value{env}).Lead(); got != "--branch=" {
		t.Errorf("Lead(Subst) = %q", got)
	}

	back := roundTrip(t, dataflow.Summary{Results: []dataflow.Value{param}})
	if got := back.Results[0].Lead(); got != "--branch=" {
		t.Errorf("Lead after a fact's round trip = %q", got)
	}
}

// TestSinkUseRoundTrip checks that a sink use's checked operands travel
// in facts with its operands.
func TestSinkUseRoundTrip(t *testing.T) {
	param := dataflow.Value{Params: []int{0}, Param: 1}
	checked := dataflow.Value{Consts: []string{"x"}, Finite: true}
	back := roundTrip(t, dataflow.Summary{Sinks: []dataflow.SinkUse{{Kind: "exec", Callee: "os/exec.Command", Args: []dataflow.Value{param, param}, Checked: []dataflow.Value{checked, param}}}})
	if len(back.Sinks) != 1 || len(back.Sinks[0].Args) != 2 || len(back.Sinks[0].Checked) != 2 {
		t.Fatalf("round trip = %+v", back.Sinks)
	}
	if c, ok := back.Sinks[0].Checked[0].Const(); !ok || c != "x" {
		t.Errorf("Checked[0] = %+v, want the constant x", back.Sinks[0].Checked[0])
	}
	if !back.Sinks[0].Checked[1].DependsOnParams() {
		t.Errorf("Checked[1] = %+v, want the parameter", back.Sinks[0].Checked[1])
	}
}

// roundTrip encodes s as a fact is encoded and decodes it back.
func roundTrip(t *testing.T, s dataflow.Summary) dataflow.Summary {
	t.Helper()
	data, err := s.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	var back dataflow.Summary
	if err := back.GobDecode(data); err != nil {
		t.Fatal(err)
	}
	return back
}
