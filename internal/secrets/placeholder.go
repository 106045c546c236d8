package secrets

import "strings"

// placeholderSubstrings mark a value as a stand-in wherever they occur in
// it, in any case: AWS's documented AKIAIOSFODNN7EXAMPLE, "changeme",
// "your_api_key_here".
var placeholderSubstrings = []string{
	"example", "sample", "dummy", "changeme", "change_me", "change-me",
	"changeit", "placeholder", "redacted", "replaceme", "replace_me",
	"replace-me", "insert_", "insert-", "fixme", "notasecret",
	"not_a_secret", "not-a-secret", "notreal", "not_real", "not-real",
	"your_", "your-", "xxxx",
	"john doe", "jane doe", // the claims of jwt.io's example token
}

// placeholderWords mark a value as a stand-in when one of its words (runs
// of letters split at case changes, digits and punctuation) is one of them.
var placeholderWords = map[string]bool{
	"test": true, "tests": true, "testing": true, "fake": true, "mock": true,
	"dummy": true, "demo": true, "todo": true, "your": true, "yours": true,
	"foo": true, "bar": true, "baz": true, "foobar": true, "none": true,
	"null": true, "nil": true, "undefined": true, "tbd": true, "xxx": true,
}

// genericWords are values that name what they stand for: "password",
// "secret", "admin". They are placeholders in URLs, connection strings and
// in variables named like secrets, but a real key when handed to an API that
// signs or authenticates with whatever it is given (hmac.New, SignedString).
var genericWords = map[string]bool{
	"password": true, "passwd": true, "pass": true, "pwd": true,
	"secret": true, "token": true, "key": true, "apikey": true,
	"api_key": true, "user": true, "username": true, "admin": true,
	"root": true, "guest": true, "default": true, "private": true,
	"privatekey": true, "private_key": true, "secretkey": true,
	"secret_key": true, "accesskey": true, "access_key": true,
}

// IsPlaceholder reports whether v stands in for a secret instead of being
// one: empty or blank, masked ("****", "xxxx"), a template or environment
// reference ("${DB_PASSWORD}", "$TOKEN", "%s", "{{.Password}}", "<token>",
// "%APPDATA%"), or containing a placeholder word (example, changeme, test,
// dummy, your_…) or one of sc.Placeholders.
func (sc *Scanner) IsPlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || masked(v) || templated(v) || sc.hasPlaceholderWord(v)
}

// hasPlaceholderWord reports whether v contains a placeholder substring or
// word, built in or configured.
func (sc *Scanner) hasPlaceholderWord(v string) bool {
	lower := asciiLower(v)
	for _, p := range placeholderSubstrings {
		if strings.Contains(lower, p) {
			return true
		}
	}
	if sc != nil {
		for _, p := range sc.Placeholders {
			if p != "" && strings.Contains(lower, asciiLower(p)) {
				return true
			}
		}
	}
	for _, w := range Words(v) {
		if placeholderWords[w] {
			return true
		}
	}
	return false
}

// masked reports whether v is made only of masking characters, or is one
// character repeated.
func masked(v string) bool {
	if strings.Trim(v, "*xX#?._- ") == "" {
		return true
	}
	return strings.Trim(v, v[:1]) == "" && len(v) > 1
}

// templated reports whether v is, or contains, a reference to be filled in
// by a template engine, a shell, printf or the user.
func templated(v string) bool {
	for _, t := range []string{"${", "$(", "{{", "<%"} {
		if strings.Contains(v, t) {
			return true
		}
	}
	if hasFormatVerb(v) {
		return true
	}
	if (v[0] == '$' || v[0] == ':' || v[0] == '@') && len(v) > 1 && (isAlnum(v[1]) || v[1] == '_') && isIdentOrDigits(v[1:]) {
		return true // $DB_PASSWORD, :password, @password, $1
	}
	if len(v) > 2 {
		first, last := v[0], v[len(v)-1]
		if first == '<' && last == '>' || first == '{' && last == '}' || first == '[' && last == ']' || first == '%' && last == '%' {
			return true
		}
	}
	if i := strings.IndexByte(v, '<'); i >= 0 && strings.IndexByte(v[i:], '>') > 1 {
		return true // "Bearer <token>"
	}
	return v == "?"
}

// hasFormatVerb reports whether v contains a printf verb such as %s, %v or
// %[1]s. Percent-encoded bytes (%2F) are not verbs.
func hasFormatVerb(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		if v[i] != '%' {
			continue
		}
		switch c := v[i+1]; {
		case strings.IndexByte("svqdxXtT+#[", c) >= 0:
			if c == 'd' || c == 'x' || c == 'X' {
				// %d is a verb, %dA (hex escape) is not.
				if i+2 < len(v) && isHexByte(v[i+2]) {
					continue
				}
			}
			return true
		}
	}
	return false
}

func isHexByte(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' }

func isIdentOrDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

// IsGenericWord reports whether v is a word that names a secret rather
// than being one ("password", "secret", "admin"), possibly followed by
// digits or punctuation ("password123", "secret!").
func IsGenericWord(v string) bool {
	w := strings.TrimRight(asciiLower(v), "0123456789!?.#*_-")
	return genericWords[w]
}

// LooksLikeSecret reports whether v could be a password, token or key when
// nothing but a name says it is one: not a placeholder or generic word, at
// least 6 printable ASCII characters without spaces, and not something else
// a variable named like a secret often holds: an identifier, header,
// metric or environment variable name, a URL or path, a password hash, a
// number, a one-character pattern.
func (sc *Scanner) LooksLikeSecret(v string) bool {
	if len(v) < 6 || len(v) > 4096 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] <= ' ' || v[i] >= 0x7f {
			return false
		}
	}
	if sc.IsPlaceholder(v) || IsGenericWord(v) || identifierLike(v) || isHashString(v) {
		return false
	}
	if strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") ||
		strings.HasPrefix(v, "../") || strings.HasPrefix(v, "~/") || fileNameLike(v) || appleKeyFile(v) {
		return false
	}
	if protocolTokens[asciiLower(v)] || settingLike(v) || secretReference(v) {
		return false
	}
	if strings.Trim(v, "0123456789.:-+") == "" {
		return false // numbers, versions, times, ports
	}
	if !hasAlnum(v) || alphabetLike(v) {
		return false // "!@#$%^&*", "ABC…XYZabc…xyz0123456789": character sets
	}
	return Entropy(v) >= 2.0
}

// hasAlnum reports whether v has an ASCII letter or digit.
func hasAlnum(v string) bool {
	for i := 0; i < len(v); i++ {
		if isAlnum(v[i]) {
			return true
		}
	}
	return false
}

// alphabetLike reports whether v is a character set written in order, as
// generators of passwords and tokens hold them: at least 16 characters,
// nearly all of them the one after the character before
// ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").
func alphabetLike(v string) bool {
	if len(v) < 16 {
		return false
	}
	steps := 0
	for i := 1; i < len(v); i++ {
		if v[i] == v[i-1]+1 {
			steps++
		}
	}
	return steps*5 >= (len(v)-1)*4
}

// protocolTokens are words of HTTP's grammar that functions take in a
// parameter named token (an RFC 9110 token, not a credential).
var protocolTokens = map[string]bool{
	"100-continue": true, "http2-settings": true,
	"http/1.0": true, "http/1.1": true, "http/2": true, "http/2.0": true, "http/3": true,
	"aws4-hmac-sha256": true, // the Authorization scheme of AWS's signatures
}

// fileExts are the extensions of the files a secret is kept in: a value
// ending in one is the file's name, not the secret.
var fileExts = map[string]bool{
	"pem": true, "crt": true, "cer": true, "key": true, "der": true, "p12": true, "pfx": true, "jks": true,
	"json": true, "yaml": true, "yml": true, "toml": true, "txt": true, "conf": true, "cfg": true, "ini": true, "env": true,
}

// fileNameLike reports whether v reads as the name of a file: written in
// lower-case letters, digits, "_", "-", "." and "/", as file names in a
// repository are (random text has capitals), and either a file name with
// one of fileExts ("client1_key.pem") or a relative path ending in an
// extension of 2 to 4 letters ("x509/client1_key.pem").
func fileNameLike(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isLower(c) && !isDigit(c) && strings.IndexByte("_-./", c) < 0 {
			return false
		}
	}
	dot := strings.LastIndexByte(v, '.')
	if dot <= 0 || dot == len(v)-1 {
		return false
	}
	ext := v[dot+1:]
	if fileExts[ext] {
		return true
	}
	if !strings.Contains(v[:dot], "/") || len(ext) < 2 || len(ext) > 4 {
		return false
	}
	for i := 0; i < len(ext); i++ {
		if !isLower(ext[i]) {
			return false
		}
	}
	return true
}

// appleKeyFile reports whether v names a private key file as Apple's
// developer portal names them, by a kind and the key's 10-character id
// ("AuthKey_ABC123DEFG.p8", "SubscriptionKey_Q2W3E4R5T6.p8"): the id is
// public, the key is in the file.
func appleKeyFile(v string) bool {
	dir, base := "", v
	if i := strings.LastIndexByte(v, '/'); i >= 0 {
		dir, base = v[:i], v[i+1:]
	}
	for i := 0; i < len(dir); i++ {
		// A folder is written as repositories name them, like
		// fileNameLike's: random text before the name is a secret.
		if c := dir[i]; !isLower(c) && !isDigit(c) && strings.IndexByte("_-./", c) < 0 {
			return false
		}
	}
	kind, rest, ok := strings.Cut(base, "_")
	id, ok2 := strings.CutSuffix(rest, ".p8")
	if !ok || !ok2 || len(id) != 10 {
		return false
	}
	switch kind {
	case "AuthKey", "ApiKey", "SubscriptionKey":
	default:
		return false
	}
	for i := 0; i < len(id); i++ {
		if !isUpper(id[i]) && !isDigit(id[i]) {
			return false
		}
	}
	return true
}

// settingLike reports whether v is a directive with a number
// ("max-age=3600"), as HTTP headers carry.
func settingLike(v string) bool {
	name, num, ok := strings.Cut(v, "=")
	if !ok || name == "" || num == "" || strings.Trim(num, "0123456789") != "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isLower(name[i]) && name[i] != '-' && name[i] != '_' {
			return false
		}
	}
	return true
}

// identifierLike reports whether v reads as a name rather than a secret:
// words of letters joined by separators ("Authorization", "X-Api-Token",
// "token_fetch_errors", "application/json", "auth.token"), or an
// environment variable name ("DB_PASSWORD", "S3_TOKEN"), or lower-case
// words joined by separators with at most version numbers ("token_v2").
func identifierLike(v string) bool {
	lettersOnly := true
	upperSnake := isUpper(v[0])
	lowerSep := isLower(v[0])
	hasSep := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		sep := strings.IndexByte("-_.:/@", c) >= 0
		if sep {
			hasSep = true
		}
		if !isUpper(c) && !isLower(c) && !sep {
			lettersOnly = false
		}
		if !isUpper(c) && !isDigit(c) && c != '_' {
			upperSnake = false
		}
		if !isLower(c) && !isDigit(c) && !sep {
			lowerSep = false
		}
	}
	return lettersOnly || upperSnake && strings.Contains(v, "_") || lowerSep && hasSep && versionDigitsOnly(v)
}

// versionDigitsOnly reports whether every separated part of v that has
// digits is a short number or a version ("v2", "2"), as in "token_v2" or
// "auth.token.1", unlike the digits of "fix-pw-0003".
func versionDigitsOnly(v string) bool {
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("-_.:/@", r) }) {
		if !strings.ContainsAny(part, "0123456789") {
			continue
		}
		n := strings.TrimPrefix(part, "v")
		if len(n) > 2 || strings.Trim(n, "0123456789") != "" {
			return false
		}
	}
	return true
}

// isHashString reports whether v is a password hash in modular crypt or
// LDAP form, which is not the password itself.
func isHashString(v string) bool {
	for _, p := range []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$pbkdf2", "$1$", "$5$", "$6$", "{SSHA}", "{SHA}", "{SSHA512}", "{CRYPT}"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// Words splits an identifier or setting name v into lower-case words of
// letters: at anything that is not a letter, and before an upper-case
// letter that follows a lower-case one. An upper-case run followed by a
// lower-case letter ends before its last letter ("APIKey" is "api", "key";
// core.sshCommand is "core", "ssh", "command").
func Words(v string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, asciiLower(v[start:end]))
		}
		start = -1
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isUpper(c) && !isLower(c) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := v[i-1]
		if isUpper(c) && isLower(prev) {
			flush(i)
			start = i
		} else if isLower(c) && isUpper(prev) && i-1 > start {
			flush(i - 1)
			start = i - 1
		}
	}
	flush(len(v))
	return out
}

// secretReference reports whether v names a secret kept elsewhere, as
// the rule advises: an AWS ARN ("arn:aws:secretsmanager:…:secret:prod/db-AbCdEf"),
// a Google Secret Manager name ("projects/123/secrets/stripe-key/versions/3"),
// or a Kubernetes Secret object's name (k8sSecretName).
func secretReference(v string) bool {
	if strings.HasPrefix(v, "arn:") && strings.Count(v, ":") >= 5 {
		return true
	}
	if rest, ok := strings.CutPrefix(v, "projects/"); ok && strings.Contains(rest, "/secrets/") {
		return true
	}
	return k8sSecretName(v)
}

// k8sSecretKinds are words that name what a Kubernetes Secret holds, as
// its name says: "billing-tls-2024", "registry-creds".
var k8sSecretKinds = map[string]bool{
	"tls": true, "ssl": true, "cert": true, "certs": true, "creds": true,
	"cred": true, "credentials": true, "secret": true, "secrets": true,
	"regcred": true, "dockercfg": true, "keystore": true, "truststore": true,
}

// k8sSecretName reports whether v is the name of a Kubernetes Secret
// object: a lower-case DNS label that is a service account's token
// Secret ("default-token-x7k2p", whose last part is five random
// characters), or words and numbers one of which says what the Secret
// holds ("billing-tls-2024").
func k8sSecretName(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isLower(c) && !isDigit(c) && c != '-' {
			return false
		}
	}
	parts := strings.Split(v, "-")
	if n := len(parts); n >= 3 && parts[n-2] == "token" && len(parts[n-1]) == 5 {
		return true
	}
	kind := false
	for _, p := range parts {
		if p == "" || strings.Trim(p, "abcdefghijklmnopqrstuvwxyz") != "" && strings.Trim(p, "0123456789") != "" {
			return false // empty, or letters and digits mixed
		}
		kind = kind || k8sSecretKinds[p]
	}
	return kind
}
