package queries

import (
	"os"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
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

// gorm's Select keeps names, from a []string or after a first string,
// that name no field of the model as raw columns (gorm v1.25.12
// chainable_api.go:112-170, callbacks/query.go:58-65); after a string
// with ? or @ and arguments, the arguments are values. Distinct passes
// its arguments on to Select (chainable_api.go:94-100).
func gormSelect(db *gorm.DB, fields []string) {
	sort := os.Getenv("SORT")
	var u []user
	db.Select([]string{"name", sort}).Find(&u) // want `\(\*gorm.DB\).Select is built from external input`
	db.Select([]string{"name", "email"}).Find(&u)
	db.Select(strings.Split(os.Getenv("COLS"), ",")).Find(&u) // want `\(\*gorm.DB\).Select is built from external input`
	db.Select(fields).Find(&u)
	db.Select(strings.Split("name,email", ",")).Find(&u)
	db.Select("name", sort).Find(&u)                           // want `\(\*gorm.DB\).Select is built from external input`
	db.Select("name", "email", []string{"age", sort}).Find(&u) // want `\(\*gorm.DB\).Select is built from external input`
	db.Select("name", "email", []string{"age"}).Find(&u)
	db.Select("COALESCE(name, ?)", sort).Find(&u)
	db.Select("name = @n", sort).Find(&u)
	db.Select("name", sort, 1).Find(&u)
	db.Distinct("name", sort).Find(&u) // want `\(\*gorm.DB\).Distinct is built from external input`
	db.Distinct(sort).Find(&u)         // want `\(\*gorm.DB\).Distinct is built from external input`
	db.Distinct("name", "email").Find(&u)
	db.Distinct("COALESCE(name, ?)", sort).Find(&u)
	db.Distinct().Find(&u)
}

func gormSelectCallers(db *gorm.DB) {
	gormSelect(db, []string{os.Getenv("COL")}) // want `query text that queries.gormSelect passes to \(\*gorm.DB\).Select .*is built from external input`
	gormSelect(db, []string{"name"})
}

// A column Order is given with Raw set is written as it is (gorm
// v1.25.12 chainable_api.go:318-322, statement.go:100 and 128); without
// Raw its name is quoted.
func gormRawColumn(db *gorm.DB) {
	sort := os.Getenv("SORT")
	var u []user
	db.Order(clause.OrderByColumn{Column: clause.Column{Name: sort, Raw: true}}).Find(&u) // want `\(\*gorm.DB\).Order is built from external input`
	db.Order(clause.OrderByColumn{Column: clause.Column{Name: sort}, Desc: true}).Find(&u)
	db.Order(clause.OrderByColumn{Column: clause.Column{Name: "name DESC", Raw: true}}).Find(&u)
}

// Table writes a name with a space or a backquote, or given arguments,
// as it is (gorm v1.25.12 chainable_api.go:64-72); Pluck writes a column
// that is not one plain name as it is (finisher_api.go:565-568).
func gormTablePluck(db *gorm.DB) {
	name := os.Getenv("N")
	var names []string
	db.Table("users_" + name).Find(&names) // want `\(\*gorm.DB\).Table is built from external input`
	db.Table("users").Find(&names)
	db.Table("users u").Find(&names)
	db.Model(&user{}).Pluck("COALESCE("+name+", '')", &names) // want `\(\*gorm.DB\).Pluck is built from external input`
	db.Model(&user{}).Pluck("name", &names)
}
