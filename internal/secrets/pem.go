package secrets

import (
	"bytes"
	"encoding/base64"
	"encoding/pem"
	"strings"
)

const (
	pemBegin = "-----BEGIN "
	pemEnd   = "-----END "
	dashes   = "-----"
)

// pemKinds names the private-key block types, by PEM type.
var pemKinds = map[string]string{
	"RSA PRIVATE KEY":            "rsa private key",
	"EC PRIVATE KEY":             "ec private key",
	"DSA PRIVATE KEY":            "dsa private key",
	"OPENSSH PRIVATE KEY":        "openssh private key",
	"PRIVATE KEY":                "pkcs#8 private key",
	"ENCRYPTED PRIVATE KEY":      "encrypted pkcs#8 private key",
	"PGP PRIVATE KEY BLOCK":      "pgp private key block",
	"NATS USER NKEY SEED":        "nats nkey seed",
	"USER NKEY SEED":             "nats nkey seed",
	"ANY PRIVATE KEY":            "private key",
	"X25519 PRIVATE KEY":         "x25519 private key",
	"ED25519 PRIVATE KEY":        "ed25519 private key",
	"SSH2 ENCRYPTED PRIVATE KEY": "ssh2 private key",
}

// scanPEM finds PEM blocks holding private keys, encrypted or not. Public
// keys and certificates are not secrets and are never matched. A block must
// have its END line and a body that decodes to key material of a plausible
// shape, so the "-----BEGIN RSA PRIVATE KEY-----\n...\n" of documentation
// is not a key. Escaped newlines (`\n` written as two characters, as in JSON
// service-account files) are accepted.
func scanPEM(sc *Scanner, s string) []Match {
	var ms []Match
	nextEnd := map[string]int{} // by type: offset of the next END line, -1 if none
	for off := 0; off < len(s); {
		k := strings.Index(s[off:], pemBegin)
		if k < 0 {
			break
		}
		i := off + k
		off = i + 1
		typEnd := strings.Index(s[i+len(pemBegin):min(len(s), i+len(pemBegin)+41)], dashes)
		if typEnd < 0 {
			continue
		}
		typ := s[i+len(pemBegin) : i+len(pemBegin)+typEnd]
		kind, ok := pemKinds[typ]
		if !ok {
			continue
		}
		endLine := pemEnd + typ + dashes
		e, seen := nextEnd[typ]
		if !seen || e >= 0 && e < i {
			// Searched again only once past the last END: linear overall.
			e = strings.Index(s[i:], endLine)
			if e >= 0 {
				e += i
			}
			nextEnd[typ] = e
		}
		if e < 0 || e-i > maxRun {
			continue
		}
		j := e - i
		end := i + j + len(endLine)
		off = end // a block is looked at once, whatever BEGIN lines it holds
		// No placeholder words are looked for: a key's base64 body is long
		// enough to hold "test" or "xxxx" by chance. Documentation keys
		// have bodies that do not decode to a key and fail here instead.
		if !plausibleKeyBlock(typ, s[i:end]) {
			continue
		}
		if strings.Contains(s[i:end], "Proc-Type: 4,ENCRYPTED") {
			kind = "encrypted " + kind
		}
		ms = append(ms, Match{Kind: kind, Start: i, End: end})
	}
	return ms
}

// plausibleKeyBlock decodes block and looks at the start of its body: DER
// key structures start with a SEQUENCE, OpenSSH keys with their magic, and
// legacy encrypted blocks are random bytes of some length.
func plausibleKeyBlock(typ, block string) bool {
	text := strings.ReplaceAll(block, `\n`, "\n")
	text = strings.ReplaceAll(text, `\r`, "")
	if typ == "PGP PRIVATE KEY BLOCK" {
		return armoredBodyLen(text) >= 64
	}
	p, _ := pem.Decode([]byte(text))
	if p == nil || len(p.Bytes) < 32 {
		return false
	}
	switch {
	case p.Headers["DEK-Info"] != "":
		return true
	case typ == "OPENSSH PRIVATE KEY":
		return bytes.HasPrefix(p.Bytes, []byte("openssh-key-v1\x00"))
	case strings.Contains(typ, "NKEY SEED"):
		return ValidNkeySeed(strings.TrimSpace(string(p.Bytes)))
	default:
		return p.Bytes[0] == 0x30
	}
}

// armoredBodyLen counts the base64 characters of an OpenPGP armored block,
// which pem.Decode does not read because of its checksum line.
func armoredBodyLen(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "-----") || strings.HasPrefix(line, "=") || strings.Contains(line, ": ") {
			continue
		}
		if strings.Trim(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != "" {
			return 0
		}
		n += len(line)
	}
	return n
}

// base64PEMPrefix is "-----BEGIN" in base64: go-micro's auth.PrivateKey and
// Kubernetes secrets take PEM keys base64-encoded.
const base64PEMPrefix = "LS0tLS1CRUdJT"

// scanBase64PEM finds base64-encoded PEM private-key blocks.
func scanBase64PEM(sc *Scanner, s string) []Match {
	var ms []Match
	indexAll(s, base64PEMPrefix, func(i int) {
		if i > 0 && isBase64Std(s[i-1]) {
			return
		}
		end := runEnd(s, i, func(b byte) bool { return isBase64Std(b) || b == '=' })
		raw, err := base64.StdEncoding.DecodeString(s[i:end])
		if err != nil {
			return
		}
		inner := scanPEM(sc, string(raw))
		if len(inner) == 0 {
			return
		}
		ms = append(ms, Match{Kind: "base64-encoded " + inner[0].Kind, Start: i, End: end})
	})
	return ms
}
