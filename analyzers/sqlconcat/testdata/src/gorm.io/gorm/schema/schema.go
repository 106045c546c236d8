// Package schema is a stub of gorm.io/gorm/schema.
package schema

// Tabler is a model that names its own table.
type Tabler interface {
	TableName() string
}

// Namer names tables and columns.
type Namer interface {
	TableName(table string) string
	ColumnName(table, column string) string
}

// TablerWithNamer is a model that names its table with the naming strategy.
type TablerWithNamer interface {
	TableName(Namer) string
}
