// Package stub mirrors the shape of sarama's Config (v1.30.1 config.go);
// bodies are placeholders.
package sarama

import "crypto/tls"

type Config struct {
	Net struct {
		MaxOpenRequests int

		TLS struct {
			Enable bool
			Config *tls.Config
		}
	}
	ClientID string
}

func NewConfig() *Config { return &Config{} }
