package driver

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// testOnlyWhy completes "package P has only test files".
const testOnlyWhy = "-tests=false leaves nothing to analyse"

// checkTestOnly tells the user about the root packages that have only
// test files when tests are left out: go list matches them, without an
// error, and they would be analysed as empty, without a word. When they
// are all the packages there are, nothing is analysed and the error says
// why, as when no package matches; else warn, when set, is told in one
// line.
func checkTestOnly(pkgs []*packages.Package, patterns []string, warn func(string)) error {
	paths := testOnly(pkgs)
	if len(paths) == 0 {
		return nil
	}
	if len(paths) == len(pkgs) {
		return fmt.Errorf("nothing to analyse in %s: %s", strings.Join(patterns, " "), testOnlyLine(paths))
	}
	if warn != nil {
		warn(testOnlyLine(paths))
	}
	return nil
}

// testOnly returns the import paths of the packages of pkgs that have no
// file to analyse, no error, and test files in their directory.
func testOnly(pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		if len(p.GoFiles)+len(p.CompiledGoFiles) > 0 || len(p.Errors) > 0 || p.Dir == "" {
			continue
		}
		if tests, _ := filepath.Glob(filepath.Join(p.Dir, "*_test.go")); len(tests) > 0 {
			out = append(out, p.PkgPath)
		}
	}
	return out
}

// testOnlyLine says that the packages of paths have only test files,
// naming at most three of them.
func testOnlyLine(paths []string) string {
	if len(paths) == 1 {
		return "package " + paths[0] + " has only test files; " + testOnlyWhy
	}
	const most = 3
	names := strings.Join(paths[:len(paths)-1], ", ") + " and " + paths[len(paths)-1]
	if len(paths) > most {
		names = strings.Join(paths[:most], ", ") + fmt.Sprintf(" and %d more", len(paths)-most)
	}
	return "packages " + names + " have only test files; " + testOnlyWhy + " in them"
}
