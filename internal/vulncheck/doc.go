// Package vulncheck runs govulncheck in-process, through
// golang.org/x/vuln/scan, and turns what it finds into microsec-lint
// findings: one rule per OSV id, each finding located at the line of the
// user's own code that leads to the vulnerable function.
//
// It is not a go/analysis pass: govulncheck needs the whole program (SSA
// and a call graph from the main packages), so the command runs it beside
// the analyzers rather than inside them.
//
// # Analyzer vulncheck
//
// vulncheck: report known vulnerabilities that the code can reach
//
// vulncheck looks up every module the packages depend on, the standard
// library included, in the Go vulnerability database, and reports each
// vulnerability whose affected functions the code can call. The rule id of
// a finding is the advisory's OSV id (for example GO-2021-0113); the
// finding points at the first line of the call path that lies in the
// user's own modules, carries the whole path from the entry point to the
// vulnerable function, and lists the advisory's aliases (CVE and GHSA ids).
//
// Vulnerable packages that are imported but whose affected functions are
// never called, and vulnerable modules that are required but not imported,
// are reported at note level only when all findings are asked for; they
// point at the requirement in go.mod.
//
// The fix is to upgrade the module (or Go itself, for the standard
// library) to the fixed version that the message names.
//
// The database is, in order of choice:
//
//   - https://vuln.go.dev, or another URL serving the same format;
//   - file:///dir, a directory with an index or plain GO-*.json OSV files
//     (each named after its id, at the top of the directory: govulncheck
//     reads a .json file found in a subdirectory from the top);
//   - module or module@VERSION, the golang.org/x/vulndb module fetched
//     with the go command through GOPROXY, whose data/osv directory holds
//     every advisory. This works where only a Go module proxy is reachable.
//
// When the default database cannot be reached, vulncheck falls back to
// module and says so in one line.
//
// Limitations: govulncheck reports one representative call path per
// vulnerable function, so a function that is called from several lines is
// reported at one of them only. Calls are followed from main and init of
// main packages and from every exported function of the other packages
// the patterns match; calls through reflection are not seen. Go advisories
// carry no severity score, so findings have none. Cancelling a run returns
// at once but leaves the scan to finish in the background, because x/vuln
// v1.9.0 panics, beyond any recover, when cancelled while it builds its call
// graph.
package vulncheck
