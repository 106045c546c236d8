package queries

import (
	"os"

	"gorm.io/gorm"
)

type order struct{ ID int }

// gorm methods whose string is SQL when it names no association
// (gorm v1.25.12 chainable_api.go:254, joins; callbacks/query.go builds
// a join of an unknown name from clause.NamedExpr{SQL: name}), and
// Preload's first condition, which callbacks/preload.go:286 passes to
// Find as an inline condition.
func gormRaw(db *gorm.DB) {
	name := os.Getenv("N")
	var u []user
	db.InnerJoins("JOIN o ON o.uid = users.id AND o.n = '" + name + "'").Find(&u) // want `\(\*gorm.DB\).InnerJoins is built from external input`
	db.InnerJoins("JOIN o ON o.uid = users.id AND o.n = ?", name).Find(&u)
	db.InnerJoins("Orders").Find(&u)
	db.Preload("Orders", "state = '"+name+"'").Find(&u) // want `\(\*gorm.DB\).Preload is built from external input`
	db.Preload("Orders", "state = ?", name).Find(&u)
	db.Preload("Orders").Find(&u)
	db.Preload("Orders", func(tx *gorm.DB) *gorm.DB { return tx.Where("state = ?", name) }).Find(&u)
}
