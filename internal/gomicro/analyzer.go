package gomicro

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// SyntaxAnalyzer lets the rules that model a package's go-micro components
// share one walk of its files. Its result, a *LazySyntax, walks them when
// a rule first asks, so that a package no rule models (one that does not
// use go-micro) is not walked at all.
var SyntaxAnalyzer = &analysis.Analyzer{
	Name:       "gomicrosyntax",
	Doc:        "walk a package's files once for the go-micro models of several rules",
	Run:        func(pass *analysis.Pass) (any, error) { return &LazySyntax{pass: pass}, nil },
	ResultType: reflect.TypeFor[*LazySyntax](),
}

// LazySyntax is SyntaxAnalyzer's result.
type LazySyntax struct {
	once sync.Once
	pass *analysis.Pass
	s    *Syntax
}

// Get returns the Syntax of the pass's package, walking its files on the
// first call. Rules that run at the same time may call it.
func (l *LazySyntax) Get() *Syntax {
	l.once.Do(func() {
		l.s = NewSyntax(l.pass.Fset, l.pass.Pkg, l.pass.TypesInfo, l.pass.Files)
		l.pass = nil
	})
	return l.s
}

// ModelOf makes the model of the pass's package from the walk its rules
// share; pass's analyzer must require SyntaxAnalyzer. ext resolves option
// helpers of other packages (nil for none).
func ModelOf(pass *analysis.Pass, ext External) *Model {
	return pass.ResultOf[SyntaxAnalyzer].(*LazySyntax).Get().Model(ext)
}
