// Package longchain passes a program name down chains of helpers: a
// message names a short chain whole, and of a long one the first and last
// calls and how many it leaves out between.
package longchain

import (
	"os"
	"os/exec"
)

func s0(s string) { s1(s) }
func s1(s string) { s2(s) }
func s2(s string) { s3(s) }
func s3(s string) { s4(s) }
func s4(s string) { s5(s) }
func s5(s string) { s6(s) }
func s6(s string) { exec.Command(s).Run() }

func l0(s string)  { l1(s) }
func l1(s string)  { l2(s) }
func l2(s string)  { l3(s) }
func l3(s string)  { l4(s) }
func l4(s string)  { l5(s) }
func l5(s string)  { l6(s) }
func l6(s string)  { l7(s) }
func l7(s string)  { l8(s) }
func l8(s string)  { l9(s) }
func l9(s string)  { l10(s) }
func l10(s string) { l11(s) }
func l11(s string) { l12(s) }
func l12(s string) { l13(s) }
func l13(s string) { l14(s) }
func l14(s string) { l15(s) }
func l15(s string) { l16(s) }
func l16(s string) { l17(s) }
func l17(s string) { l18(s) }
func l18(s string) { l19(s) }
func l19(s string) { l20(s) }
func l20(s string) { l21(s) }
func l21(s string) { l22(s) }
func l22(s string) { l23(s) }
func l23(s string) { l24(s) }
func l24(s string) { l25(s) }
func l25(s string) { l26(s) }
func l26(s string) { l27(s) }
func l27(s string) { l28(s) }
func l28(s string) { l29(s) }
func l29(s string) { exec.Command(s).Run() }

func run() {
	s0(os.Args[1]) // want `program name that longchain.s0 → longchain.s1 → longchain.s2 → longchain.s3 → longchain.s4 → longchain.s5 → longchain.s6 passes to exec.Command \(longchain/longchain.go:\d+\) comes from external input`
	l0(os.Args[1]) // want `program name that longchain.l0 → longchain.l1 → longchain.l2 → longchain.l3 → \(24 more\) → longchain.l28 → longchain.l29 passes to exec.Command \(longchain/longchain.go:\d+\) comes from external input`
}
