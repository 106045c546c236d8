// Package tenants names a table from data: schema.Tabler's result is not
// taken for constant text where an implementation in sight returns other.
package tenants

import (
	"os"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

type event struct{}

// TableName names the table of the current tenant.
func (event) TableName() string { return "events_" + os.Getenv("TENANT") }

func count(db *gorm.DB, m schema.Tabler) int64 {
	var c int64
	db.Table(m.TableName()).Count(&c) // want `\(\*gorm.DB\).Table is built from external input \(os.Getenv\(...\)\)`
	return c
}

func use(db *gorm.DB) { count(db, event{}) }
