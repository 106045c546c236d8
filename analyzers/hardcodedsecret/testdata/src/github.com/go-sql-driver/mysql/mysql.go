// Package mysql is a stub of github.com/go-sql-driver/mysql.
package mysql

type Config struct{ User, Passwd, Net, Addr, DBName string }

func (c *Config) FormatDSN() string { return "" }
