// Package c holds helpers that take a struct of settings of which only one
// field reaches a sink: callers must be judged by that field alone.
package c

import (
	"fmt"

	"sink"
)

// Inner is a nested group of settings.
type Inner struct {
	Label string
	Table string
}

// Config mixes settings that reach the sink with settings that do not.
type Config struct {
	Args  []string
	Env   []string
	Query string
	Inner Inner
}

// Run queries cfg.Query, passed by value.
func Run(cfg Config) { // want Run:`sink\(query@sink.Query:constant=p0\.2\)`
	sink.Query(cfg.Query)
}

// RunPtr queries cfg.Query, passed by address.
func RunPtr(cfg *Config) { // want RunPtr:`sink\(query@sink.Query:constant=p0\.2\)`
	sink.Query(cfg.Query)
}

// Table reads a field two levels down.
func Table(cfg *Config) { // want Table:`sink\(query@sink.Query:constant\+p0\.3\.1\)`
	sink.Query("SELECT * FROM " + cfg.Inner.Table)
}

// Forward hands the whole struct to a helper, which takes its address.
func Forward(cfg Config) { // want Forward:`sink\(query@sink.Query:constant=p0\.2\)`
	query(&cfg)
}

func query(cfg *Config) {
	sink.Query(cfg.Query)
}

// Whole uses the struct as a whole: every field counts.
func Whole(cfg Config) { // want Whole:`sink\(query@sink.Query:constant\+p0\)`
	sink.Query(fmt.Sprint(cfg))
}
