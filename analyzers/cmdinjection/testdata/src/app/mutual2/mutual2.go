// Package mutual2 has two methods that reach each other through an
// interface, the one with the sink declared second: a caller of the other
// sees the sink, as in mutual1, where they are declared the other way round.
package mutual2

import (
	"net/http"
	"os/exec"
)

type Doer interface{ Do(q string, n int) }

type b struct{ d Doer }

func (x *b) Do(q string, n int) { // want Do:`sink\(exec@exec.Command`
	x.d.Do(q, n-1)
}

type a struct{ d Doer }

func (x *a) Do(q string, n int) { // want Do:`sink\(exec@exec.Command`
	if n > 0 {
		x.d.Do(q, n-1)
	}
	exec.Command("sh", "-c", q).Run()
}

type H struct {
	A *a
	B *b
}

func (h *H) ViaB(w http.ResponseWriter, r *http.Request) {
	h.B.Do("ls "+r.FormValue("d"), 1) // want `shell script run by sh -c that \(\*mutual2.b\).Do → \(\*mutual2.a\).Do passes to exec.Command \(mutual2/mutual2.go:\d+\) comes from external input`
}

func (h *H) ViaA(w http.ResponseWriter, r *http.Request) {
	h.A.Do("ls "+r.FormValue("d"), 1) // want `shell script run by sh -c that \(\*mutual2.a\).Do passes to exec.Command \(mutual2/mutual2.go:\d+\) comes from external input`
}

func (h *H) Constant(w http.ResponseWriter, r *http.Request) {
	h.B.Do("ls /tmp", 1)
}
