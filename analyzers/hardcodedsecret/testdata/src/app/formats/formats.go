// Package formats holds secrets of known formats, which are reported
// wherever they are written, each beside a near miss that is not.
//
// Every secret here is a fixture: patterned, not issued by any service.
// Tokens are split into constant parts so that scanners reading the file as
// text (GitHub push protection) do not match them; the analyzer folds
// constants, so it sees the whole token.
package formats

import (
	"errors"
	"fmt"
)

var (
	awsID      = "AKIA2345677ABCDEFGHI"      // want `aws access key id "AKIA…" \(20 chars\) hard-coded in string literal; read it from the environment or a secret manager`
	awsTemp    = "AS" + "IA2345677ABCDEFGHI" // want `aws temporary access key id "ASIA…" \(20 chars\)`
	awsDigit   = "AKIA1345677ABCDEFGHI"      // ok: 1 is not a base32 digit
	awsLong    = "AKIA2345677ABCDEFGHIJ"     // ok: 17 characters after the prefix
	awsExample = "AKIAIOSFODNN7EXAMPLE"      // ok: AWS's documented example key

	ghp      = "gh" + "p_0123456789abcdefghijABCDEFGHIJ" + "3mpbCX" // want `github personal access token "ghp_…" \(40 chars\)`
	ghpBad   = "gh" + "p_0123456789abcdefghijABCDEFGHIJ" + "3mpbCY" // ok: checksum does not match
	ghs      = "gh" + "s_0123456789abcdefghijABCDEFGHIJ" + "3mpbCX" // want `github server-to-server token "ghs_…" \(40 chars\)`
	npm      = "np" + "m_ZYXWVUTSRQponmlkjihg9876543210" + "0T5bbN" // want `npm access token "npm_…" \(40 chars\)`
	npmBad   = "np" + "m_ZYXWVUTSRQponmlkjihg9876543210" + "0T5bbM" // ok: checksum does not match
	glpat    = "gl" + "pat-0123456789abcdefghij"                    // want `gitlab personal access token "glpa…" \(26 chars\)`
	glpatBad = "gl" + "pat-0123456789abcdefghi"                     // ok: 19 characters

	slack      = "xo" + "xb-1111111111-2222222222222-abcdefghijABCDEFGHIJ0123"                // want `slack bot token "xoxb…" \(54 chars\)`
	slackDoc   = "xoxb-your-bot-token-goes-here"                                              // ok: placeholder
	stripe     = "sk" + "_live_0123456789abcdefghijABCD"                                      // want `stripe secret key "sk_l…" \(32 chars\)`
	stripeTest = "sk" + "_test_0123456789abcdefghijABCD"                                      // ok: test mode
	google     = "AI" + "zaSyA0123456789abcdefghijABCDEFGHIJ_-"                               // want `google api key "AIza…" \(39 chars\)`
	googleBad  = "AI" + "zaSyA0123456789abcdefghijABCDEFGHIJ_"                                // ok: 38 characters
	sendgrid   = "SG" + ".0123456789abcdefghijAB.0123456789abcdefghijABCDEFGHIJ0123456789abc" // want `sendgrid api key "SG.0…" \(69 chars\)`
	sgBad      = "SG" + ".0123456789abcdefghijAB0123456789abcdefghijABCDEFGHIJ0123456789abc." // ok: dot misplaced
	twilio     = "SK" + "0123456789abcdef0123456789abcdef"                                    // want `twilio api key "SK01…" \(34 chars\)`
	twilioBad  = "SK" + "0123456789ABCDEF0123456789ABCDEF"                                    // ok: upper-case hex
	pypi       = "py" + "pi-AgEIcHlwaS5vcmcCAR9maXh0dXJlIGlkZW50aWZpZXIsIG5vdCBhIHRva2VuIQ"   // want `pypi api token "pypi…" \(67 chars\)`
	pypiBad    = "py" + "pi-AgEIcHlwaS5jb20CAR9maXh0dXJlIGlkZW50aWZpZXIsIG5vdCBhIHRva2VuIQ"   // ok: macaroon location is not pypi.org

	jwt     = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMDQyIiwibmFtZSI6IkZpeHR1cmUgT25seSJ9." + "0123456789abcdefghijABCDEFGHIJ0123456789abc" // want `json web token "eyJh…" \(129 chars\)`
	jwtNone = "eyJhbGciOiJub25lIn0." + "eyJzdWIiOiIxMDQyIiwibmFtZSI6IkZpeHR1cmUgT25seSJ9." + "0123456789abcdefghijABCDEFGHIJ0123456789abc"                  // ok: unsigned

	rsaKey = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + keyBody + "\n-----END RSA PRIVATE KEY-----\n"                                                                                                                                                                                                                                                                                                                                                                           // want `rsa private key "----…" \(\d+ chars\) hard-coded in string literal; load it from a file or a secret manager at run time`
	pubKey = "-----BEGIN PUBLIC KEY-----\n" + keyBody + "\n-----END PUBLIC KEY-----\n"                                                                                                                                                                                                                                                                                                                                                                                          // ok: a public key
	docKey = "-----BEGIN RSA " + "PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"                                                                                                                                                                                                                                                                                                                                                                                       // ok: documentation
	b64Key = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlCQUdacGVIUjFjbVVnYTJWNUlHMWhkR1Z5YVdGc0xDQnViM1FnWVNCclpYa3VJR1pwZUhSMWNtVWdhMlY1SUcxaGRHVnlhV0ZzTENCdWIzUWdZU0JyWlhrdUlHWnBlSFIxY21VZ2EyVjVJRzFoZEdWeWFXRnNMQ0J1YjNRZ1lTQnJaWGt1SUdacGVIUjFjbVVnYTJWNUlHMWhkR1Z5YVdGc0xDQnViM1FnWVNCclpYa3VJR1pwZUhSMWNtVWdhMlY1SUcxaGRHVnlhV0ZzTENCdWIzUWdZU0JyWlhrdUlHWnBlSFIxY21VZ2EyVjVJRzFoZEdWeWFXRnNMQ0J1YjNRZ1lTQnJaWGt1SUE9PQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=" // want `base64-encoded rsa private key "LS0t…"`
	b64Pub = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUlJQgotLS0tLUVORCBQVUJMSUMgS0VZLS0tLS0K"                                                                                                                                                                                                                                                                                                                                                                                     // ok: a public key

	pgURL    = "postgres://app:Kx9-fixture-pw@db:5432/app"           // want `password in postgres url "Kx9…" \(14 chars\)`
	pgEnv    = "postgres://app:${DB_PASSWORD}@db:5432/app"           // ok: expanded from the environment
	pgFormat = "postgres://%s:%s@%s/app"                             // ok: filled in at run time
	amqpDef  = "amqp://guest:guest@localhost:5672/"                  // ok: the default local account
	natsURL  = "nats://svc:Kx9-fixture-pw@nats:4222"                 // want `password in nats url "Kx9…" \(14 chars\)`
	redisURL = "redis://:<password>@cache:6379/0"                    // ok: placeholder
	mysqlDSN = "app:Kx9-fixture-pw@tcp(db:3306)/app"                 // want `password in mysql dsn "Kx9…" \(14 chars\)`
	mysqlNo  = "app@tcp(db:3306)/app"                                // ok: no password
	libpq    = "host=db user=app password=Kx9-fixture-pw dbname=app" // want `password in connection string "Kx9…" \(14 chars\)`
	libpqFmt = "host=%s user=%s password=%s dbname=app"              // ok: printf verbs
	basic    = "Basic YXBwOkt4OS1maXh0dXJlLXB3"                      // want `basic auth credentials "YXBw…" \(24 chars\)`
	basicNo  = "Basic realm=\"api\""                                 // ok: a challenge, not credentials
)

const keyBody = "MIIBAGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIA=="

// Messages, header names, metric names and routes are not secrets.
var (
	errToken   = errors.New("token expired: refresh it with the password grant") // ok: a message
	authHeader = "Authorization"                                                 // ok: a header name
	metric     = "token_fetch_errors"                                            // ok: a metric name
	route      = "https://auth.internal/oauth/token"                             // ok: a URL
)

func logs(user string) string {
	return fmt.Sprintf("password reset for %s; token=%s", user, "<redacted>") // ok
}

// Tokens in struct tags and imports are not looked at.
type tagged struct {
	Key string `json:"key" default:"AKIA2345677ABCDEFGHI"` // ok: a struct tag
}

// SQL that hashes or generates a credential names no password.
var (
	sqlCrypt   = "UPDATE users SET password = crypt($1, gen_salt('bf')) WHERE id = $2"        // ok: hashed by the database
	sqlSHA2    = "UPDATE users SET password=SHA2(?,256) WHERE id=?"                           // ok
	sqlMD5     = "UPDATE api_clients SET secret=md5(random()::text) WHERE id=$1"              // ok
	sqlUUID    = "UPDATE sessions SET token=gen_random_uuid() WHERE user_id=$1"               // ok
	sqlEncode  = "UPDATE users SET api_key=encode(gen_random_bytes(24),'base64') WHERE id=$1" // ok
	sqlLiteral = "UPDATE users SET password='Kx9-fixture-pw' WHERE id=$1"                     // want `password in connection string "Kx9…" \(14 chars\)`
)

// Credentials in configuration, command lines and requests written as text.
var (
	yamlPW     = "db:\n  user: app\n  password: Kx9-fixture-pw\n"                               // want `password in connection string "Kx9…" \(14 chars\)`
	yamlMsg    = "invalid password: expected at least 8 characters"                             // ok: a message
	jsonPW     = `{"db": {"user": "app", "password": "Kx9-fixture-pw"}}`                        // want `password in connection string "Kx9…" \(14 chars\)`
	jsonSecret = `{"client_secret":"Kx9-fixture-cs"}`                                           // want `client secret in connection string "Kx9…" \(14 chars\)`
	jsonField  = `{"password": "password_hash"}`                                                // ok: a column's name
	cliFlag    = "--password=Kx9-fixture-pw"                                                    // want `password in connection string "Kx9…" \(14 chars\)`
	pgEnvVar   = "PGPASSWORD=Kx9-fixture-pw pg_dump app"                                        // want `password in connection string "Kx9…" \(14 chars\)`
	rawRequest = "GET / HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer Kx9-fixture-tok\r\n\r\n" // want `token in authorization header "Kx9…" \(15 chars\)`
	rawNoAuth  = "GET / HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer %s\r\n\r\n"              // ok: a template
)

// "key: value" in messages: a secret only when the value looks like one
// and ends the line, as YAML writes it.
var (
	msgRotated   = "secret: rotated-2024-06-01"               // ok: a message
	msgEncoding  = "api_key: base64-encoded, 32 bytes"        // ok: a message
	msgCollation = "password: utf8mb4_unicode_ci"             // ok: a collation's name
	msgPath      = "secret: k8s/default/app-secret"           // ok: a path
	msgAssign    = "token: X-Request-ID=abc123"               // ok: an assignment
	yamlVault    = "auth:\n  token: !vault |\n    $ANSIBLE\n" // ok: a YAML tag
	yamlSpaced   = "password: Wq8zLx3vR1"                     // want `password in connection string "Wq…" \(10 chars\)`
	yamlComment  = "db:\n  password: Wq8zLx3vR1  # primary\n" // want `password in connection string "Wq…" \(10 chars\)`
)

// The Token scheme of Rails and Django REST framework: Token token="…".
var (
	railsToken = "Authorization: Token token=\"Kx9-fixture-tok\"\r\n" // want `token in authorization header "Kx9…" \(15 chars\)`
	railsLead  = "Authorization: Token token=\""                      // ok: the token is added at run time
	railsRealm = "Authorization: Token realm=\"Kx9-fixture-tok\""     // ok: not the token
)

// A password with a bracket or a comma is matched to its end.
var (
	pwParens = "host=db password=Secret(9)Xy dbname=x" // want `password in connection string "Se…" \(11 chars\)`
	pwComma  = "password=Ab12cd,Ef34"                  // want `password in connection string "Ab…" \(11 chars\)`
	pwNext   = "Password=Ab12cdQx;Server=db"           // want `password in connection string "Ab…" \(8 chars\)`
)
