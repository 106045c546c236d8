package elide

import (
	"fmt"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	more := func(n int) string { return fmt.Sprintf("(%d more)", n) }
	for _, tc := range []struct {
		items      string
		head, tail int
		want       string
	}{
		{"", 3, 0, ""},
		{"a b c", 3, 0, "a b c"},
		{"a b c d", 3, 0, "a b c d"}, // not "a b c (1 more)"
		{"a b c d e", 3, 0, "a b c (2 more)"},
		{"a b c d e f g", 4, 2, "a b c d e f g"},
		{"a b c d e f g h", 4, 2, "a b c d (2 more) g h"},
		{"a b c d e f g h i j", 1, 1, "a (8 more) j"},
	} {
		got := strings.Join(List(strings.Fields(tc.items), tc.head, tc.tail, more), " ")
		if got != tc.want {
			t.Errorf("List(%q, %d, %d) = %q, want %q", tc.items, tc.head, tc.tail, got, tc.want)
		}
	}
}
