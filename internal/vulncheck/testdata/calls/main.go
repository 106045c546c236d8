// Command calls reaches GO-2021-0113 through a helper: main calls tagOf,
// which calls language.Parse of golang.org/x/text v0.3.6.
package main

import (
	"fmt"
	"net/url"
	"os"

	"golang.org/x/text/language"
)

func main() {
	for _, arg := range os.Args[1:] {
		fmt.Println(tagOf(arg))
	}
	// net/url.Parse is vulnerable to GO-2026-4601 only before go1.26.1.
	u, err := url.Parse("http://[::1]:80/")
	fmt.Println(u, err)
}

func tagOf(s string) language.Tag {
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und
	}
	return tag
}
