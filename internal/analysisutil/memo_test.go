package analysisutil

import (
	"go/types"
	"testing"
)

// TestPackageMemo checks that an answer is kept per package, and that the
// first one stored stays.
func TestPackageMemo(t *testing.T) {
	var pm PackageMemo[int]
	a, b := types.NewPackage("example.com/a", "a"), types.NewPackage("example.com/a", "a")
	if _, ok := pm.Load(a); ok {
		t.Fatal("answer for a package never stored")
	}
	if got := pm.Store(a, 1); got != 1 {
		t.Errorf("first Store = %d, want 1", got)
	}
	if got := pm.Store(a, 2); got != 1 {
		t.Errorf("second Store = %d, want the first answer, 1", got)
	}
	if v, ok := pm.Load(a); !ok || v != 1 {
		t.Errorf("Load(a) = %d, %t; want 1, true", v, ok)
	}
	if _, ok := pm.Load(b); ok {
		t.Error("another package of the same path has a's answer")
	}
}
