package quote

func Ident(s string) string { return `"` + s + `"` }
