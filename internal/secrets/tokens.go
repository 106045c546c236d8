package secrets

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"strings"
)

// tokenFormat is a token that starts with a fixed prefix, followed by a body
// of a known alphabet and length. The body is the longest run of bytes that
// satisfy charset; a run of the wrong length is a near miss, not a token.
type tokenFormat struct {
	prefix   string
	kind     string
	charset  func(byte) bool
	min, max int               // bounds on the body length
	check    func(string) bool // further structure of the body, or nil
}

var tokenFormats = []tokenFormat{
	// AWS access key ids: four-letter type, then 16 base32 characters that
	// encode the account and a serial. There is no checksum.
	{prefix: "AKIA", kind: "aws access key id", charset: isUpperOrDigit, min: 16, max: 16, check: isBase32},
	{prefix: "ASIA", kind: "aws temporary access key id", charset: isUpperOrDigit, min: 16, max: 16, check: isBase32},
	{prefix: "ABIA", kind: "aws sts service bearer token id", charset: isUpperOrDigit, min: 16, max: 16, check: isBase32},
	{prefix: "ACCA", kind: "aws context-specific credential id", charset: isUpperOrDigit, min: 16, max: 16, check: isBase32},

	// GitHub tokens since 2021: 30 random base62 characters and a CRC32
	// checksum of them written as 6 base62 digits.
	{prefix: "ghp_", kind: "github personal access token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},
	{prefix: "gho_", kind: "github oauth access token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},
	{prefix: "ghu_", kind: "github user-to-server token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},
	{prefix: "ghs_", kind: "github server-to-server token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},
	{prefix: "ghr_", kind: "github refresh token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},
	// Fine-grained tokens: 22 and 59 base62 characters around an underscore.
	{prefix: "github_pat_", kind: "github fine-grained personal access token", charset: isAlnumOrUnderscore, min: 82, max: 82, check: validGitHubPAT},

	// npm tokens follow GitHub's scheme.
	{prefix: "npm_", kind: "npm access token", charset: isAlnum, min: 36, max: 36, check: validBase62CRC},

	// GitLab: 20 characters in the classic form, longer routable tokens
	// (with dots) since GitLab 17.
	{prefix: "glpat-", kind: "gitlab personal access token", charset: isGitLabBody, min: 20, max: 200, check: variedEnough},
	{prefix: "gldt-", kind: "gitlab deploy token", charset: isGitLabBody, min: 20, max: 200, check: variedEnough},
	{prefix: "glrt-", kind: "gitlab runner token", charset: isGitLabBody, min: 20, max: 200, check: variedEnough},
	{prefix: "glptt-", kind: "gitlab pipeline trigger token", charset: isGitLabBody, min: 20, max: 200, check: variedEnough},

	// Slack: numeric team and user ids, then the secret part.
	{prefix: "xoxb-", kind: "slack bot token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "xoxp-", kind: "slack user token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "xoxa-", kind: "slack app token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "xoxr-", kind: "slack refresh token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "xoxs-", kind: "slack session token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "xoxe-", kind: "slack configuration token", charset: isAlnumOrDash, min: 30, max: 250, check: validSlack},
	{prefix: "https://hooks.slack.com/services/", kind: "slack webhook url", charset: isAlnumOrSlash, min: 44, max: 80, check: validSlackWebhook},

	// Stripe live keys; test-mode keys (sk_test_) are not reported.
	{prefix: "sk_live_", kind: "stripe secret key", charset: isAlnum, min: 24, max: 247, check: variedEnough},
	{prefix: "rk_live_", kind: "stripe restricted key", charset: isAlnum, min: 24, max: 247, check: variedEnough},

	// Google API keys: "AIza" and 35 base64url characters.
	{prefix: "AIza", kind: "google api key", charset: isBase64URL, min: 35, max: 35, check: variedEnough},

	// SendGrid: "SG." then a 22-character id, a dot and a 43-character secret.
	{prefix: "SG.", kind: "sendgrid api key", charset: isBase64URLOrDot, min: 66, max: 66, check: validSendGrid},

	// Twilio API key sids: "SK" and 32 lowercase hexadecimal digits.
	{prefix: "SK", kind: "twilio api key", charset: isAlnum, min: 32, max: 32, check: isLowerHex},

	// PyPI: a base64url macaroon whose location is pypi.org.
	{prefix: "pypi-", kind: "pypi api token", charset: isBase64URL, min: 50, max: 1000, check: validPyPI},
}

func scanTokens(sc *Scanner, s string) []Match {
	var ms []Match
	for _, f := range tokenFormats {
		indexAll(s, f.prefix, func(i int) {
			if i > 0 && isAlnum(s[i-1]) {
				return // inside a longer word
			}
			start := i + len(f.prefix)
			end := runEnd(s, start, f.charset)
			if n := end - start; n < f.min || n > f.max {
				return
			}
			body := s[start:end]
			if f.check != nil && !f.check(body) {
				return
			}
			if sc.IsPlaceholder(s[i:end]) {
				return
			}
			ms = append(ms, Match{Kind: f.kind, Start: i, End: end})
		})
	}
	return ms
}

func isUpperOrDigit(b byte) bool      { return isUpper(b) || isDigit(b) }
func isAlnumOrUnderscore(b byte) bool { return isAlnum(b) || b == '_' }
func isAlnumOrDash(b byte) bool       { return isAlnum(b) || b == '-' }
func isAlnumOrSlash(b byte) bool      { return isAlnum(b) || b == '/' }
func isBase64URLOrDot(b byte) bool    { return isBase64URL(b) || b == '.' }
func isGitLabBody(b byte) bool        { return isBase64URL(b) || b == '.' }

// isBase32 reports whether s is in the RFC 4648 base32 alphabet (A-Z, 2-7),
// which excludes the digits 0, 1, 8 and 9.
func isBase32(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpper(s[i]) && !('2' <= s[i] && s[i] <= '7') {
			return false
		}
	}
	return true
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHexLower(s[i]) {
			return false
		}
	}
	return true
}

// variedEnough rejects bodies that are obviously typed by hand: one
// character repeated, or too few distinct characters to be random.
func variedEnough(s string) bool {
	var seen [256]bool
	distinct := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			distinct++
		}
	}
	return distinct >= 8 || distinct*2 > len(s)
}

// base62Digits is the alphabet of GitHub's and npm's checksums.
const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// Base62CRC returns the 6-character checksum that GitHub and npm tokens end
// with: the CRC-32 (IEEE) of the random part, in base62, padded with zeros.
func Base62CRC(random string) string {
	v := crc32.ChecksumIEEE([]byte(random))
	var buf [6]byte
	for i := len(buf) - 1; i >= 0; i-- {
		buf[i] = base62Digits[v%62]
		v /= 62
	}
	return string(buf[:])
}

// validBase62CRC checks a 36-character body: 30 random characters, then
// their checksum.
func validBase62CRC(body string) bool {
	return len(body) == 36 && Base62CRC(body[:30]) == body[30:]
}

func validGitHubPAT(body string) bool {
	if len(body) != 82 || body[22] != '_' {
		return false
	}
	return !strings.Contains(body[:22], "_") && !strings.Contains(body[23:], "_") && variedEnough(body)
}

// validSlack checks the dash-separated parts after the prefix: numeric ids
// and a final secret part of at least 24 characters.
func validSlack(body string) bool {
	parts := strings.Split(body, "-")
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	if len(last) < 24 || !variedEnough(last) {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// validSlackWebhook checks "T…/B…/secret" after the services/ prefix.
func validSlackWebhook(body string) bool {
	parts := strings.Split(body, "/")
	if len(parts) != 3 {
		return false
	}
	id := func(p string, lead byte) bool {
		return len(p) >= 9 && p[0] == lead && strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
	}
	return id(parts[0], 'T') && id(parts[1], 'B') && len(parts[2]) >= 24 && variedEnough(parts[2])
}

func validSendGrid(body string) bool {
	return len(body) == 66 && body[22] == '.' && strings.Count(body, ".") == 1 && variedEnough(body[23:])
}

// validPyPI decodes the start of the macaroon: format version 2, then a
// location field (type 1) naming pypi.org or test.pypi.org.
func validPyPI(body string) bool {
	n := min(len(body), 64) / 4 * 4
	head, err := base64.RawURLEncoding.DecodeString(body[:n])
	if err != nil || len(head) < 3 || head[0] != 0x02 || head[1] != 0x01 {
		return false
	}
	l := int(head[2])
	if 3+l > len(head) {
		return false
	}
	loc := string(head[3 : 3+l])
	return loc == "pypi.org" || loc == "test.pypi.org"
}

// scanJWT finds JSON web tokens: three base64url parts whose first decodes
// to a JSON object naming a signing algorithm, whose second decodes to a JSON
// object, and whose third, the signature, is not empty. Unsigned tokens
// (alg "none") carry no credential and are left out.
func scanJWT(sc *Scanner, s string) []Match {
	var ms []Match
	indexAll(s, "eyJ", func(i int) {
		if i > 0 && (isBase64URL(s[i-1]) || s[i-1] == '.') {
			return
		}
		h := runEnd(s, i, isBase64URL)
		if h >= len(s) || s[h] != '.' {
			return
		}
		p := runEnd(s, h+1, isBase64URL)
		if p >= len(s) || s[p] != '.' || p == h+1 {
			return
		}
		end := runEnd(s, p+1, isBase64URL)
		if end-(p+1) < 16 || end < len(s) && s[end] == '.' {
			return // no real signature, or a five-part JWE
		}
		var header struct {
			Alg string `json:"alg"`
		}
		if !decodeJSON(s[i:h], &header) || header.Alg == "" || strings.EqualFold(header.Alg, "none") {
			return
		}
		var claims map[string]any
		if !decodeJSON(s[h+1:p], &claims) {
			return
		}
		// Placeholders show in the claims ("sub": "test-user", an
		// example.com issuer), not in their base64.
		raw, _ := base64.RawURLEncoding.DecodeString(s[h+1 : p])
		if sc.hasPlaceholderWord(string(raw)) {
			return
		}
		ms = append(ms, Match{Kind: "json web token", Start: i, End: end})
	})
	return ms
}

func decodeJSON(b64 string, v any) bool {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(b64, "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

// scanNkeySeeds finds NATS nkey seeds: 58 base32 characters starting with
// "S" that decode to a seed prefix byte, 34 bytes of type and key, and a
// CRC-16 (XMODEM, little-endian) of them.
func scanNkeySeeds(sc *Scanner, s string) []Match {
	var ms []Match
	indexAll(s, "S", func(i int) {
		if i > 0 && isAlnum(s[i-1]) {
			return
		}
		end := runEnd(s, i, isUpperOrDigit)
		if end-i != 58 || !isBase32(s[i:end]) || !ValidNkeySeed(s[i:end]) {
			return
		}
		if sc.IsPlaceholder(s[i:end]) {
			return
		}
		ms = append(ms, Match{Kind: "nats nkey seed", Start: i, End: end})
	})
	return ms
}

var nkeyEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// ValidNkeySeed reports whether seed is an encoded NATS nkey seed with a
// correct checksum.
func ValidNkeySeed(seed string) bool {
	raw, err := nkeyEncoding.DecodeString(seed)
	if err != nil || len(raw) != 36 || raw[0]>>3 != 18 {
		return false
	}
	return crc16(raw[:34]) == binary.LittleEndian.Uint16(raw[34:])
}

// crc16 is CRC-16/XMODEM (polynomial 0x1021, initial value 0), the
// checksum of NATS nkeys.
func crc16(b []byte) uint16 {
	var crc uint16
	for _, c := range b {
		crc ^= uint16(c) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}
