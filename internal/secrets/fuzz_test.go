package secrets

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDetectors runs every detector on arbitrary text. None may panic, run
// for long, return a match outside the text or overlapping another, or let
// Redact show a whole secret of more than four characters.
func FuzzDetectors(f *testing.F) {
	seeds := []string{
		"",
		join("AKIA", "QYLPMN5HFIQR7XZA"),
		join("gh", "p_", ghBody(random30)),
		join("np", "m_", ghBody(random30)),
		join("postgres://app:", "S3cr3tPw", "@db/app"),
		join("app:", "S3cr3tPw", "@tcp(db)/app"),
		join("host=db password=", "S3cr3tPw"),
		"Basic " + b64("app:S3cr3tPw"),
		join(b64u(`{"alg":"HS256"}`), ".", b64u(`{"a":1}`), ".", strings.Repeat("Zq8L", 11)),
		"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
		"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n=AB\n-----END PGP PRIVATE KEY BLOCK-----",
		"LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==",
		strings.Repeat("-----BEGIN EC PRIVATE KEY-----", 50),
		strings.Repeat("password=", 200),
		strings.Repeat("a://", 200),
		strings.Repeat("@/", 300),
		"%", "$", "<", "{{", "\xff\xfe",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	sc := Scanner{Placeholders: []string{"fuzz"}}
	f.Fuzz(func(t *testing.T, text string) {
		start := time.Now()
		ms := sc.Scan(text)
		for i, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.Kind == "" {
				t.Fatalf("bad match %+v in text of %d bytes", m, len(text))
			}
			if i > 0 && ms[i-1].End > m.Start {
				t.Fatalf("overlapping matches %+v and %+v", ms[i-1], m)
			}
			secret := m.Secret(text)
			if r := Redact(secret); utf8.RuneCountInString(secret) > 4 && strings.Contains(r, secret) {
				t.Fatalf("Redact(%q) = %s shows the secret", secret, r)
			}
		}
		sc.IsPlaceholder(text)
		sc.LooksLikeSecret(text)
		IsGenericWord(text)
		NameKind(text)
		Entropy(text)
		Redact(text)
		HashText(RedactText(text))
		// Every detector is linear; a second is generous even on a busy
		// machine for the inputs the fuzzer makes (at most a few KB).
		if d := time.Since(start); d > time.Second && len(text) < 1<<16 {
			t.Fatalf("detectors took %v on %d bytes", d, len(text))
		}
	})
}

// TestLinearTime feeds each detector inputs built to make a careless scanner
// quadratic, a megabyte each.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow input sizes")
	}
	var sc Scanner
	inputs := map[string]string{
		"pem begins":     strings.Repeat("-----BEGIN RSA PRIVATE KEY-----", 1<<15) + "-----END RSA PRIVATE KEY-----",
		"pem no end":     strings.Repeat("-----BEGIN EC PRIVATE KEY-----\n", 1<<15),
		"kv keys":        strings.Repeat("password=", 1<<17),
		"mysql markers":  strings.Repeat("a@/", 1<<18),
		"schemes":        strings.Repeat("ab://", 1<<18),
		"jwt starts":     strings.Repeat("eyJ.", 1<<18),
		"token prefixes": strings.Repeat(" SK", 1<<18),
		"base64 pem":     strings.Repeat("LS0tLS1CRUdJT ", 1<<16),
		"long run":       " " + strings.Repeat("A", MaxScan),
	}
	for name, in := range inputs {
		start := time.Now()
		sc.Scan(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: Scan took %v on %d bytes", name, d, len(in))
		}
	}
}
