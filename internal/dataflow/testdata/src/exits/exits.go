// Package exits declares functions that never return, and some that look
// as if they might not.
package exits

import (
	"errors"
	"fmt"
	"log"
	"os"
)

func Die(msg string) { fmt.Println(msg); os.Exit(1) }

func Fatal(err error) { log.Fatal(err) }

func Must(v string, err error) string {
	if err != nil {
		panic(err)
	}
	return v
}

func Never() int { panic("never") }

func Loop() {
	for {
	}
}

func Spin() {
	for {
		if os.Getenv("X") != "" {
			break
		}
	}
}

// Ping and Pong call each other and nothing else.
func Ping(n int) { Pong(n) }

func Pong(n int) { Ping(n) }

// Maybe only sometimes exits.
func Maybe(ok bool) {
	if !ok {
		Die("no")
	}
}

type Logger struct{}

func (Logger) Fatalf(format string, args ...any) { Die(fmt.Sprintf(format, args...)) }

func (*Logger) Printf(format string, args ...any) { fmt.Printf(format, args...) }

var Handler = func() { Die("handler") }

func Generic[T any](v T) T { panic(v) }

func Uses() error {
	Die("x")
	Logger{}.Fatalf("y")
	func() { log.Fatalf("z") }()
	_ = Never()
	_ = Generic(1)
	return errors.New("unreachable")
}
