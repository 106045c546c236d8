package queries

import (
	"os"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

type invoice struct{ ID int }

// TableName names invoice's table, as gorm asks every model.
func (invoice) TableName() string { return "invoices" } // want TableName:`results\(constant\{"invoices"\}\)`

type refund struct{ ID int }

// TableName names refund's table with gorm's naming strategy.
func (refund) TableName(schema.Namer) string { return "refunds" } // want TableName:`results\(constant\{"refunds"\}\)`

// tableNamer looks like schema.Tabler but is the package's own.
type tableNamer interface{ TableName() string }

// gormTabler passes a model's own TableName to Table: gorm's convention,
// which gorm follows itself for every model, and no implementation here
// returns anything but constant text.
func gormTabler(db *gorm.DB, m schema.Tabler, w schema.TablerWithNamer, n schema.Namer, o tableNamer) {
	var c int64
	db.Table(m.TableName()).Count(&c)
	db.Table(w.TableName(n)).Count(&c)
	db.Table(m.TableName() + " AS t").Count(&c)
	db.Table(m.TableName() + "_" + os.Getenv("T")).Count(&c) // want `\(\*gorm.DB\).Table is built from external input \(os.Getenv\(...\)\)`
	db.Table(o.TableName()).Count(&c)                        // want `\(\*gorm.DB\).Table is built from non-constant text \(\(queries.tableNamer\).TableName\(...\)\)`
	db.Table(n.TableName("x")).Count(&c)                     // want `\(\*gorm.DB\).Table is built from non-constant text \(\(schema.Namer\).TableName\(...\)\)`
	db.Exec("DELETE FROM " + m.TableName())
}

// tablerRepo is a generic repository of models that name their tables.
type tablerRepo[T schema.Tabler] struct{ db *gorm.DB }

func (r *tablerRepo[T]) count() int64 {
	var t T
	var c int64
	r.db.Table(t.TableName()).Count(&c)
	return c
}

func useTablerRepo(db *gorm.DB) {
	r := &tablerRepo[invoice]{db}
	r.count()
	gormTabler(db, invoice{}, refund{}, nil, invoice{})
}
