// Package mysql is a stub of gorm.io/driver/mysql.
package mysql

import "gorm.io/gorm"

func Open(dsn string) gorm.Dialector { return nil }
