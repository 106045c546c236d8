package analysisutil

import (
	"go/types"
	"runtime"
	"sync"
	"weak"
)

// A PackageMemo keeps one answer per package for as long as the package
// lives. The packages a run imports are shared by every unit that imports
// them, so an answer about one is worth keeping for the run; a language
// server's next run imports new packages, and the old answers go with the
// old packages. It is safe for concurrent use.
type PackageMemo[V any] struct {
	m sync.Map // weak.Pointer[types.Package] → V
}

// Load returns the answer kept for p, if any.
func (pm *PackageMemo[V]) Load(p *types.Package) (V, bool) {
	v, ok := pm.m.Load(weak.Make(p))
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// Store keeps v as the answer for p, unless another is kept already, and
// returns the one kept.
func (pm *PackageMemo[V]) Store(p *types.Package, v V) V {
	key := weak.Make(p)
	if old, loaded := pm.m.LoadOrStore(key, v); loaded {
		return old.(V)
	}
	runtime.AddCleanup(p, func(key weak.Pointer[types.Package]) { pm.m.Delete(key) }, key)
	return v
}
