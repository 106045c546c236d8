package queries

import (
	"os"

	"gorm.io/gorm"
)

type user struct{ ID int }

// gorm's inline conditions: a string first condition is SQL.
func gormInline(db *gorm.DB) {
	email := os.Getenv("EMAIL")
	var u user
	db.First(&u, "email = '"+email+"'")  // want `query text passed to \(\*gorm.DB\).First is built from external input`
	db.Find(&u, "email = '"+email+"'")   // want `\(\*gorm.DB\).Find`
	db.Delete(&u, "email = '"+email+"'") // want `\(\*gorm.DB\).Delete`
	db.Take(&u, email)                   // want `\(\*gorm.DB\).Take`
	db.First(&u, "email = ?", email)
	db.First(&u, 10)
	db.First(&u)
	db.Model(&u).Update("score", gorm.Expr("score + "+os.Getenv("DELTA"))) // want `query text passed to gorm.Expr is built from external input`
	db.Model(&u).Update("score", gorm.Expr("score + ?", 1))
}
