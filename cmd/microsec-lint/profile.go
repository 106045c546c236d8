package main

import (
	"fmt"
	"runtime"
	"runtime/pprof"
)

// startProfile starts a CPU profile written to out, if out is set, and
// returns the function that ends it. out was opened before the analysis,
// so that a path that cannot be written is a usage error.
func startProfile(out *outputFile) (stop func() error, err error) {
	if out == nil {
		return func() error { return nil }, nil
	}
	f, err := out.start()
	if err != nil {
		return nil, fmt.Errorf("-debug-cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		out.close()
		return nil, fmt.Errorf("-debug-cpuprofile: %v", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := out.close(); err != nil {
			return fmt.Errorf("-debug-cpuprofile: %v", err)
		}
		return nil
	}, nil
}

// writeHeapProfile writes the live heap to out, if out is set. It is
// taken before the report is written, while the analysis results are
// still reachable, after a collection so that it shows what is kept.
func writeHeapProfile(out *outputFile) error {
	if out == nil {
		return nil
	}
	f, err := out.start()
	if err != nil {
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		out.close()
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	if err := out.close(); err != nil {
		return fmt.Errorf("-debug-memprofile: %v", err)
	}
	return nil
}
