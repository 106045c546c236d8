// Package nats is a stub of github.com/nats-io/nats.go.
package nats

type Options struct {
	Url      string
	Servers  []string
	User     string
	Password string
	Token    string
	Nkey     string
}

type Option func(*Options) error

type Conn struct{}

func Connect(url string, options ...Option) (*Conn, error) { return nil, nil }
func UserInfo(user, password string) Option                { return nil }
func Token(token string) Option                            { return nil }
func Name(name string) Option                              { return nil }
