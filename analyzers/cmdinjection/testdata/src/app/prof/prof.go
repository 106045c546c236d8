// Package prof declares an interface whose method names are common ones.
package prof

type Profile interface {
	Start(name string) error
}
