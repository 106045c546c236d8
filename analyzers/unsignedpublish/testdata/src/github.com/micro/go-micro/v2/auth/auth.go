// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package auth

type Account struct {
	ID     string
	Scopes []string
}

type Resource struct{ Name, Type, Endpoint string }

type Rule struct{ ID string }

type Options struct{}

type Option func(*Options)

type VerifyOptions struct{}

type VerifyOption func(*VerifyOptions)

type Auth interface {
	Inspect(token string) (*Account, error)
	Verify(acc *Account, res *Resource, opts ...VerifyOption) error
	String() string
}

type Rules interface {
	Verify(acc *Account, res *Resource, opts ...VerifyOption) error
}

type noop struct{}

func (noop) Inspect(token string) (*Account, error)                         { return &Account{}, nil }
func (noop) Verify(acc *Account, res *Resource, opts ...VerifyOption) error { return nil }
func (noop) String() string                                                 { return "noop" }

func NewAuth(opts ...Option) Auth { return noop{} }

var DefaultAuth = NewAuth()

func Verify(rules []*Rule, acc *Account, res *Resource) error { return nil }
