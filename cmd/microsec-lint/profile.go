package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfile starts a CPU profile written to path, if path is set, and
// returns the function that ends it.
func startProfile(path string) (stop func() error, err error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("-debug-cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("-debug-cpuprofile: %v", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("-debug-cpuprofile: %v", err)
		}
		return nil
	}, nil
}

// writeHeapProfile writes the live heap to path, if path is set. It is
// taken before the report is written, while the analysis results are
// still reachable, after a collection so that it shows what is kept.
func writeHeapProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	return nil
}
