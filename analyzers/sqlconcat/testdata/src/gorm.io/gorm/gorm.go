// Package gorm is a stub of gorm.io/gorm.
package gorm

type DB struct{}

func (db *DB) Raw(sql string, values ...interface{}) *DB         { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB        { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB  { return db }
func (db *DB) Or(query interface{}, args ...interface{}) *DB     { return db }
func (db *DB) Not(query interface{}, args ...interface{}) *DB    { return db }
func (db *DB) Having(query interface{}, args ...interface{}) *DB { return db }
func (db *DB) Order(value interface{}) *DB                       { return db }
func (db *DB) Group(name string) *DB                             { return db }
func (db *DB) Joins(query string, args ...interface{}) *DB       { return db }
func (db *DB) Select(query interface{}, args ...interface{}) *DB { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB   { return db }
func (db *DB) Table(name string, args ...interface{}) *DB        { return db }
