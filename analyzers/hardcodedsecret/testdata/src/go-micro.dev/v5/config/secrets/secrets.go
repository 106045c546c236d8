// Package secrets is a stub of go-micro.dev/v5/config/secrets.
package secrets

type Option func(*Options)

type Options struct{ Key, PublicKey, PrivateKey []byte }

func Key(k []byte) Option          { return nil }
func PublicKey(key []byte) Option  { return nil }
func PrivateKey(key []byte) Option { return nil }
