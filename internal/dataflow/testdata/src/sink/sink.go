// Package sink has the sinks of the test analysis.
package sink

func Query(s string) {}

func Command(prog string, args ...string) {}
