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

func loadCreds(certFile, keyFile, caFile string) {}

func apnsKey(signingKey string) {}

func containsToken(v []string, token string) bool { return len(v) > 0 && token != "" }

// Paths of key files, protocol words in a parameter named token, and Go
// source in a string are not secrets.
func notSecrets() {
	loadCreds("x509/client1_cert.pem", "x509/client1_key.pem", "x509/server_ca_cert.pem") // ok: file names
	getenv("/run/secrets/db_password", "Xq7mPz-fixture")                                  // want `password "Xq7…" \(14 chars\) hard-coded in default of /run/secrets/db_password`
	apnsKey("AuthKey_ABC123DEFG.p8")                                                      // ok: Apple's key file, named by its public id
	apnsKey("Zq8Lm2_Nx7Vb4Hc1.p8")                                                        // want `signing key "Zq8L…" \(19 chars\) hard-coded in parameter signingKey of apnsKey`
	containsToken(nil, "100-continue")                                                    // ok: an HTTP token
	containsToken(nil, "HTTP2-Settings")                                                  // ok: an HTTP token
	containsToken(nil, "Tk9vR2-fixture")                                                  // want `token "Tk9…" \(14 chars\) hard-coded in parameter token of containsToken`
	_ = "func lex1(c int) (token int) {\n\ttoken = int(Tok1[0])\n}"                       // ok: source code
}
