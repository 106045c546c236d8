// Package elide shortens the lists that messages name, so that a message
// stays one line a reader takes in however long the list: it keeps the
// first and last few items and counts the ones between.
package elide

// List returns items when there are at most head+tail+1 of them, and
// otherwise their first head, more(n) in place of the n items after those,
// and their last tail. It never leaves out a single item: "1 more" would
// say less than the item's name in about as much room. The result shares
// no memory with items when it is shorter.
func List(items []string, head, tail int, more func(n int) string) []string {
	if len(items) <= head+tail+1 {
		return items
	}
	n := len(items) - head - tail
	out := make([]string, 0, head+1+tail)
	out = append(out, items[:head]...)
	out = append(out, more(n))
	return append(out, items[len(items)-tail:]...)
}
