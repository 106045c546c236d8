package gomicro

import (
	"go/ast"
	"go/types"
)

// grpc-go's import paths.
const (
	grpcPath            = "google.golang.org/grpc"
	grpcCredentialsPath = grpcPath + "/credentials"
	grpcInsecurePath    = grpcCredentialsPath + "/insecure"
)

// grpcServerTLS judges a go-micro grpc server, which gets TLS from its
// listener or from its grpc-go credentials (GOMICRO.md §3; v4 plugin
// server/grpc v1.2.0 grpc.go:114-155 and :871-879):
//
//   - the listener is the one given with Listener(l), used as is, or else
//     tls.Listen with server.TLSConfig's config, or else a plain one;
//   - the credentials are those of the *grpc.Server given with Server(srv),
//     used as is, or else AuthTLS's and the grpc.Creds among Options(...).
//
// Either one being TLS makes the server TLS.
func (m *Model) grpcServerTLS(s settings) TLSState {
	lis := TLSState{Verdict: Plaintext}
	switch {
	case s.grpcListener != nil:
		lis.Verdict = m.listenerTLS(s.grpcListener.Arg)
		lis.PlainListener = lis.Verdict == Plaintext
		lis.Config = s.grpcListener
	case s.serverConfig != nil:
		lis = TLSState{Verdict: TLSOn, Config: s.serverConfig}
	}
	creds := TLSState{Verdict: Plaintext}
	switch {
	case s.grpcServer != nil:
		creds.Verdict = m.grpcNewServerTLS(s.grpcServer.Arg)
		creds.PlainGRPCServer = creds.Verdict == Plaintext
		creds.Config = s.grpcServer
	case s.authTLS != nil:
		creds = TLSState{Verdict: TLSOn, Config: s.authTLS}
	case s.grpcOptions != nil:
		creds.Verdict = m.serverOptionsTLS(s.grpcOptions.Call)
		creds.Config = s.grpcOptions
	}
	st := lis
	if creds.Verdict > st.Verdict || st.Verdict == Plaintext && creds.Verdict == Plaintext && creds.PlainGRPCServer {
		st = creds
		// With both plain, both are named: either made TLS fixes it.
		st.PlainListener = lis.PlainListener
	}
	if st.Verdict == Plaintext {
		st.Config = nil
		if s.opaque {
			st.Verdict = Unknown
		}
	}
	return st
}

// listenerTLS says whether the net.Listener e is a TLS listener: every
// listener it may hold (see sourceCalls) is made
// by crypto/tls's Listen or NewListener with a config that is not the
// literal nil (with which Listen fails, and go-micro falls back to a plain
// listener). Listeners from package net are plain; any other is Unknown.
func (m *Model) listenerTLS(e ast.Expr) Verdict {
	return m.worstOfCalls(e, func(call *ast.CallExpr) Verdict {
		fn := funcOf(m.info, call)
		switch {
		case fn == nil:
			return Unknown
		case fn.Pkg().Path() == "crypto/tls" && (fn.Name() == "Listen" || fn.Name() == "NewListener"):
			if n := len(call.Args); n > 0 && m.IsNil(call.Args[n-1]) {
				return Plaintext
			}
			return TLSOn
		case fn.Pkg().Path() == "net":
			return Plaintext
		}
		return Unknown
	})
}

// grpcNewServerTLS says whether the *grpc.Server e is made by
// grpc.NewServer with TLS credentials, whichever server it may hold.
func (m *Model) grpcNewServerTLS(e ast.Expr) Verdict {
	return m.worstOfCalls(e, func(call *ast.CallExpr) Verdict {
		if fn := funcOf(m.info, call); fn != nil && fn.Pkg().Path() == grpcPath && fn.Name() == "NewServer" {
			return m.serverOptionsTLS(call)
		}
		return Unknown
	})
}

// serverOptionsTLS says whether the grpc-go server options passed to call
// (grpc.NewServer or go-micro's Options) hold TLS credentials: a
// grpc.Creds with TLS credentials makes TLSOn, other options of grpc-go
// nothing, options the model cannot see Unknown.
func (m *Model) serverOptionsTLS(call *ast.CallExpr) Verdict {
	var opts []Option
	for i, a := range call.Args {
		opts = append(opts, m.OptionsOf(a, i == len(call.Args)-1 && call.Ellipsis.IsValid())...)
	}
	best := Plaintext
	for _, o := range opts {
		v := m.bestOfCalls(o.Expr, func(call *ast.CallExpr) Verdict {
			fn := funcOf(m.info, call)
			switch {
			case fn == nil || fn.Pkg().Path() != grpcPath:
				return Unknown
			case fn.Name() == "Creds" && len(call.Args) == 1:
				return m.credentialsTLS(call.Args[0])
			}
			return Plaintext
		})
		best = max(best, v)
	}
	return best
}

// credentialsTLS says whether the grpc-go credentials e are TLS ones,
// whichever it may hold: credentials.NewTLS, NewServerTLSFromFile or NewServerTLSFromCert make
// TLSOn (with a config without certificates handshakes fail, but nothing
// is served in plaintext), insecure.NewCredentials Plaintext, anything
// else Unknown.
func (m *Model) credentialsTLS(e ast.Expr) Verdict {
	return m.worstOfCalls(e, func(call *ast.CallExpr) Verdict {
		fn := funcOf(m.info, call)
		switch {
		case fn == nil:
			return Unknown
		case fn.Pkg().Path() == grpcCredentialsPath:
			switch fn.Name() {
			case "NewTLS", "NewServerTLSFromFile", "NewServerTLSFromCert":
				return TLSOn
			}
		case fn.Pkg().Path() == grpcInsecurePath && fn.Name() == "NewCredentials":
			return Plaintext
		}
		return Unknown
	})
}

// bestOfCalls judges each call e may come from with judge and returns the
// best verdict, as join does for components: Unknown when e may also come
// from somewhere the model cannot see, or from no call at all.
func (m *Model) bestOfCalls(e ast.Expr, judge func(*ast.CallExpr) Verdict) Verdict {
	calls, opaque := m.sourceCalls(e, 0, map[*types.Var]bool{})
	if opaque || len(calls) == 0 {
		return Unknown
	}
	best := Plaintext
	for _, call := range calls {
		best = max(best, judge(call))
	}
	return best
}

// worstOfCalls judges each call e may come from with judge and returns the
// worst verdict: a value is TLS only if every value it may hold is. It is
// Unknown when e comes from no call the model sees.
func (m *Model) worstOfCalls(e ast.Expr, judge func(*ast.CallExpr) Verdict) Verdict {
	calls, _ := m.sourceCalls(e, 0, map[*types.Var]bool{})
	if len(calls) == 0 {
		return Unknown
	}
	worst := Unknown
	for _, call := range calls {
		worst = min(worst, judge(call))
	}
	return worst
}

// sourceCalls returns the calls the value of e may come from: e itself,
// the calls assigned to the variable e names (the first value of a
// multi-value call too: l, err := tls.Listen(...); of the assignments of
// one block, only the last before e unless e is in a function literal,
// see reaching), and what helper functions of the package return. opaque is set when e may also come
// from elsewhere: a parameter, a variable set out of sight. A variable's
// zero value is ignored (var l net.Listener before l, err = ...).
func (m *Model) sourceCalls(e ast.Expr, depth int, seen map[*types.Var]bool) (calls []*ast.CallExpr, opaque bool) {
	if depth > maxDepth {
		return nil, true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		decl := m.localFunc(e)
		if decl == nil {
			return []*ast.CallExpr{e}, false
		}
		for _, res := range m.returnedValues(decl) {
			c, o := m.sourceCalls(res, depth+1, seen)
			calls, opaque = append(calls, c...), opaque || o
		}
		return calls, opaque
	case *ast.Ident, *ast.SelectorExpr:
		v := m.varOf(e)
		if v == nil || len(m.assigns[v]) == 0 {
			return nil, true
		}
		if seen[v] {
			return nil, false
		}
		seen[v] = true
		defer delete(seen, v)
		for _, a := range m.reaching(v, e.Pos()) {
			var src ast.Expr
			switch {
			case a.first != nil:
				src = a.first
			case a.rhs != nil:
				src = a.rhs
			case a.unknown:
				opaque = true
				continue
			default:
				continue
			}
			c, o := m.sourceCalls(src, depth+1, seen)
			calls, opaque = append(calls, c...), opaque || o
		}
		return calls, opaque
	}
	return nil, true
}

// funcOf returns the package-level function or method call calls, or nil.
func funcOf(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return fn
}
