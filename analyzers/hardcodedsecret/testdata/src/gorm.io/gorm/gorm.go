// Package gorm is a stub of gorm.io/gorm.
package gorm

type Dialector interface{ Name() string }

type Config struct{}

type DB struct{}

func Open(dialector Dialector, opts ...*Config) (*DB, error) { return nil, nil }
