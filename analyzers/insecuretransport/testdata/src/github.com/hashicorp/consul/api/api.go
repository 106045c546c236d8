// Package stub mirrors the consul API client's shape; bodies are placeholders.
package api

type TLSConfig struct {
	Address            string
	CAFile             string
	InsecureSkipVerify bool
}

type Config struct {
	Address   string
	Scheme    string
	TLSConfig TLSConfig
}

func DefaultConfig() *Config { return &Config{} }
