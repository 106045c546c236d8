package names

import (
	"flag"
	"os"
	"strings"
)

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

// The text right after a key named like a secret is that secret's value.
var (
	adminPass   = flag.String("admin-password", "Gh4tP9-fixture", "admin password") // want `password "Gh4…" \(14 chars\) hard-coded in default of admin-password`
	dbPass      = getenv("DB_PASSWORD", "Xq7mPz-fixture")                           // want `password "Xq7…" \(14 chars\) hard-coded in default of DB_PASSWORD`
	emptyFlag   = flag.String("password", "", "the password")                       // ok: empty
	placeholder = getenv("API_TOKEN", "changeme")                                   // ok: a placeholder
	replaced    = strings.Replace(os.Args[0], "password", "Zx81q-fixture", 1)       // ok: text to replace
	userFlag    = flag.String("user", "Gh4tP9-fixture", "user name")                // ok: not a secret's key
)

func setDefaults() {
	var token string
	flag.StringVar(&token, "api-token", "Tk9vR2-fixture", "API token") // want `token "Tk9…" \(14 chars\) hard-coded in default of api-token`
}
