package supp

//microsec:ignore badfuncs -- kept for old callers
func Bad() {}

type T struct{}

func (T) Bad() {} //nolint:microsec

//microsec:ignore badfuncs
func init() {}
