// Package jwt is a stub of github.com/golang-jwt/jwt.
package jwt

type Claims interface{}

type MapClaims map[string]any

type Token struct{ Claims Claims }

type Keyfunc func(*Token) (any, error)

type Parser struct{}

func NewParser() *Parser { return &Parser{} }

// Parse verifies the token's signature.
func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

// ParseUnverified only decodes the token.
func (p *Parser) ParseUnverified(tokenString string, claims Claims) (*Token, []string, error) {
	return nil, nil, nil
}
