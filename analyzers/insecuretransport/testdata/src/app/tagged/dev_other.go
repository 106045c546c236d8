//go:build !linux

package tagged

const osDev = true
