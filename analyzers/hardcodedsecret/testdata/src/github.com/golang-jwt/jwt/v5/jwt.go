// Package jwt is a stub of github.com/golang-jwt/jwt.
package jwt

type Claims interface{}

type MapClaims map[string]any

type SigningMethod interface {
	Sign(signingString string, key any) (string, error)
}

type SigningMethodHMAC struct{ Name string }

func (m *SigningMethodHMAC) Sign(signingString string, key any) (string, error) { return "", nil }

var SigningMethodHS256 *SigningMethodHMAC

type Token struct {
	Method SigningMethod
	Claims Claims
}

type Keyfunc func(*Token) (any, error)

func NewWithClaims(method SigningMethod, claims Claims) *Token  { return nil }
func (t *Token) SignedString(key any) (string, error)           { return "", nil }
func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}
