//go:build insecure

package tagged

const insecureDev = true
