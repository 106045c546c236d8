package analysisutil

import "testing"

func TestIsStdPath(t *testing.T) {
	for path, want := range map[string]bool{
		"os": true, "net/http": true, "vendor/golang.org/x/net/idna": true,
		"go-micro.dev/v4": false, "github.com/lib/pq": false, "example.com/app": false,
	} {
		if got := IsStdPath(path); got != want {
			t.Errorf("IsStdPath(%q) = %v, want %v", path, got, want)
		}
	}
}
