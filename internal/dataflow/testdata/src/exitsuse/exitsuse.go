// Package exitsuse calls exits' functions, as statements and for their
// values, from functions and literals.
package exitsuse

import (
	"log"
	"os"

	"exits"
)

func A() {
	exits.Die("a")
}

func B() int {
	return exits.Never()
}

func C() string {
	v := exits.Must(os.Getwd())
	return v
}

func D() {
	var l exits.Logger
	l.Fatalf("d")
	l.Printf("d")
}

func E() {
	f := func() {
		exits.Fatal(nil)
		log.Panic("e")
	}
	f()
	exits.Ping(1)
}

var F = func() int {
	exits.Loop()
	exits.Spin()
	exits.Maybe(true)
	return exits.Generic(2)
}

func G() {
	exits.Handler()
	exits.Generic("g")
	os.Exit(exits.Never())
}
