// Command synth writes a Go module of N copies of one go-micro v4 service
// package, for measuring how the cost of an analysis grows with the number
// of packages:
//
//	go run ./bench/cmd/synth -n 100 -o /tmp/synth100
//
// The copies differ only in names and literals, so every package is
// type-checked and analysed on its own while the work per package stays
// the same. The module requires go-micro.dev/v4 v4.10.2; its go.sum is
// written too, so that the go command needs only the module cache or the
// module proxy to build it.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

//go:embed service.go.tmpl
var serviceTemplate string

// template.mod and template.sum are what go mod tidy wrote for the
// module with one copy; more copies import nothing else.
var (
	//go:embed template.mod
	goMod []byte
	//go:embed template.sum
	goSum []byte
)

func main() {
	n := flag.Int("n", 10, "number of service packages")
	out := flag.String("o", "", "`directory` to write the module into (must not exist)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: synth -n N -o DIR")
		os.Exit(2)
	}
	if err := write(*out, *n); err != nil {
		fmt.Fprintf(os.Stderr, "synth: %v\n", err)
		os.Exit(1)
	}
}

func write(dir string, n int) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists", dir)
	}
	tmpl, err := template.New("service").Parse(serviceTemplate)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), goMod, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), goSum, 0o644); err != nil {
		return err
	}
	width := len(fmt.Sprint(n))
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("svc%0*d", width, i)
		pkg := filepath.Join(dir, "services", name)
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(pkg, name+".go"))
		if err != nil {
			return err
		}
		err = tmpl.Execute(f, struct {
			Name  string
			Index int
			Token string
		}{name, i, token(i)})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// token makes a distinct, GitHub-token-shaped literal (36 characters) per
// copy, so that secret detectors see a plausible credential in each.
func token(i int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 36)
	x := uint64(i)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	for j := range b {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b[j] = alphabet[x%uint64(len(alphabet))]
	}
	return string(b)
}
