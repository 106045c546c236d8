// Package gorm is a stub of gorm.io/gorm.
package gorm

import "gorm.io/gorm/clause"

type DB struct{ Error error }

// Transaction runs fc in a transaction, later than the call that makes fc.
func (db *DB) Transaction(fc func(tx *DB) error) error { return fc(db) }

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

func (db *DB) First(dest interface{}, conds ...interface{}) *DB         { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) *DB          { return db }
func (db *DB) Last(dest interface{}, conds ...interface{}) *DB          { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB       { return db }
func (db *DB) FirstOrInit(dest interface{}, conds ...interface{}) *DB   { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) *DB { return db }

// Expr stands for gorm.Expr, which returns a clause.Expr.
type Expression struct{}

func Expr(expr string, args ...interface{}) Expression { return Expression{} }

func (db *DB) Model(value interface{}) *DB                 { return db }
func (db *DB) Count(count *int64) *DB                      { return db }
func (db *DB) Update(column string, value interface{}) *DB { return db }

func (db *DB) Clauses(conds ...clause.Expression) *DB { return db }

func (db *DB) InnerJoins(query string, args ...interface{}) *DB { return db }
func (db *DB) Preload(query string, args ...interface{}) *DB    { return db }
func (db *DB) Distinct(args ...interface{}) *DB                 { return db }
func (db *DB) Pluck(column string, dest interface{}) *DB        { return db }
