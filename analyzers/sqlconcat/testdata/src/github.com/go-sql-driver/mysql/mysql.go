// Package mysql is a stub of github.com/go-sql-driver/mysql.
package mysql
