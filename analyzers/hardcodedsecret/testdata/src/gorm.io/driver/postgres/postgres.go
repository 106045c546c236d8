// Package postgres is a stub of gorm.io/driver/postgres.
package postgres

import "gorm.io/gorm"

func Open(dsn string) gorm.Dialector { return nil }
