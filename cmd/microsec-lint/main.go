// Command microsec-lint finds security faults in Go microservices built on
// go-micro: plaintext transports, unauthenticated handlers, unsigned broker
// messages, SQL and shell injection, hard-coded secrets and reachable
// vulnerabilities.
//
// Usage:
//
//	microsec-lint [flags] [packages]
//	microsec-lint lsp [flags]
//
// Packages are go list patterns and default to ./... . Run
// "microsec-lint -h" for the flags and "microsec-lint -list-rules" for the
// rules.
//
// # Exit codes
//
// These are the only exit codes the command uses:
//
//	0  no findings, or only notes (findings at level note)
//	1  analysis failed: packages could not be loaded or type-checked, an
//	   analyzer failed, or the output could not be written; every finding
//	   from the packages that could be analysed is still printed
//	2  usage error, told before any analysis: unknown flag, format or rule
//	   name, or a file named by a flag that cannot be read or written
//	3  findings at level error or warning were reported (and nothing
//	   failed)
//	129, 130, 143
//	   interrupted by SIGHUP (129), SIGINT (130) or SIGTERM (143): the go
//	   commands the run started are stopped, and an output file it
//	   created is removed
//
// The lsp subcommand serves the findings to an editor as a language server
// on standard input and output; see docs/editors.md.
//
// # go vet
//
// The same binary serves as a vet tool, through the unitchecker protocol:
//
//	go vet -vettool=$(command -v microsec-lint) ./...
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
