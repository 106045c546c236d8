// Package b holds helpers whose summaries reach package a as facts.
package b

import (
	"fmt"
	"strconv"

	"sink"
)

func Build(col string) string { // want Build:`results\(constant\+p0\)`
	return "SELECT " + col + " FROM t"
}

func Count(n int) string { // want Count:`results\(integer-only\)`
	return "LIMIT " + strconv.Itoa(n)
}

func Run(q string) { // want Run:`sink\(query@sink.Query:constant=p0\)`
	sink.Query(q)
}

func RunFormatted(table string, id int) { // want RunFormatted:`sink\(query@sink.Query:integer-only\+p0\)`
	sink.Query(fmt.Sprintf("SELECT * FROM %s WHERE id = %d", table, id))
}

var Table = "users" // want Table:`results\(constant\{"users"\}\)`

type Store struct{ Name string }

func (s *Store) Find(name string) { // want Find:`sink\(query@sink.Query:constant\+p1\)`
	sink.Query("SELECT * FROM t WHERE name = '" + name + "'")
}

// Later returns a function that runs the query it is given, when called:
// the literal's sink depends on Later's parameter.
func Later(q string) func() { // want Later:`sink\(query@sink.Query:constant=p0\)`
	return func() { sink.Query(q) }
}
