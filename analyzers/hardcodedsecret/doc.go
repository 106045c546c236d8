// Package hardcodedsecret defines an Analyzer that reports credentials,
// keys and tokens written in Go source.
//
// # Analyzer hardcodedsecret
//
// hardcodedsecret: report credentials, keys and tokens written in source
//
// A secret in source code is in every clone, fork, build cache and CI log of
// the repository, and it cannot be rotated without a release. The rule
// looks at every string constant (literals, concatenations of constants,
// []byte("…") conversions) and decides by two things: what the value is,
// and where it goes.
//
// What the value is. These are secrets wherever they are written, checked
// against their real structure: AWS access key ids (AKIA, ASIA, ABIA,
// ACCA and 16 base32 characters); GitHub tokens (ghp_, gho_, ghu_, ghs_,
// ghr_, whose last 6 characters must be the base62 CRC-32 of the other 30,
// and github_pat_); npm tokens (same checksum); GitLab tokens (glpat-,
// gldt-, glrt-, glptt-); Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-,
// xoxe-) and webhook URLs; Stripe live keys (sk_live_, rk_live_); Google
// API keys (AIza); SendGrid keys; Twilio API keys; PyPI tokens (whose
// macaroon must name pypi.org); NATS nkey seeds (with their CRC-16); JSON
// web tokens (a JSON header naming a signing algorithm, and a signature);
// PEM private keys (RSA, EC, DSA, OpenSSH, PKCS#8, PGP, encrypted or not,
// and base64-encoded PEM as go-micro's auth.PrivateKey takes it); passwords
// in URLs (postgres://, amqp://, nats://, redis://, mongodb://, …), in
// go-sql-driver/mysql DSNs (user:password@tcp(host)/db), in key=value
// text (password=, pwd=, token=, …; libpq, ADO.NET, JDBC query
// parameters, "--password=…" and "PGPASSWORD=…" command lines, YAML's
// "password: …" and JSON's "password": "…"), in HTTP basic credentials
// and in "Authorization: Bearer …" lines of a raw HTTP request.
//
// Where it goes. Any value that is not a placeholder is a secret when it
// is passed where an API takes one: go-micro's auth.Credentials,
// auth.WithCredentials, auth.PrivateKey, auth.WithSecret, auth.WithToken,
// the auth.Options, auth.Account, auth.Token and auth.TokenOptions secret
// fields, etcd.Auth, natsjs.Authenticate, secrets.Key and
// secrets.PrivateKey, tunnel.Token, token.WithPrivateKey, the
// genai/ai/agent/flow API keys, wrapper/auth.FromToken and ClientOptions.Token,
// and x402.CDP, in every go-micro version and plugin tree (v1 to v6);
// nats.Options{Password, Token}, nats.UserInfo and nats.Token; consul
// api.Config.Token and HttpBasicAuth.Password; etcd clientv3.Config.Password;
// go-redis Options.Password and UniversalOptions.Password; go-sql-driver
// mysql.Config.Passwd; JWT
// signing keys (Token.SignedString, SigningMethod.Sign and key functions
// returning a constant, for golang-jwt v3 to v5 and dgrijalva/jwt-go); hmac.New
// keys; Request.SetBasicAuth and url.UserPassword passwords. Addresses and
// DSNs (sql.Open, sqlx, pgx and pgxpool, the gorm postgres and mysql
// drivers, nats.Connect, go-micro's store.Nodes, Addrs options and model
// DSNs, tls.X509KeyPair) are reported when a
// credential is recognised in them. Constants, fields (given by name or
// by position), map entries, HTTP
// headers, parameters, comparisons (==, !=, switch cases,
// strings.EqualFold, bytes.Equal, subtle.ConstantTimeCompare, hmac.Equal)
// and the text given right after a
// constant key (the default of flag.String("admin-password", ...) or of a
// fallback helper getenv("DB_PASSWORD", ...)) named like passwords,
// secrets, tokens and keys are reported when the value also looks like a
// secret on its own: at least 6 characters, no spaces, not a name, header, metric,
// path or file name (x509/client_key.pem), URL, number, password hash or
// word of HTTP's grammar ("100-continue"), character set ("!@#$%^&*",
// "ABC…xyz0123456789") or reference to a secret kept elsewhere (an AWS
// ARN, a Google Secret Manager name, a Kubernetes Secret's name such as
// "default-token-x7k2p" or "billing-tls-2024"). A constant compared in
// constant time is a secret whatever the other side is named. A
// "token = ..." inside a string is not taken for a setting when its value
// reads as code (token = int(tok[0]), password=getpass.getpass(), SQL's
// password = crypt($1, gen_salt('bf')) or token=gen_random_uuid()).
//
// A map key, header name or key before a default is printed, and turned
// into a variable's name, only when it reads as a name (words and short
// numbers: "DB_PASSWORD", "X-Api-Key"). One spelt otherwise
// ("db_password[primary]", "x-ms-az-token", a name of more than 64
// characters) still names its value, which is reported as "hard-coded in
// map entry" or "in header" without the key and without a suggested fix.
// One that looks random ("secret_Hq7Lm2Zx9Pv4Kt8W") is never printed,
// and a map key named like a secret that looks random is reported
// itself, as the secret of a table of credentials, without a suggested
// fix.
//
// Not reported: values read at run time (environment, flags, files, secret
// managers); names of things about secrets ("Authorization",
// "X-Api-Token", "token_fetch_errors", "https://host/token", tokenURL,
// passwordField, secretName); log and error messages; public keys and
// certificates; password hashes (bcrypt, argon2, crypt); and placeholders:
// the empty string, masks ("****", "xxxx"), template and environment
// references ("${DB_PASSWORD}", "$TOKEN", "%s", "{{.Password}}",
// "<password>"), words like changeme, example, sample, test, dummy, fake,
// your_…, and AWS's documented AKIAIOSFODNN7EXAMPLE. The words "password",
// "secret", "admin" and the like are placeholders in URLs and in values
// that only a name marks as secret, but not where an API signs or
// authenticates with the value it is given: hmac.New(sha256.New,
// []byte("secret")) is reported.
//
// For example:
//
//	service := micro.NewService(
//		micro.Auth(jwt.NewAuth(auth.Credentials("billing", "9f8Kq…"))),
//	)
//	db, err := sql.Open("postgres", "postgres://app:hunter22@db/app")
//
// should read the values at run time:
//
//	auth.Credentials("billing", os.Getenv("MICRO_AUTH_SECRET"))
//	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
//
// Findings never contain the secret: they show at most its first four
// characters (never more than a quarter of it) and its length, as in
// `aws access key id "AKIA…" (20 chars) hard-coded in auth.Credentials
// secret`. Where the literal can simply be replaced, a suggested fix reads
// it with os.Getenv instead (go-micro's own variable where it has one, such
// as MICRO_AUTH_SECRET), adding the "os" import if needed, inside a
// function literal that panics when the variable is unset or empty: an
// empty password to compare with, or an empty HMAC or JWT key, would let
// anyone in. A package-level variable so read stops the program (and its
// tests) at start when the variable is unset. No fix is offered in
// _test.go files, whose fixtures are better constants.
//
// Findings in _test.go files and in packages under a testdata directory are
// reported at note level; -hardcodedsecret.tests=false drops them.
// -hardcodedsecret.placeholders=word1,word2 adds words that mark a value as
// a placeholder (compared without regard to case, anywhere in the value).
//
// # Limitations
//
// Values are followed through constants, []byte and string conversions and
// variables assigned exactly once in the same package; a secret built at
// run time (fmt.Sprintf, strings.Join, a function's result) or passed
// through a variable assigned more than once, a struct field or a function
// parameter is not followed to the sink, though a recognised token in any
// of its literals is still reported. Constants of another package are
// followed, and a constant already reported where it is declared, in a
// package of your modules, is not reported again where it is used; one
// declared in a dependency outside them is reported where you use it.
//
// Secrets in comments, in struct tags and in files that are not Go
// (YAML, .env, JSON) are not looked at, nor files embedded with
// //go:embed, though they ship inside the binary: a key read with
// keys.ReadFile("dev.pem") is not reported.
//
// Generic values (a password with no recognisable shape) are only reported
// where an API or a name says they are secrets; a high-entropy string on
// its own is not. Names are read as words (dbPassword, DB_PASSWD,
// apiKey); a secret under a name with none of these words is only found by
// its shape. Such a value must be printable ASCII without spaces: a
// password with a letter outside ASCII (Passwörd1) is not reported, which
// keeps words of other languages out.
//
// A password equal to its user name (amqp://guest:guest@…,
// postgres://postgres:postgres@…) is taken as a local default account and
// not reported. Stripe test-mode keys (sk_test_), unsigned JWTs (alg
// "none") and GitHub's pre-2021 40-hexadecimal-digit tokens are not
// reported. A password containing an unescaped "/" in a URL is not found;
// one with a raw "#" or "?", which a URL parser would cut there, is.
//
// Values that read as something else are not reported even when they are
// secrets: a password after "password=" written as a one-case function
// call ("abc(123)") is taken for SQL; one that reads like a Kubernetes
// Secret's name (lower-case words and numbers with "tls", "creds", …, as
// in "billing-tls-2024"), an ARN or an ordered alphabet is taken for that.
// A key before a default that looks random is not reported as a secret
// itself, only map keys are. Text scanned for "password: …" also holds
// messages: after a space, the value must end its line and look random
// ("password: Wq8zLx3vR1"), so a YAML password of words and numbers only
// ("password: correct-horse-42") is missed, and a message ending in a
// secret-looking word ("token: Zq8mW2vLx") is reported. Struct fields given by position are matched
// to the struct's fields by index; a struct built by a function is not
// followed.
//
// Tokens are checked for structure and checksums, never by calling the
// service, so a revoked token is reported like a live one.
package hardcodedsecret
