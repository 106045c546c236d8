package secrets

import (
	"encoding/base64"
	"net/url"
	"strings"
	"unicode/utf8"
)

// scanURLs finds passwords in the user information of URLs:
// scheme://user:password@host. The scheme names the kind ("password in
// amqp url"). Empty, placeholder and environment-expanded passwords, and
// passwords equal to the user name (guest:guest, the default accounts of
// local brokers and databases), are left out.
func scanURLs(sc *Scanner, s string) []Match {
	var ms []Match
	indexAll(s, "://", func(i int) {
		st := i
		for st > 0 && isSchemeByte(s[st-1]) {
			st--
		}
		if st == i {
			return
		}
		scheme := strings.ToLower(s[st:i])
		rest := s[i+3:]
		// A password written in source often holds a raw '#' or '?',
		// which a URL parser would take for the fragment or query: the
		// user information ends at the last '@' before the path.
		authority := rest
		if k := strings.IndexAny(rest, "/ \t\r\n\"'`<>"); k >= 0 {
			authority = rest[:k]
		}
		at := strings.LastIndexByte(authority, '@')
		if at < 0 || at == len(authority)-1 {
			return // no user information, or no host after it
		}
		user, pass, ok := strings.Cut(authority[:at], ":")
		if !ok || strings.ContainsAny(user, "?#") || !sc.plausiblePassword(unescape(user), unescape(pass)) {
			return // no password, or a query or fragment holding an '@'
		}
		start := i + 3 + len(user) + 1
		ms = append(ms, Match{Kind: "password in " + scheme + " url", Start: start, End: start + len(pass)})
	})
	return ms
}

func isSchemeByte(b byte) bool { return isAlnum(b) || b == '+' || b == '-' || b == '.' }

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// mysqlMarkers follow the "user:password@" of a go-sql-driver/mysql DSN.
var mysqlMarkers = []string{"@tcp(", "@tcp6(", "@udp(", "@unix(", "@/"}

// scanMySQLDSN finds the password of a go-sql-driver/mysql DSN,
// user:password@tcp(host:3306)/db, which has no scheme.
func scanMySQLDSN(sc *Scanner, s string) []Match {
	var ms []Match
	for _, marker := range mysqlMarkers {
		indexAll(s, marker, func(at int) {
			st := at
			for st > 0 && at-st < 512 && !isSpaceOrQuote(s[st-1]) {
				st--
			}
			userinfo := s[st:at]
			user, pass, ok := strings.Cut(userinfo, ":")
			if !ok || user == "" || strings.ContainsAny(user, "/@=") || strings.Contains(pass, "@") {
				return
			}
			if !sc.plausiblePassword(user, pass) {
				return
			}
			start := st + len(user) + 1
			ms = append(ms, Match{Kind: "password in mysql dsn", Start: start, End: at})
		})
	}
	return ms
}

func isSpaceOrQuote(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '"' || b == '\'' || b == '`' || b == '='
}

// kvKeys are the keys whose values are secrets in key=value text: libpq and
// ADO.NET connection strings, JDBC and URL query parameters, ini files.
var kvKeys = []struct{ key, kind string }{
	{"aws_secret_access_key", "aws secret access key"},
	{"client_secret", "client secret"},
	{"access_token", "access token"},
	{"auth_token", "auth token"},
	{"secret_key", "secret key"},
	{"api_key", "api key"},
	{"apikey", "api key"},
	{"pgpassword", "password"},
	{"password", "password"},
	{"passwd", "password"},
	{"pwd", "password"},
	{"secret", "secret"},
	{"token", "token"},
}

// scanKeyValues finds "password=…" and similar settings inside a string,
// separated by spaces, semicolons or ampersands, quoted or not, with ":" or
// "=" between key and value: connection strings, command lines
// ("--password=…", "PGPASSWORD=…"), YAML ("password: …") and JSON
// ("\"password\": \"…\""). The value must look like a secret by itself
// (LooksLikeSecret): "password=%s", "token=$1" and "secret=secret" are not.
func scanKeyValues(sc *Scanner, s string) []Match {
	lower := asciiLower(s)
	var ms []Match
	for _, kv := range kvKeys {
		indexAll(lower, kv.key, func(i int) {
			if i > 0 && !isKeyBoundary(s[i-1]) {
				return
			}
			k := i + len(kv.key)
			if quotedKey(s, i, k) {
				k++ // "password": "…"
			}
			j := skipSpaces(s, k)
			if j >= len(s) || s[j] != '=' && s[j] != ':' {
				return
			}
			sep := s[j]
			spacedBefore := j > k
			k = j + 1
			j = skipSpaces(s, k)
			if j > k && !spacedBefore && sep == '=' {
				return // "password= dbname=app": an empty value
			}
			var quote byte
			if j < len(s) && (s[j] == '\'' || s[j] == '"') {
				quote = s[j]
				j++
			}
			end := j
			for end < len(s) && end-j < 512 && !endsValue(s[end], quote) {
				end++
			}
			spaced := spacedBefore || j > k
			// The whole value is judged: "Wq8z,Lx3vR1Qp", not "Wq8z".
			whole := end
			if quote == 0 {
				whole = valueEnd(s, j, end)
			}
			if end == j || !sc.LooksLikeSecret(s[j:whole]) || quote == 0 && codeLike(s[j:end], s[end:], spaced) {
				return
			}
			if quote == 0 && sep == ':' && j > k && !spacedColonValue(s[j:end], s[end:], inFlowMapping(s[:i])) {
				return // "secret: rotated-2024-06-01", "token: X-Request-ID=abc"
			}
			end = whole
			kind := kv.kind + " in connection string"
			ms = append(ms, Match{Kind: kind, Start: j, End: end})
		})
	}
	return ms
}

// spacedColonValue reports whether v, an unquoted value written after
// "key: " and followed by rest, is a secret as YAML writes one
// ("password: Wq8zLx3vR1") rather than the words of a message ("secret:
// rotated-2024-06-01", "api_key: base64-encoded, 32 bytes"): the value
// ends its line (a YAML comment, or a lone ';', may follow; in a flow
// mapping, flow says so, a ',' or '}'), is not a YAML tag, anchor or
// alias ("!vault", "&x", "*x"), holds no path or assignment ('/', '='),
// and is not made of whole words and numbers only ("enabled"), nor of
// lower-case words joined into a name ("utf8mb4_unicode_ci") unless a
// part of it is random ("app-7f3k9x2m1q").
func spacedColonValue(v, rest string, flow bool) bool {
	if strings.ContainsAny(v, "/=") || strings.IndexByte("!&*|>", v[0]) >= 0 {
		return false
	}
	line, _, _ := strings.Cut(rest, "\n")
	line = strings.TrimLeft(line, " \t\r")
	if strings.HasPrefix(line, ";") && strings.TrimSpace(line[1:]) == "" {
		line = ""
	}
	if flow && line != "" && (line[0] == ',' || line[0] == '}') {
		line = ""
	}
	if line != "" && line[0] != '#' && line[0] != '"' && line[0] != '\'' && line[0] != '`' {
		return false
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r > 0x7f || !isAlnum(byte(r)) })
	wordy, word, random := 0, false, false
	for _, p := range parts {
		digits := strings.Trim(p, "0123456789") == ""
		letters := !strings.ContainsAny(p, "0123456789")
		if len(p) >= 2 && (digits || letters) {
			wordy++
		}
		word = word || letters && len(p) >= 3
		random = random || randomPart(p)
	}
	if wordy == len(parts) {
		return false // "rotated-2024-06-01", "enabled"
	}
	// Lower-case words joined into a name: "utf8mb4_unicode_ci",
	// "refresh_v2-enabled"; not "k8s-9f8kq-x1", nor "app-7f3k9x2m1q".
	return len(parts) < 2 || !word || random || strings.ToLower(v) != v
}

// randomPart reports whether p, a run of letters and digits, mixes them
// as random text or a hex number does, not as a name does ("utf8mb4",
// "v2", "sha256"): at least six characters, three of them digits, two
// letters, and four changes between a digit and a letter ("7f3k9x2m1q",
// "pa55w0rd").
func randomPart(p string) bool {
	if len(p) < 6 {
		return false
	}
	digits, letters, changes := 0, 0, 0
	for i := 0; i < len(p); i++ {
		if isDigit(p[i]) {
			digits++
		} else {
			letters++
		}
		if i > 0 && isDigit(p[i]) != isDigit(p[i-1]) {
			changes++
		}
	}
	return digits >= 3 && letters >= 2 && changes >= 4
}

// inFlowMapping reports whether the end of before, the text before a key,
// is inside a YAML flow mapping on the key's line: a '{' not closed
// since ("{user: app, password: …}"). Only the last 512 bytes are read.
func inFlowMapping(before string) bool {
	before = before[max(0, len(before)-512):]
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		before = before[nl+1:]
	}
	return strings.LastIndexByte(before, '{') > strings.LastIndexByte(before, '}')
}

// valueEnd returns where an unquoted value that starts at j, and that
// endsValue cut at end, really ends: a password goes on past a ')' or
// '}' that closes a bracket of its own ("Secret(9)Xy"), and past a ',',
// ';' or '&' followed by more of it rather than by another setting
// ("Ab12cd,Ef34", not "Ab12cd;Server=db"), to the next white space or
// quote; so no tail of it is left out of the match, and shown.
func valueEnd(s string, j, end int) int {
	limit := min(len(s), j+512)
	for end < limit {
		switch c := s[end]; c {
		case ')', '}':
			open := byte('(')
			if c == '}' {
				open = '{'
			}
			if strings.Count(s[j:end], string(open)) <= strings.Count(s[j:end], string(c)) {
				return end // closes a bracket around the setting
			}
		case ',', ';', '&':
			next := end + 1
			if next == len(s) || endsValue(s[next], 0) || settingFollows(s[next:], c == ';') {
				return end
			}
		default:
			if endsValue(c, 0) {
				return end
			}
		}
		end++
	}
	return end
}

// settingFollows reports whether s starts with another setting's name and
// its '=' or ':' ("Server=db", "user:"); with spaces, ADO.NET's names
// after a ';' ("User Id=sa").
//
// The name must start with a letter, and one with spaces be made of
// letters only, as names are: in "Wq8zLx;3vR1Qp host=db", "3vR1Qp host"
// is the rest of a password.
func settingFollows(s string, spaces bool) bool {
	i, spaced, digits := 0, false, false
	for i < len(s) && i < 64 && (isAlnum(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.' || spaces && s[i] == ' ') {
		spaced = spaced || s[i] == ' '
		digits = digits || isDigit(s[i])
		i++
	}
	if i == 0 || !isLower(s[0]) && !isUpper(s[0]) || spaced && digits {
		return false
	}
	return i < len(s) && (s[i] == '=' || s[i] == ':')
}

// codeLike reports whether an unquoted value, followed by rest, starts as
// program code does: a function's name (lower-case, or qualified:
// os.Getenv) called with arguments that close or start with a string
// ("int(tok[0])", `getenv("DB_PASSWORD")`), or a lower-case variable's
// name indexed ("args[1]", "os.environ['TOKEN']"). Without spaces around
// the "=" (spaced false), which code has and connection strings seldom
// do, only a qualified name counts (getpass.getpass(), as Python and
// JavaScript pass keyword arguments).
func codeLike(v, rest string, spaced bool) bool {
	i := 0
	for i < len(v) && (isAlnum(v[i]) || v[i] == '_' || v[i] == '.') {
		i++
	}
	if i == 0 || !isLower(v[0]) && !isUpper(v[0]) || i == len(v) {
		return false
	}
	name := v[:i]
	if v[i] == '(' && sqlFuncName(name) && callCloses(v[i:]+rest) {
		return true // password=crypt($1, gen_salt('bf')), token=gen_random_uuid()
	}
	if !spaced && !strings.Contains(name, ".") {
		return false
	}
	quoted := rest != "" && strings.IndexByte("\"'`", rest[0]) >= 0
	switch v[i] {
	case '(':
		if !isLower(name[0]) && !strings.Contains(name, ".") {
			return false
		}
		return strings.Contains(v[i:], ")") || strings.HasPrefix(rest, ")") || quoted || callCloses(v[i:]+rest)
	case '[':
		for j := 0; j < len(name); j++ {
			if !isLower(name[j]) && name[j] != '_' && name[j] != '.' {
				return false
			}
		}
		return strings.Contains(v[i:], "]") || quoted
	}
	return false
}

// sqlFuncName reports whether name is written as SQL's functions are, in
// one case throughout: crypt, gen_random_uuid, SHA2, PASSWORD. A password
// with a parenthesis mixes cases ("My(Pa55)word").
func sqlFuncName(name string) bool {
	lower, upper := true, true
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isUpper(c) {
			lower = false
		}
		if isLower(c) {
			upper = false
		}
	}
	return (lower || upper) && !isDigit(name[0])
}

// callCloses reports whether s, which starts with the "(" of a call,
// holds the call's whole argument list, nested calls and quoted strings
// included, and the call ends a value there: "(random()::text) WHERE",
// "(?, 256)", "($2, gen_salt('bf', 8)))". A password's parentheses are
// followed by more of it ("(q2)Zr").
func callCloses(s string) bool {
	depth := 0
	var quote byte
	for i := 0; i < len(s) && i < 512; i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i+1 == len(s) || endsValue(s[i+1], 0) || s[i+1] == ':'
			}
		}
	}
	return false
}

func isKeyBoundary(b byte) bool {
	return strings.IndexByte(" \t\r\n;&?,{(\"'_.-", b) >= 0
}

// quotedKey reports whether the key s[i:k] is quoted, as JSON's keys are:
// the same quote comes right before and right after it.
func quotedKey(s string, i, k int) bool {
	return i > 0 && k < len(s) && (s[i-1] == '"' || s[i-1] == '\'') && s[k] == s[i-1]
}

func endsValue(b, quote byte) bool {
	if quote != 0 {
		return b == quote
	}
	return strings.IndexByte(" \t\r\n;&,)}\"'", b) >= 0
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// asciiLower lowers ASCII letters only, so byte offsets stay the same.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if isUpper(c) {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// authSchemes are the Authorization schemes whose credential is a token
// written as it is, lower-cased.
var authSchemes = []string{"bearer ", "token "}

// scanAuthHeaders finds the token of an Authorization header written in
// text, as in a raw HTTP request: "Authorization: Bearer 9b1d…". Basic
// credentials are scanBasicAuth's; the token must look like a secret by
// itself.
func scanAuthHeaders(sc *Scanner, s string) []Match {
	lower := asciiLower(s)
	var ms []Match
	indexAll(lower, "authorization:", func(i int) {
		if i > 0 && isAlnum(s[i-1]) {
			return
		}
		j := skipSpaces(s, i+len("authorization:"))
		scheme := false
		for _, sch := range authSchemes {
			if strings.HasPrefix(lower[j:], sch) {
				j, scheme = skipSpaces(s, j+len(sch)), true
				break
			}
		}
		if !scheme {
			return
		}
		j, quote, ok := authParam(s, lower, j)
		if !ok {
			return
		}
		end := j
		for end < len(s) && end-j < 4096 && s[end] > ' ' && s[end] < 0x7f && strings.IndexByte("\"'`", s[end]) < 0 {
			if quote == 0 && s[end] == ',' || s[end] == '\\' && end+1 < len(s) && (s[end+1] == '"' || s[end+1] == '\'') {
				break // a list's next item, or an escaped closing quote
			}
			end++
		}
		if !sc.LooksLikeSecret(s[j:end]) {
			return
		}
		ms = append(ms, Match{Kind: "token in authorization header", Start: j, End: end})
	})
	return ms
}

// authParam returns where the credential after an Authorization scheme
// starts, s[j:] being what follows the scheme: there, or, in a parameter
// form (Rails' and Django REST framework's Token token="…", or key=…),
// after the '=' and its quote, if any, escaped or not (token=\"…\"). A
// parameter known to hold no credential (realm=…, charset=…) is not
// read: ok is false.
func authParam(s, lower string, j int) (start int, quote byte, ok bool) {
	k := j
	for k < len(s) && k-j <= 16 && (isLower(s[k]) || s[k] == '_') {
		k++
	}
	if k == j || k >= len(s) || s[k] != '=' || lower[j:k] != "token" && (k+1 == len(s) || s[k+1] == '=') {
		// No lower-case name=: the credential itself, base64's
		// padding ("YWJjZA=") included.
		return j, 0, true
	}
	if nonCredentialParams[lower[j:k]] {
		return 0, 0, false
	}
	k++
	if k+1 < len(s) && s[k] == '\\' && (s[k+1] == '"' || s[k+1] == '\'') {
		return k + 2, s[k+1], true
	}
	if k < len(s) && (s[k] == '"' || s[k] == '\'') {
		return k + 1, s[k], true
	}
	return k, 0, true
}

// nonCredentialParams are the parameters of Authorization and
// WWW-Authenticate headers, and of media types, that hold no credential.
var nonCredentialParams = map[string]bool{
	"realm": true, "charset": true, "scope": true, "error": true,
	"error_description": true, "error_uri": true, "nonce": true,
	"cnonce": true, "algorithm": true, "qop": true, "opaque": true,
	"domain": true, "stale": true, "uri": true, "nc": true,
	"username": true, "userhash": true, "type": true, "version": true,
}

// scanBasicAuth finds HTTP basic credentials, "Basic " and the base64 of
// user:password, as written into Authorization headers.
func scanBasicAuth(sc *Scanner, s string) []Match {
	var ms []Match
	indexAll(s, "Basic ", func(i int) {
		if i > 0 && isAlnum(s[i-1]) {
			return
		}
		st := i + len("Basic ")
		end := runEnd(s, st, func(b byte) bool { return isBase64Std(b) || b == '=' })
		if end-st < 8 || end < len(s) && isAlnum(s[end]) {
			return
		}
		raw, err := base64.StdEncoding.DecodeString(s[st:end])
		if err != nil || !utf8.Valid(raw) {
			return
		}
		user, pass, ok := strings.Cut(string(raw), ":")
		if !ok || !sc.plausiblePassword(user, pass) {
			return
		}
		ms = append(ms, Match{Kind: "basic auth credentials", Start: st, End: end})
	})
	return ms
}

// plausiblePassword reports whether pass, given with user in a URL, DSN or
// basic-auth pair, is a real password rather than a stand-in for one.
func (sc *Scanner) plausiblePassword(user, pass string) bool {
	if len(pass) < 3 || pass == user || sc.IsPlaceholder(pass) || IsGenericWord(pass) {
		return false
	}
	for i := 0; i < len(pass); i++ {
		if pass[i] < 0x20 || pass[i] == 0x7f {
			return false
		}
	}
	return true
}
