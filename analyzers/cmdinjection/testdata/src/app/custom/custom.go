package custom

import "os"

// Spawn starts a program; it is a sink only when named with -sinks.
func Spawn(prog string, args ...string) {}

// Quote is a sanitizer only when named with -sanitizers.
func Quote(s string) string { return "'" + s + "'" } // want Quote:`results\(constant\+p0\)`

func use() {
	Spawn("sh", "-c", "echo "+os.Getenv("X")) // want `shell script run by sh -c passed to custom.Spawn comes from external input`
	Spawn("sh", "-c", "echo "+Quote(os.Getenv("X")))
	Spawn("sh", "-c", "echo hi")
}
