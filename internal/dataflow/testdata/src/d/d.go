// Package d calls the helpers of package c with settings some fields of
// which are external input.
package d

import (
	"flag"
	"os"

	"c"
)

var rev = flag.String("rev", "", "")

func literal() {
	c.Run(c.Config{Args: os.Args, Env: os.Environ(), Query: "SELECT 1"}) // want `via c.Run: constant\{"SELECT 1"\}$`
	c.Run(c.Config{Args: flag.Args(), Env: os.Environ()})                // want `via c.Run: constant\{""\}$`
	c.Run(c.Config{Args: os.Args, Query: os.Getenv("Q")})                // want `via c.Run: external culprit=os.Getenv\(\.\.\.\)$`
	c.Run(c.Config{Query: *rev})                                         // want `via c.Run: external culprit=flag -rev$`
}

func pointer() {
	c.RunPtr(&c.Config{Env: os.Environ(), Query: "SELECT 2"})                            // want `via c.RunPtr: constant\{"SELECT 2"\}$`
	c.RunPtr(&c.Config{Query: os.Getenv("Q")})                                           // want `via c.RunPtr: external`
	c.Table(&c.Config{Args: os.Args, Inner: c.Inner{Label: os.Getenv("L"), Table: "t"}}) // want `via c.Table: constant$`
	c.Table(&c.Config{Query: "q", Inner: c.Inner{Table: os.Getenv("T")}})                // want `via c.Table: external culprit=os.Getenv`
}

func stored() {
	var cfg c.Config
	cfg.Args = os.Args
	cfg.Query = "SELECT 3"
	c.Run(cfg)     // want `via c.Run: constant\{"SELECT 3"\}$`
	c.Forward(cfg) // want `via c.Forward → c.query: constant\{"SELECT 3"\}$`

	var bad c.Config
	bad.Query = os.Getenv("Q")
	c.Forward(bad) // want `via c.Forward → c.query: external culprit=os.Getenv`
}

func whole() {
	c.Whole(c.Config{Args: os.Args, Query: "SELECT 4"}) // want `via c.Whole: external culprit=os.Args`
}

// settings is this package's own wrapper, passing its parameter on.
func settings(cfg c.Config) {
	c.Run(cfg)
}

func wrapped() {
	settings(c.Config{Env: os.Environ(), Query: "SELECT 5"}) // want `via d.settings → c.Run: constant\{"SELECT 5"\}$`
	settings(c.Config{Query: os.Getenv("Q")})                // want `via d.settings → c.Run: external`
}
