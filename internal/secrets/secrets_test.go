package secrets

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"strconv"
	"strings"
	"testing"
)

// The secret-shaped inputs of these tests are assembled at run time by join,
// never written as one literal, so that microsec-lint run over this
// repository (tests included) does not report its own test data.
func join(parts ...string) string { return strings.Join(parts, "") }

// b64u is unpadded base64url, as in JWTs.
func b64u(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// ghBody returns 30 characters followed by their correct checksum.
func ghBody(random string) string { return random + Base62CRC(random) }

// flipLast changes the last character of s to another alphanumeric one.
func flipLast(s string) string {
	last := s[len(s)-1]
	repl := byte('a')
	if last == 'a' {
		repl = 'b'
	}
	return s[:len(s)-1] + string(repl)
}

const random30 = "R4nd0mB0dyW1thThirtyCh4rsQz9Lk" // 30 base62 characters

type scanCase struct {
	name   string
	text   string
	kind   string // "" when nothing may be found
	secret string // the part that must be matched, when kind is set
}

func checkScan(t *testing.T, cases []scanCase) {
	t.Helper()
	var sc Scanner
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := sc.Scan(c.text)
			if c.kind == "" {
				if len(ms) != 0 {
					t.Fatalf("Scan(%q) = %s %q, want nothing", c.text, ms[0].Kind, ms[0].Secret(c.text))
				}
				return
			}
			if len(ms) != 1 {
				t.Fatalf("Scan(%q) found %d matches %v, want one %s", c.text, len(ms), ms, c.kind)
			}
			if ms[0].Kind != c.kind || ms[0].Secret(c.text) != c.secret {
				t.Fatalf("Scan(%q) = %s %q, want %s %q", c.text, ms[0].Kind, ms[0].Secret(c.text), c.kind, c.secret)
			}
		})
	}
}

func TestAWS(t *testing.T) {
	key := join("AKIA", "QYLPMN5HFIQR7XZA")
	checkScan(t, []scanCase{
		{"akia", key, "aws access key id", key},
		{"akia in text", "id=" + key + ";", "aws access key id", key},
		{"asia", join("ASIA", "QYLPMN5HFIQR7XZA"), "aws temporary access key id", join("ASIA", "QYLPMN5HFIQR7XZA")},
		{"digit 0 not base32", join("AKIA", "QYLPMN5HFIQR7XZ0"), "", ""},
		{"digit 8 not base32", join("AKIA", "QYLPMN5HFIQR8XZA"), "", ""},
		{"15 chars", join("AKIA", "QYLPMN5HFIQR7XZ"), "", ""},
		{"17 chars", join("AKIA", "QYLPMN5HFIQR7XZAB"), "", ""},
		{"lower case", join("AKIA", "qylpmn5hfiqr7xza"), "", ""},
		{"inside word", join("XAKIA", "QYLPMN5HFIQR7XZA"), "", ""},
		{"aws documentation example", join("AKIA", "IOSFODNN7", "EXAMPLE"), "", ""},
	})
}

func TestGitHubAndNPM(t *testing.T) {
	body := ghBody(random30)
	pat := join("github_pat_", "11ABCDEFG0123456789xyz", "_", strings.Repeat("aB3dE5gH7jK9", 5)[:59])
	checkScan(t, []scanCase{
		{"ghp", join("gh", "p_", body), "github personal access token", join("gh", "p_", body)},
		{"gho", join("gh", "o_", body), "github oauth access token", join("gh", "o_", body)},
		{"ghu", join("gh", "u_", body), "github user-to-server token", join("gh", "u_", body)},
		{"ghs", join("gh", "s_", body), "github server-to-server token", join("gh", "s_", body)},
		{"ghr", join("gh", "r_", body), "github refresh token", join("gh", "r_", body)},
		{"ghp in url", join("https://x-access-token:", "gh", "p_", body, "@github.com/o/r"), "github personal access token", join("gh", "p_", body)},
		{"ghp bad checksum", join("gh", "p_", flipLast(body)), "", ""},
		{"ghp 35 chars", join("gh", "p_", body[1:]), "", ""},
		{"ghp 37 chars", join("gh", "p_", "x", body), "", ""},
		{"github_pat", pat, "github fine-grained personal access token", pat},
		{"github_pat short", pat[:len(pat)-1], "", ""},
		{"github_pat no separator", strings.Replace(pat, "z_", "zz", 1), "", ""},
		{"npm", join("np", "m_", body), "npm access token", join("np", "m_", body)},
		{"npm bad checksum", join("np", "m_", flipLast(body)), "", ""},
	})
}

func TestBase62CRC(t *testing.T) {
	// CRC-32 of the empty string is 0.
	if got := Base62CRC(""); got != "000000" {
		t.Errorf("Base62CRC(\"\") = %q, want 000000", got)
	}
	// CRC-32 of "a" is 0xe8b7be43 = 3904355907
	// = 4×62^5 + 16×62^4 + 14×62^3 + 17×62^2 + 20×62 + 23, digits 4 G E H K N.
	if got := Base62CRC("a"); got != "4GEHKN" {
		t.Errorf("Base62CRC(\"a\") = %q, want 4GEHKN", got)
	}
}

func TestOtherTokens(t *testing.T) {
	slackBot := join("xo", "xb-", "1234567890", "-", "9876543210123", "-", "Zq8Lm2Nx7Vb4Hc1Kd6Pf3Rs9")
	hook := join("https://hooks.slack.com/services/", "T0AB12CD3", "/", "B0EF45GH6", "/", "Zq8Lm2Nx7Vb4Hc1Kd6Pf3Rs9")
	stripe := join("sk", "_live_", "51HcQz8Lm2Nx7Vb4Hc1Kd6Pf")
	google := join("AI", "za", "SyD8Lm2Nx7Vb4Hc1Kd6Pf3Rs9Tq0Wy5Ez_-")
	sendgrid := join("SG", ".", "Zq8Lm2Nx7Vb4Hc1Kd6Pf3R", ".", "s9Tq0Wy5Ez2Ua7Io4Jg1Xk8Mb3Nc6Vd9Fh2Lp5Qr8St")
	twilio := join("SK", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
	glpat := join("gl", "pat-", "Zq8Lm2Nx7Vb4Hc1Kd6Pf")
	pypi := pypiToken("pypi.org")
	checkScan(t, []scanCase{
		{"gitlab", glpat, "gitlab personal access token", glpat},
		{"gitlab 19 chars", glpat[:len(glpat)-1], "", ""},
		{"gitlab placeholder", join("gl", "pat-", strings.Repeat("x", 20)), "", ""},
		{"slack bot", slackBot, "slack bot token", slackBot},
		{"slack placeholder", join("xo", "xb-", "your-bot-token-goes-here-now"), "", ""},
		{"slack short secret", slackBot[:len(slackBot)-1], "", ""},
		{"slack webhook", hook, "slack webhook url", hook},
		{"slack webhook docs", join("https://hooks.slack.com/services/", "T00000000/B00000000/", strings.Repeat("X", 24)), "", ""},
		{"stripe live", stripe, "stripe secret key", stripe},
		{"stripe restricted", "r" + stripe[1:], "stripe restricted key", "r" + stripe[1:]},
		{"stripe test mode", strings.Replace(stripe, "live", "test", 1), "", ""},
		{"stripe 23 chars", stripe[:len(stripe)-1], "", ""},
		{"google", google, "google api key", google},
		{"google 34 chars", google[:len(google)-1], "", ""},
		{"sendgrid", sendgrid, "sendgrid api key", sendgrid},
		{"sendgrid short secret", sendgrid[:len(sendgrid)-1], "", ""},
		{"twilio", twilio, "twilio api key", twilio},
		{"twilio upper hex", strings.ToUpper(twilio), "", ""},
		{"twilio 31 digits", twilio[:len(twilio)-1], "", ""},
		{"pypi", pypi, "pypi api token", pypi},
		{"pypi test index", pypiToken("test.pypi.org"), "pypi api token", pypiToken("test.pypi.org")},
		{"pypi other location", pypiToken("pypi.com"), "", ""},
	})
}

// pypiToken builds a token whose macaroon names location loc.
func pypiToken(loc string) string {
	mac := []byte{0x02, 0x01, byte(len(loc))}
	mac = append(mac, loc...)
	mac = append(mac, []byte("\x02\x01\x1fsome identifier bytes 0123456789abcdef")...)
	return join("py", "pi-", base64.RawURLEncoding.EncodeToString(mac))
}

func TestJWT(t *testing.T) {
	sig := "q7Vb4Hc1Kd6Pf3Rs9Tq0Wy5Ez2Ua7Io4Jg1Xk8Mb3Nc"
	hs := b64u(`{"alg":"HS256","typ":"JWT"}`)
	claims := b64u(`{"sub":"42","iat":1700000000}`)
	tok := join(hs, ".", claims, ".", sig)
	checkScan(t, []scanCase{
		{"hs256", tok, "json web token", tok},
		{"bearer header", "Bearer " + tok, "json web token", tok},
		{"alg none", join(b64u(`{"alg":"none"}`), ".", claims, ".", sig), "", ""},
		{"no signature", join(hs, ".", claims, "."), "", ""},
		{"header not json", join(b64u(`{alg:HS256}`), ".", claims, ".", sig), "", ""},
		{"no alg", join(b64u(`{"typ":"JWT"}`), ".", claims, ".", sig), "", ""},
		{"two parts", join(hs, ".", claims), "", ""},
		{"test claims", join(hs, ".", b64u(`{"sub":"test-user"}`), ".", sig), "", ""},
		{"jwe five parts", join(tok, ".", sig, ".", sig), "", ""},
	})
}

// nkeySeed encodes a NATS user seed of 32 bytes the way nkeys does.
func nkeySeed(raw []byte, corrupt bool) string {
	const seedByte, userByte = 18 << 3, 20 << 3
	b := []byte{seedByte | userByte>>5, (userByte & 31) << 3}
	b = append(b, raw...)
	b = binary.LittleEndian.AppendUint16(b, crc16(b))
	if corrupt {
		b[5] ^= 1
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
}

func TestNkeySeed(t *testing.T) {
	raw := []byte("0123456789abcdef0123456789ABCDEF")
	seed := nkeySeed(raw, false)
	if !strings.HasPrefix(seed, "SU") || len(seed) != 58 {
		t.Fatalf("test seed %q is not shaped like a user seed", seed[:2])
	}
	checkScan(t, []scanCase{
		{"user seed", seed, "nats nkey seed", seed},
		{"bad checksum", nkeySeed(raw, true), "", ""},
		{"truncated", seed[:57], "", ""},
	})
}

func pemText(typ string, der []byte, headers map[string]string) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Headers: headers, Bytes: der}))
}

func TestPEM(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecDER, err := x509.MarshalECPrivateKey(ecKey)
	if err != nil {
		t.Fatal(err)
	}
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	pkcs8, err := x509.MarshalPKCS8PrivateKey(edKey)
	if err != nil {
		t.Fatal(err)
	}
	pubDER, err := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 256)
	_, _ = rand.Read(random)
	openssh := append([]byte("openssh-key-v1\x00"), random...)
	seq := append([]byte{0x30, 0x82, 0x01, 0x00}, random...)

	rsaPEM := pemText("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey), nil)
	legacy := pemText("RSA PRIVATE KEY", random, map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00112233445566778899AABBCCDDEEFF"})
	escaped := strings.ReplaceAll(pemText("EC PRIVATE KEY", ecDER, nil), "\n", `\n`)
	pgp := join("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n", base64.StdEncoding.EncodeToString(random), "\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----\n")
	b64PEM := b64(rsaPEM)
	checkScan(t, []scanCase{
		{"rsa pkcs1", rsaPEM, "rsa private key", strings.TrimSuffix(rsaPEM, "\n")},
		{"ec", pemText("EC PRIVATE KEY", ecDER, nil), "ec private key", strings.TrimSuffix(pemText("EC PRIVATE KEY", ecDER, nil), "\n")},
		{"pkcs8", pemText("PRIVATE KEY", pkcs8, nil), "pkcs#8 private key", strings.TrimSuffix(pemText("PRIVATE KEY", pkcs8, nil), "\n")},
		{"encrypted pkcs8", pemText("ENCRYPTED PRIVATE KEY", seq, nil), "encrypted pkcs#8 private key", strings.TrimSuffix(pemText("ENCRYPTED PRIVATE KEY", seq, nil), "\n")},
		{"dsa", pemText("DSA PRIVATE KEY", seq, nil), "dsa private key", strings.TrimSuffix(pemText("DSA PRIVATE KEY", seq, nil), "\n")},
		{"openssh", pemText("OPENSSH PRIVATE KEY", openssh, nil), "openssh private key", strings.TrimSuffix(pemText("OPENSSH PRIVATE KEY", openssh, nil), "\n")},
		{"legacy encrypted", legacy, "encrypted rsa private key", strings.TrimSuffix(legacy, "\n")},
		{"escaped newlines", escaped, "ec private key", strings.TrimSuffix(escaped, `\n`)},
		{"pgp", pgp, "pgp private key block", strings.TrimSuffix(pgp, "\n")},
		{"base64 pem", b64PEM, "base64-encoded rsa private key", b64PEM},
		{"public key", pemText("PUBLIC KEY", pubDER, nil), "", ""},
		{"certificate", pemText("CERTIFICATE", seq, nil), "", ""},
		{"documentation body", join("-----BEGIN RSA PRIVATE KEY-----\n", "...\n", "-----END RSA PRIVATE KEY-----\n"), "", ""},
		{"no end line", strings.SplitAfter(rsaPEM, "\n")[0] + "MIIEow==\n", "", ""},
		{"openssh without magic", pemText("OPENSSH PRIVATE KEY", random, nil), "", ""},
		{"not der", pemText("RSA PRIVATE KEY", append([]byte{0x04}, random...), nil), "", ""},
	})
}

func TestCredentialsInText(t *testing.T) {
	pw := join("S3cr3t", "Pw!x")
	checkScan(t, []scanCase{
		{"postgres url", join("postgres://app:", pw, "@db:5432/app?sslmode=require"), "password in postgres url", pw},
		{"amqp url", join("amqp://svc:", pw, "@rabbit:5672/"), "password in amqp url", pw},
		{"nats url", join("nats://svc:", pw, "@nats:4222"), "password in nats url", pw},
		{"redis no user", join("redis://:", pw, "@cache:6379/0"), "password in redis url", pw},
		{"mongodb srv", join("mongodb+srv://svc:", pw, "@cluster0.mongodb.net/db"), "password in mongodb+srv url", pw},
		{"percent-encoded", join("postgres://app:", "p%40ss", "W0rd", "@db/app"), "password in postgres url", join("p%40ss", "W0rd")},
		{"url env expanded", "postgres://app:${DB_PASSWORD}@db/app", "", ""},
		{"url env percent-encoded", "postgres://app:%24%7BDB_PASSWORD%7D@db/app", "", ""},
		{"url printf", "amqp://%s:%s@%s/", "", ""},
		{"url empty password", "postgres://app:@db/app", "", ""},
		{"url no password", "https://user@example.org/", "", ""},
		{"url same as user", "amqp://guest:guest@localhost:5672/", "", ""},
		{"url angle placeholder", "postgres://app:<password>@db/app", "", ""},
		{"url generic word", "redis://:password@localhost:6379", "", ""},
		{"url path at sign", "https://registry.npmjs.org/@scope/pkg", "", ""},
		{"url raw hash in password", join("postgres://accounts:", "Vq7#", "pL2m9xR4", "@db.internal:5432/accounts"), "password in postgres url", join("Vq7#", "pL2m9xR4")},
		{"url raw question mark in password", join("amqp://svc:", "Zt4?", "kW9qLm2x", "@rabbit:5672/"), "password in amqp url", join("Zt4?", "kW9qLm2x")},
		{"url query at sign", "https://example.org?next=a:b@c", "", ""},
		{"url fragment at sign", "https://example.org#u:Vq7pL2m9xR4@x", "", ""},
		{"mysql dsn", join("app:", pw, "@tcp(db:3306)/app?parseTime=true"), "password in mysql dsn", pw},
		{"mysql dsn local", join("app:", pw, "@/app"), "password in mysql dsn", pw},
		{"mysql empty password", "root:@tcp(127.0.0.1:3306)/app", "", ""},
		{"mysql printf", "%s:%s@tcp(%s)/%s", "", ""},
		{"libpq", join("host=db user=app password=", pw, " dbname=app sslmode=disable"), "password in connection string", pw},
		{"libpq quoted", join("host=db password='", pw, "' dbname=app"), "password in connection string", pw},
		{"ado", join("Server=db;User Id=sa;Password=", pw, ";"), "password in connection string", pw},
		{"jdbc query", join("jdbc:mysql://db:3306/app?user=app&password=", pw), "password in connection string", pw},
		{"ini", join("aws_secret_access_key = ", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "Q9zLmN8pVb"), "aws secret access key in connection string", join("wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "Q9zLmN8pVb")},
		{"kv printf", "host=%s password=%s", "", ""},
		{"kv sql parameter", "UPDATE users SET password=$1 WHERE id=$2", "", ""},
		{"kv sql question", "UPDATE users SET password = ? WHERE id = ?", "", ""},
		{"kv empty", "host=db password= dbname=app", "", ""},
		{"kv generic word", "password=secret", "", ""},
		{"kv identifier", "token=invalid_grant", "", ""},
		{"kv inside word", join("bypasswd=", pw), "", ""},
		{"kv code call", "func lex1(c int) (token int) {\n\ttoken = int(Tok1[0])\n}", "", ""},
		{"kv code index", "\tpassword = args[1]\n", "", ""},
		{"kv code call with string", "\tpassword = getenv(\"DB_PASSWORD\")\n", "", ""},
		{"kv code qualified call", "\tsecret = os.Getenv(\"APP_SECRET\")\n", "", ""},
		{"kv python call", "client = Client(token=os.environ['TOKEN'])", "", ""},
		{"kv python getpass", "password=getpass.getpass()", "", ""},
		{"kv js call", "const token=localStorage.getItem('t')", "", ""},
		{"sql crypt", "UPDATE users SET password = crypt($1, gen_salt('bf')) WHERE id = $2", "", ""},
		{"sql crypt unspaced", "SELECT id FROM users WHERE email=$1 AND password=crypt($2,password)", "", ""},
		{"sql crypt nested", "INSERT INTO users (email, password) VALUES ($1, crypt($2, gen_salt('bf', 8)))", "", ""},
		{"sql sha2", "UPDATE users SET password=SHA2(?,256) WHERE id=?", "", ""},
		{"sql sha2 spaced", "UPDATE users SET password = SHA2(?, 256) WHERE id = ?", "", ""},
		{"sql password()", "UPDATE users SET password=PASSWORD(?) WHERE id=?", "", ""},
		{"sql md5 cast", "UPDATE api_clients SET secret=md5(random()::text) WHERE id=$1", "", ""},
		{"sql uuid", "UPDATE sessions SET token=gen_random_uuid() WHERE user_id=$1", "", ""},
		{"sql encode", "UPDATE users SET api_key=encode(gen_random_bytes(24),'base64') WHERE id=$1", "", ""},
		{"sql upper", "SELECT id FROM api_keys WHERE secret_key=upper($1)", "", ""},
		{"sql decode", "SELECT id FROM sessions WHERE token=decode($1,'hex')", "", ""},
		{"kv parens then more", join("password=", "Kx9(q2", ")Zr,"), "password in connection string", join("Kx9", "(q2)Zr")},
		{"kv parens to the end", join("password=", "Secret(9", ")Xy"), "password in connection string", join("Secret", "(9)Xy")},
		{"kv closing paren outside", join("(password=", "Xy12abcQ", ") AND x"), "password in connection string", join("Xy12", "abcQ")},
		{"kv semicolon then key", join("Password=", "Ab12cdQ", ";Server=db"), "password in connection string", join("Ab12", "cdQ")},
		{"kv comma inside", join("password=", "Ab12cd,Ef34", " host=db"), "password in connection string", join("Ab12cd", ",Ef34")},
		{"kv semicolon then ado key", join("Password=", "Ab12cdQ", ";User Id=sa"), "password in connection string", join("Ab12", "cdQ")},
		{"kv comma then ado key", join("Password=", "Wq8z,Lx3vR1Qp", ";Server=db"), "password in connection string", join("Wq8z", ",Lx3vR1Qp")},
		{"kv semicolon then value then key", join("password=", "Wq8zLx;3vR1Qp", " host=db"), "password in connection string", join("Wq8zLx", ";3vR1Qp")},
		{"kv comma then space", join("password=", "Ab12cdQ", ", host=db"), "password in connection string", join("Ab12", "cdQ")},
		{"yaml spaced", join("db:\n  user: app\n  password: ", pw, "\n"), "password in connection string", pw},
		{"yaml unspaced", join("password:", pw), "password in connection string", pw},
		{"yaml message", "invalid password: expected at least 8 characters", "", ""},
		{"yaml spaced mixed", join("password: ", "Wq8zLx3vR1"), "password in connection string", join("Wq8zLx3vR1")},
		{"yaml spaced comment after", join("  password: ", "Wq8zLx3vR1", "  # prod\n"), "password in connection string", join("Wq8zLx3vR1")},
		{"yaml spaced in quotes", join(`"password: `, "Wq8zLx3vR1", `"`), "password in connection string", join("Wq8zLx3vR1")},
		{"message dated", "secret: rotated-2024-06-01", "", ""},
		{"message words after", "api_key: base64-encoded, 32 bytes", "", ""},
		{"message collation", "password: utf8mb4_unicode_ci", "", ""},
		{"message path", "secret: k8s/default/app-secret", "", ""},
		{"message assignment", "token: X-Request-ID=abc123", "", ""},
		{"message more words", "token: Zq8Lm2Nx7 header missing", "", ""},
		{"yaml vault tag", "auth:\n  token: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n", "", ""},
		{"yaml anchor", "token: &tok Zq8Lm2Nx7\n", "", ""},
		{"yaml spaced words", "token: refresh_v2-enabled", "", ""},
		{"yaml spaced fixture", join("password: ", "Kx9-fixture-pw"), "password in connection string", join("Kx9-fixture-pw")},
		{"yaml spaced lower", join("token: ", "k8s-9f8kq-x1"), "token in connection string", join("k8s-9f8kq-x1")},
		{"yaml prompt", "Enter your password: ", "", ""},
		{"yaml lower with hex", join("token: ", "abc-xyz-", "1a2b3c4d5e6f7a8b9c0d", "\n"), "token in connection string", join("abc-xyz-", "1a2b3c4d5e6f7a8b9c0d")},
		{"yaml lower with random part", join("db:\n  password: ", "app-", "7f3k9x2m1q", "\n"), "password in connection string", join("app-", "7f3k9x2m1q")},
		{"yaml lower with hex part", join("redis:\n  password: ", "kube-token-", "8f7d6c5b4a", "\n"), "password in connection string", join("kube-token-", "8f7d6c5b4a")},
		{"yaml lower leetspeak", join("password: ", "pa55w0rd", "_prod_2024", "\n"), "password in connection string", join("pa55w0rd", "_prod_2024")},
		{"yaml flow mapping", join("{password: ", "Wq8zLx3vR1", ", user: app}"), "password in connection string", join("Wq8zLx3vR1")},
		{"yaml flow mapping at end", join("db: {user: app, password: ", "Wq8zLx3vR1", "}\n"), "password in connection string", join("Wq8zLx3vR1")},
		{"yaml trailing semicolon", join("password: ", "Wq8zLx3vR1", ";\n"), "password in connection string", join("Wq8zLx3vR1")},
		{"message words after comma", "token: Zq8Lm2Nx7, header missing", "", ""},
		{"json", join(`{"password":"`, pw, `"}`), "password in connection string", pw},
		{"json spaced", join(`{"oauth": {"client_secret": "`, pw, `"}}`), "client secret in connection string", pw},
		{"json field name", `{"password": "password_hash", "token": "$1"}`, "", ""},
		{"cli flag", join("--password=", pw), "password in connection string", pw},
		{"pgpassword", join("PGPASSWORD=", pw, " pg_dump app"), "password in connection string", pw},
		{"mysql_pwd", join("MYSQL_PWD=", pw), "password in connection string", pw},
		{"export", join("export DB_PASSWORD=", pw), "password in connection string", pw},
		{"auth header", join("GET / HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer ", "9b1d5f0e7c3a4b2d", "8e6f1a0c9b8d7e6a", "\r\n\r\n"), "token in authorization header", join("9b1d5f0e7c3a4b2d", "8e6f1a0c9b8d7e6a")},
		{"auth header token", join("authorization: token ", pw), "token in authorization header", pw},
		{"auth header placeholder", "Authorization: Bearer <token>", "", ""},
		{"auth header rails token", join(`Authorization: Token token="`, pw, `"`), "token in authorization header", pw},
		{"auth header rails token unquoted", join(`Authorization: Token token=`, pw, `, nonce="x"`), "token in authorization header", pw},
		{"auth header rails token concatenated", `Authorization: Token token="`, "", ""},
		{"auth header rails token at the end", `Authorization: Token token=`, "", ""},
		{"auth header rails template", `Authorization: Token token="%s"`, "", ""},
		{"auth header other key", `Authorization: Token realm=Zq8mW2vLx4Kp`, "", ""},
		{"auth header rails token escaped quotes", join(`curl -H "Authorization: Token token=\"`, "Hx7kLq2Vz9WmQa", `\"" https://api.example.com`), "token in authorization header", join("Hx7kLq2Vz9WmQa")},
		{"auth header bearer key param", join("Authorization: Bearer key=", "Hx7kLq2Vz9WmQa"), "token in authorization header", join("Hx7kLq2Vz9WmQa")},
		{"auth header token key param", join("Authorization: Token key=", "Hx7kLq2Vz9WmQa"), "token in authorization header", join("Hx7kLq2Vz9WmQa")},
		{"auth header bearer sk param", join("Authorization: Bearer sk=", "Hx7kLq2Vz9WmQa"), "token in authorization header", join("Hx7kLq2Vz9WmQa")},
		{"auth header charset", `Authorization: Bearer charset=Zq8mW2vLx4Kp`, "", ""},
		{"auth header error param", `Authorization: Bearer error=Zq8mW2vLx4Kp`, "", ""},
		{"auth header base64 padding", join("Authorization: Bearer ", "Zq8mW2vLx4Kp", "qa="), "token in authorization header", join("Zq8mW2vLx4Kp", "qa=")},
		{"auth header template", "Authorization: Bearer %s", "", ""},
		{"auth header aws", "Authorization: AWS4-HMAC-SHA256 Credential=x", "", ""},
		{"kv brace", join("password=", "Pw(", "9x!z"), "password in connection string", join("Pw(", "9x!z")},
		{"kv parens unspaced", join("host=db password=", "Kx9(q2)Zr", " dbname=x"), "password in connection string", join("Kx9", "(q2)Zr")},
		{"kv parens ado", join("Password=", "My(Pa55)word", ";"), "password in connection string", join("My", "(Pa55)word")},
		{"kv brackets spaced", join("token = ", "s3cr3tQx9[x]"), "token in connection string", join("s3cr3t", "Qx9[x]")},
		{"basic auth", "Basic " + b64(join("app:", pw)), "basic auth credentials", b64(join("app:", pw))},
		{"basic auth generic", "Basic " + b64("user:password"), "", ""},
		{"basic auth not base64", "Basic realm=api", "", ""},
	})
}

func TestIsPlaceholder(t *testing.T) {
	sc := Scanner{Placeholders: []string{"internal-only"}}
	yes := []string{
		"", "   ", "****", "xxxxxxxx", "XXXX-XXXX", "...", "00000000",
		"${DB_PASSWORD}", "$(cat /run/secret)", "$DB_PASSWORD", "$1", ":password", "@pw",
		"%s", "%v", "%[1]s", "{{.Password}}", "<password>", "<your-token>", "{password}",
		"[secret]", "%APPDATA%", "Bearer <token>", "?",
		"changeme", "CHANGE_ME", "ChangeIt", "example-key", "AKIAEXAMPLE", "sample_token",
		"dummy", "my-test-key", "fake_secret_1", "mock", "your_api_key_here", "foo",
		"foobar", "placeholder", "REDACTED", "todo", "notasecret",
		"key-internal-only", // configured
	}
	for _, v := range yes {
		if !sc.IsPlaceholder(v) {
			t.Errorf("IsPlaceholder(%q) = false, want true", v)
		}
	}
	no := []string{
		"S3cr3tPw!x", "hunter22", "p%2Fss", "Zq8Lm2Nx7Vb4Hc1Kd6Pf", "contest99x",
		"micro", "letmein", "secret", "password",
	}
	for _, v := range no {
		if sc.IsPlaceholder(v) {
			t.Errorf("IsPlaceholder(%q) = true, want false", v)
		}
	}
}

func TestLooksLikeSecret(t *testing.T) {
	var sc Scanner
	yes := []string{"S3cr3tPw!x", "hunter22", "Zq8Lm2Nx7Vb4Hc1Kd6Pf", "a1b2c3d4e5", "abcdef123456", "!@#$%^&*9", "admin@123!", "fix-pw-0003", "k8s-9f8kq-x1",
		"wJalrXUtnFEMI/K7MDENG/bPxRfiCYQ9zLmN8pVb", join("eyJhbGciOiJIUzI1NiJ9", ".eyJzdWIiOiIxIn0", ".c2lnbmF0dXJlLXRleHQ"), "Zq8Lm2/Nx7Vb4.Hc1Kd6Pf9",
		"k7Rt/9xQm2Lw.pz4", "Summer/2024.ok", "arn:Zq8Lm2Nx7Vb4", "tls-9f8kq-x1", "x7k2p-token-abc12q", "hunter2-Qx9v.key", "Xk29fLq0Tz8w.env",
		"AuthKey_abc123defg.p8x", "Zq8Lm2_Nx7Vb4Hc1.p8", "p@ssw0rd-Zx9!/AuthKey_ABC123DEFG.p8",
		"Zq8Lm2Nx7Vb4Hc1Q/AuthKey_ABC123DEFG.p8"}
	for _, v := range yes {
		if !sc.LooksLikeSecret(v) {
			t.Errorf("LooksLikeSecret(%q) = false, want true", v)
		}
	}
	no := []string{
		"Authorization", "X-Api-Token", "token_fetch_errors", "https://host/token",
		"DB_PASSWORD", "S3_TOKEN", "application/json", "auth.token.v2", "token_v2", "auth.token.1", "my-app-secret-1",
		"/etc/secrets/db", "./token", "invalid password", "secret", "password123",
		"changeme", "%s", "${TOKEN}", "12345678", "2024-01-02", "aaaaaaa1",
		"$2a$10$abcdefghijklmnopqrstuv", "short", "Passwörd1",
		// protocol tokens and file paths
		"100-continue", "HTTP2-Settings", "HTTP/1.1",
		"x509/client1_key.pem", "certs/server.crt", "testdata/token.json", "client1_key.pem", "tls.key",
		"spiffe_end2end/client.key", "HTTP/3", "max-age=3600",
		// Apple's key files are named by their key id, which is not secret
		"AuthKey_ABC123DEFG.p8", "keys/AuthKey_7XK2M9QP4L.p8", "SubscriptionKey_Q2W3E4R5T6.p8",
		// references to secrets kept elsewhere
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
		"arn:aws:ssm:eu-west-1:123456789012:parameter/billing/db-password",
		"projects/123456789012/secrets/stripe-key/versions/3",
		"default-token-x7k2p", "billing-tls-2024", "registry-creds",
		// character sets and scheme names
		"!@#$%^&*", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdef",
		"AWS4-HMAC-SHA256",
	}
	for _, v := range no {
		if sc.LooksLikeSecret(v) {
			t.Errorf("LooksLikeSecret(%q) = true, want false", v)
		}
	}
}

func TestNameKind(t *testing.T) {
	cases := map[string]string{
		"password": "password", "dbPassword": "password", "DB_PASSWD": "password",
		"Passwd": "password", "adminPass": "password", "passphrase": "password",
		"clientSecret": "secret", "SECRET": "secret", "secretKey": "secret key",
		"awsSecretAccessKey": "secret", "Token": "token", "accessToken": "token",
		"RefreshToken": "token", "bearer": "token", "apiKey": "api key",
		"APIKey": "api key", "api_key": "api key", "apikey": "api key",
		"PrivateKey": "private key", "privatekey": "key", "signingKey": "signing key",
		"hmacKey": "hmac key", "jwtKey": "jwt key", "credentials": "credential",
		// not secrets
		"tokenURL": "", "passwordField": "", "secretName": "", "apiKeyHeader": "",
		"passwordHash": "", "tokenTTL": "", "dbSecretARN": "", "passwordHashAlgo": "", "tokenLifetime": "", "tokenIssuer": "", "jwtAudience": "", "nextPageToken": "", "PublicKey": "",
		"key": "", "cacheKey": "", "tokenizer": "", "passThrough": "",
		"maxTokens": "", "secretsDir": "", "AccessKeyID": "", "name": "",
		"tokenKid": "", "tokenRunes": "", "passwordSpecial": "",
	}
	for name, want := range cases {
		got, ok := NameKind(name)
		if ok != (want != "") || got != want {
			t.Errorf("NameKind(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		join("AKIA", "QYLPMN5HFIQR7XZA"): `"AKIA…" (20 chars)`,
		"hunter22":                       `"hu…" (8 chars)`,
		"micro":                          `"m…" (5 chars)`,
		"pw":                             `"…" (2 chars)`,
		"":                               `"…" (0 chars)`,
		"pässwörter":                     `"pä…" (10 chars)`,
	}
	for in, want := range cases {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestRedactText: the secrets in a text that quotes source code are
// described by their first characters and length, and nothing else of
// the text changes.
func TestRedactText(t *testing.T) {
	cases := map[string]string{
		`argument 1 of curl ("--proxy=http://deploy:` + join("Pr0xy", "Passw0rd") + `@proxy.corp:3128/...")`:       `argument 1 of curl ("--proxy=http://deploy:Pr0…(13 chars)@proxy.corp:3128/...")`,
		`cannot use "` + join("sk_live_", "zfZ1PNluiiQ9Wy9pJyFiRjMO") + `" (untyped string constant) as int value`: `cannot use "sk_l…(32 chars)" (untyped string constant) as int value`,
		`query ("SELECT id FROM u WHERE password='` + join("Hunt3r", "Z2x") + `' AND x=...")`:                      `query ("SELECT id FROM u WHERE password='Hu…(9 chars)' AND x=...")`,
		`password "Pr0…" (13 chars) hard-coded in string literal`:                                                  `password "Pr0…" (13 chars) hard-coded in string literal`,
		`query text passed to db.Query is built from external input (r.URL)`:                                       `query text passed to db.Query is built from external input (r.URL)`,
	}
	pw := join("Hx7kLq2", "Vz9Wm")
	tok := join("Tq9vRw2", "Xy5Zk8Lm")
	// Secrets that a message quotes with Go's escapes, as strconv.Quote
	// writes a command line's lead or a compiler its constant.
	cases[`argument 1 of ssh ("-oProxyCommand=mysql --password=\"`+pw+`\" -h ...")`] = `argument 1 of ssh ("-oProxyCommand=mysql --password=\"Hx7…(12 chars)\" -h ...")`
	cases[`argument 1 of ssh ("-oProxyCommand=curl -d {\"password\":\"`+pw+`\"} ...")`] = `argument 1 of ssh ("-oProxyCommand=curl -d {\"password\":\"Hx7…(12 chars)\"} ...")`
	cases[`argument 1 of ssh ("-oProxyCommand=curl -H \"Authorization: Bearer `+tok+`\" ...")`] = `argument 1 of ssh ("-oProxyCommand=curl -H \"Authorization: Bearer Tq9…(15 chars)\" ...")`
	cases[`cannot use "{\"password\": \"`+pw+`\"}" (untyped string constant) as int value`] = `cannot use "{\"password\": \"Hx7…(12 chars)\"}" (untyped string constant) as int value`
	cases["cannot use `{\"password\": \"Hx7…(12 chars)\"}` (untyped string constant \"{\\\"password\\\": \\\""+pw+"\\\"}\")"] = "cannot use `{\"password\": \"Hx7…(12 chars)\"}` (untyped string constant \"{\\\"password\\\": \\\"Hx7…(12 chars)\\\"}\")"
	// Two levels of quoting: a quoted Go string whose value quotes JSON.
	cases[`lead ("x=\"{\\\"password\\\": \\\"`+pw+`\\\"}\"")`] = `lead ("x=\"{\\\"password\\\": \\\"Hx7…(12 chars)\\\"}\"")`
	// A password with a bracket is hidden to its end.
	cases[`lead ("echo password=`+join("Secret(9", ")Xy")+` done")`] = `lead ("echo password=Se…(11 chars) done")`
	// Look-alikes: escapes with no secret, a quote that opens nothing.
	cases[`lead ("--password=\"$DB_PASSWORD\" -h ...")`] = `lead ("--password=\"$DB_PASSWORD\" -h ...")`
	cases[`a "b\q" c "d`] = `a "b\q" c "d`
	for in, want := range cases {
		if got := RedactText(in); got != want {
			t.Errorf("RedactText(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// TestRedactTextQuoted: redacting quoted text gives the quoted redaction
// of the text, so the escapes stay whole, whatever the secret holds.
func TestRedactTextQuoted(t *testing.T) {
	for _, in := range []string{
		join(`--password="`, "Hx7kLq2Vz9Wm", `" -h db`),
		join(`-H "Authorization: Bearer `, "Tq9vRw2Xy5Zk8Lm", `"`),
		join(`password=`, `"\Qx7kLq2Vz9Wm`),
		join(`{"password":"`, `\"9kLq2Vz9Wm`, `"}`),
		join("password=", "Secret(9)Xy", " host=db"),
	} {
		want := strconv.Quote(RedactText(in))
		if got := RedactText(strconv.Quote(in)); got != want {
			t.Errorf("RedactText(%q)\n = %s\nwant %s", strconv.Quote(in), got, want)
		}
		if _, err := strconv.Unquote(want); err != nil {
			t.Errorf("RedactText(%q) is not well-formed: %v", strconv.Quote(in), err)
		}
	}
}

// TestHashText: each described secret becomes "<secret>", whatever its
// first characters and length; text without one is left as it is.
func TestHashText(t *testing.T) {
	a := RedactText(join(`lead ("--password=\"`, "Hx7kLq2Vz9Wm", `\" -h ...")`))
	b := RedactText(join(`lead ("--password=\"`, "Zq2mWx8Tb3Np7Y", `\" -h ...")`))
	if a == b || HashText(a) != HashText(b) {
		t.Errorf("HashText(%q) = %q, HashText(%q) = %q; want the same", a, HashText(a), b, HashText(b))
	}
	if got, want := HashText(a), `lead ("--password=\"<secret>\" -h ...")`; got != want {
		t.Errorf("HashText(%q) = %q, want %q", a, got, want)
	}
	for _, plain := range []string{
		"query text passed to db.Query is built from external input (r.URL)",
		"waiting…(3 characters) no", "…(12 bytes)", `password "Pr0…" (13 chars) hard-coded`, "…(", "",
	} {
		if got := HashText(plain); got != plain {
			t.Errorf("HashText(%q) = %q, want it unchanged", plain, got)
		}
	}
}

func TestEntropy(t *testing.T) {
	if e := Entropy("aaaaaaaa"); e != 0 {
		t.Errorf("Entropy(aaaaaaaa) = %v, want 0", e)
	}
	if e := Entropy("abcd"); e != 2 {
		t.Errorf("Entropy(abcd) = %v, want 2", e)
	}
	if e := Entropy(ghBody(random30)); e < 4 {
		t.Errorf("Entropy of a random token = %v, want at least 4", e)
	}
}

func TestScanOrderAndOverlap(t *testing.T) {
	var sc Scanner
	key := join("AKIA", "QYLPMN5HFIQR7XZA")
	pw := join("S3cr3t", "Pw!x")
	text := join("postgres://app:", pw, "@db/app ", key)
	ms := sc.Scan(text)
	if len(ms) != 2 || ms[0].Secret(text) != pw || ms[1].Secret(text) != key {
		t.Fatalf("Scan found %v, want the password then the key", ms)
	}
	// A token inside a URL's password is reported once, as the token.
	tok := join("gh", "p_", ghBody(random30))
	text = join("https://user:", tok, "@github.com/")
	ms = sc.Scan(text)
	if len(ms) != 1 || ms[0].Kind != "github personal access token" {
		t.Fatalf("Scan found %v, want only the github token", ms)
	}
}
