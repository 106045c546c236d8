// Package names holds values that only their names mark as secrets. They
// are reported when the value looks like a secret too.
package names

import (
	"bytes"
	"crypto/hmac"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const dbPassword = "Kx9-fixture-pw" // want `password "Kx9…" \(14 chars\) hard-coded in constant dbPassword` dbPassword:"hard-coded password"

const (
	passwordField  = "Kx9-fixture-pw"                // ok: names a field
	tokenHeader    = "X-Api-Token"                   // ok: a header name
	apiKeyEnv      = "API_KEY"                       // ok: an environment variable name
	tokenMetric    = "token_fetch_errors"            // ok: a metric name
	tokenURL       = "https://auth.internal/token"   // ok: a URL
	msgBadPassword = "wrong password, try again"     // ok: a message
	passwordHash   = "$2a$10$abcdefghijklmnopqrstuu" // ok: a hash, by name and by value
)

var (
	secretName    = "billing-db-credentials" // ok: names a secret
	adminPassword = "password"               // ok: a generic word
	apiToken      = "changeme"               // ok: a placeholder
	emptySecret   = ""                       // ok: empty
	sessionSecret = "q8Zr-fixture-key-0042"  // want `secret "q8Zr…" \(21 chars\) hard-coded in variable sessionSecret`
	errBadToken   = errors.New("bad token")  // ok: not a constant
	tokenFromEnv  = os.Getenv("API_TOKEN")   // ok: read at run time
)

// Config has fields named like secrets and fields that are not.
type Config struct {
	Username string
	Password string
	APIKey   string
	KeyName  string
}

var cfg = Config{
	Username: "Kx9-fixture-pw",        // ok: not named like a secret
	Password: "Kx9-fixture-pw",        // want `password "Kx9…" \(14 chars\) hard-coded in field Password`
	KeyName:  "q8Zr-fixture-key-0042", // ok: names a key
}

func setKey(c *Config) {
	c.APIKey = "q8Zr-fixture-key-0042"  // want `api key "q8Zr…" \(21 chars\) hard-coded in field APIKey`
	c.KeyName = "q8Zr-fixture-key-0042" // ok
}

var settings = map[string]string{
	"password": "Kx9-fixture-pw", // want `password "Kx9…" \(14 chars\) hard-coded in map entry "password"`
	"user":     "Kx9-fixture-pw", // ok
}

func headers(req *http.Request, tok string) {
	req.Header.Set("Authorization", "Bearer q8Zr-fixture-token-0042") // want `credential "q8Zr…" \(23 chars\) hard-coded in header Authorization`
	req.Header.Set("Authorization", "Bearer "+tok)                    // ok: not a constant
	req.Header.Add("X-Api-Key", "q8Zr-fixture-key-0042")              // want `api key "q8Zr…" \(21 chars\) hard-coded in header X-Api-Key`
	req.Header.Set("Content-Type", "application/json")                // ok
	req.Header.Set("X-Request-Id", "q8Zr-fixture-key-0042")           // ok: not a credential header
}

func check(pw, user, token string, r *http.Request) bool {
	if pw == "Kx9-fixture-pw" { // want `password "Kx9…" \(14 chars\) hard-coded in comparison with pw`
		return true
	}
	if user == "Kx9-fixture-pw" { // ok: not named like a secret
		return true
	}
	if r.FormValue("password") == "Kx9-fixture-pw" { // want `password "Kx9…" \(14 chars\) hard-coded in comparison with password`
		return true
	}
	if os.Getenv("TOKEN") == "" { // ok: empty
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte("q8Zr-fixture-token-0042")) == 1 // want `token "q8Zr…" \(23 chars\) hard-coded in comparison with token`
}

func apiKey() string {
	return "q8Zr-fixture-key-0042" // want `api key "q8Zr…" \(21 chars\) hard-coded in result of apiKey`
}

func tokenTTL() string {
	return "q8Zr-fixture-key-0042" // ok: the name is about a token
}

func login(user, password string) {}

func greet(name string) {}

func calls() {
	login("admin", "Kx9-fixture-pw") // want `password "Kx9…" \(14 chars\) hard-coded in parameter password of login`
	greet("Kx9-fixture-pw")          // ok: not a secret parameter

	once := "Kx9-fixture-pw2" // want `password "Kx9…" \(15 chars\) hard-coded in parameter password of login`
	login("admin", once)

	twice := "Kx9-fixture-pw3" // ok: assigned again before use
	twice = os.Getenv("PW")
	login("admin", twice)
}

// A key that does not read as a name is never printed: in a table of
// client secrets the key is the secret, and the value a client's id.
var clients = map[string]string{
	"secret_Hq7Lm2Zx9Pv4Kt8W": "billing-svc-01a", // want `secret "secr…" \(23 chars\) hard-coded in map key`
	"secret_v2":               "Kx9-fixture-pw",  // want `secret "Kx9…" \(14 chars\) hard-coded in map entry "secret_v2"`
	"token_k8s_i18n":          "Kx9-fixture-pw",  // want `token "Kx9…" \(14 chars\) hard-coded in map entry "token_k8s_i18n"`
}

func getOr(k, def string) string { return def }

var (
	keyedRandom = getOr("token_Hq7Lm2Zx9Pv4Kt8Y", "fallbackV4l")  // ok: the key is no name, and the value no secret of it
	keyedPlain  = getOr("OAUTH2_CLIENT_SECRET", "Kx9-fixture-pw") // want `secret "Kx9…" \(14 chars\) hard-coded in default of OAUTH2_CLIENT_SECRET`
)

func randomHeader(req *http.Request) {
	req.Header.Set("X-Token-Hq7Lm2Zx9Pv4Kt8W", "Kx9-fixture-pw") // ok: no name to print
}

// A key spelt in an unusual way still names its value, which is judged
// and reported without the key.
var props = map[string]string{
	"com.example.service.payments.gateway.credentials.api.client.secret": "Kx9-fixture-cs", // want `credential "Kx9…" \(14 chars\) hard-coded in map entry;`
	"db_password[primary]": "Kx9-fixture-pw", // want `password "Kx9…" \(14 chars\) hard-coded in map entry;`
	"$password":            "Kx9-fixture-pw", // want `password "Kx9…" \(14 chars\) hard-coded in map entry;`
	"x-ms-az-token":        "Kx9-fixture-tk", // want `token "Kx9…" \(14 chars\) hard-coded in map entry;`
	"db_password[replica]": "password",       // ok: a generic word
	"x-ms-az-token-type":   "Kx9-fixture-tk", // ok: the key names something else
}

var form = url.Values{"user[password]": {"Kx9-fixture-pw"}} // want `password "Kx9…" \(14 chars\) hard-coded in map entry;`

func oddHeaders(req *http.Request) {
	req.Header.Set("X-MS-CB-Token", "Kx9-fixture-tk")   // want `token "Kx9…" \(14 chars\) hard-coded in header;`
	req.Header.Set("X_API_KEY[v1]", "Kx9-fixture-ak")   // want `api key "Kx9…" \(14 chars\) hard-coded in header;`
	req.Header.Set("X_API_KEY[v1]", "%s")               // ok: a placeholder
	_ = getOr("db_password[primary]", "Kx9-fixture-pw") // want `password "Kx9…" \(14 chars\) hard-coded in default;`
}

// References to secrets kept elsewhere are what the rule advises.
const (
	dbSecret        = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/billing-db-AbCdEf" // ok: an ARN
	stripeKeySecret = "projects/123456789012/secrets/stripe-key/versions/3"                         // ok: a Secret Manager name
	saTokenSecret   = "default-token-x7k2p"                                                         // ok: a Kubernetes Secret's name
	tlsSecret       = "billing-tls-2024"                                                            // ok: a Kubernetes Secret's name
	fixSecret       = "fix-pw-0003x"                                                                // want `secret "fix…" \(12 chars\) hard-coded in constant fixSecret` fixSecret:"hard-coded secret"
)

// Comparisons other than == and != compare with a secret too.
func compareMore(password, token, user string, apiKey []byte, md map[string]string) bool {
	switch password {
	case "Kx9-fixture-sw": // want `password "Kx9…" \(14 chars\) hard-coded in comparison with password`
		return true
	}
	switch user {
	case "Kx9-fixture-sw": // ok: not named like a secret
		return true
	}
	switch md["Authorization"] {
	case "Bearer q8Zr-fixture-token-0043": // want `credential "q8Zr…" \(23 chars\) hard-coded in comparison with Authorization`
		return true
	}
	if strings.EqualFold(token, "q8Zr-fixture-token-0044") { // want `token "q8Zr…" \(23 chars\) hard-coded in comparison with token`
		return true
	}
	if strings.EqualFold(user, "q8Zr-fixture-token-0044") { // ok: not named like a secret
		return true
	}
	if bytes.Equal(apiKey, []byte("q8Zr-fixture-key-0045")) { // want `api key "q8Zr…" \(21 chars\) hard-coded in comparison with apiKey`
		return true
	}
	return hmac.Equal([]byte(md["X-Sig"]), []byte("q8Zr-fixture-mac-0046")) // want `secret "q8Zr…" \(21 chars\) hard-coded in constant-time comparison`
}

// Login's fields are given by position.
type Login struct{ User, Password string }

var (
	positional = Login{"svc", "Kx9-fixture-pl"}                       // want `password "Kx9…" \(14 chars\) hard-coded in field Password`
	userOnly   = Login{"Kx9-fixture-pl", ""}                          // ok: the user
	elided     = []Login{{"svc", "Kx9-fixture-pe"}}                   // want `password "Kx9…" \(14 chars\) hard-coded in field Password`
	anonymous  = struct{ user, pass string }{"svc", "Kx9-fixture-pa"} // want `password "Kx9…" \(14 chars\) hard-coded in field pass`
)

// Key ids, character sets and scheme names are not secrets.
var (
	tokenKid        = "2024-06-key-1"                                                          // ok: a key's id
	tokenRunes      = []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") // ok: a character set, by name
	randomToken     = []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") // ok: a character set, by value
	passwordSymbols = "!@#$%^&*"                                                               // ok: a character set
	passwordPunct   = "!@#$%^&*9"                                                              // want `password "!@…" \(9 chars\) hard-coded in variable passwordPunct`
)

func awsHeader(req *http.Request) {
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256") // ok: a scheme's name
}
