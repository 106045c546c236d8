// Command imports imports golang.org/x/text/language v0.3.6 but calls none
// of the functions that GO-2021-0113 and GO-2022-1059 affect. Its test
// does call language.Parse.
package main

import (
	"fmt"

	"golang.org/x/text/language"
)

func main() {
	fmt.Println(language.English)
}
