package secrets

// notSecretLast are last words of a name that make it the name of something
// about a secret rather than the secret: tokenURL, passwordField,
// secretName, apiKeyHeader, passwordHash, tokenTTL.
var notSecretLast = map[string]bool{
	"name": true, "names": true, "path": true, "paths": true, "file": true,
	"filename": true, "dir": true, "url": true, "uri": true, "urls": true,
	"endpoint": true, "host": true, "addr": true, "address": true,
	"header": true, "headers": true, "field": true, "fields": true,
	"env": true, "var": true, "variable": true, "id": true, "ids": true,
	"type": true, "types": true, "kind": true, "len": true, "length": true,
	"size": true, "ttl": true, "expiry": true, "expires": true,
	"expiration": true, "timeout": true, "duration": true, "count": true,
	"metric": true, "metrics": true, "label": true, "labels": true,
	"param": true, "params": true, "prefix": true, "suffix": true,
	"regex": true, "regexp": true, "re": true, "pattern": true,
	"format": true, "fmt": true, "layout": true, "template": true,
	"tmpl": true, "error": true, "errors": true, "err": true, "msg": true,
	"message": true, "mode": true, "scope": true, "scopes": true,
	"method": true, "policy": true, "hash": true, "hashed": true,
	"sha": true, "md5": true, "digest": true, "checksum": true,
	"fingerprint": true, "sum": true, "encoding": true, "algorithm": true,
	"alg": true, "version": true, "provider": true, "source": true,
	"store": true, "manager": true, "ref": true, "location": true,
	"topic": true, "queue": true, "route": true, "routes": true,
	"description": true, "desc": true, "text": true, "title": true,
	"placeholder": true, "hint": true, "prompt": true, "column": true,
	"table": true, "attr": true, "attribute": true, "property": true,
	"flag": true, "option": true, "opt": true, "max": true, "min": true, "limit": true, "rule": true, "rules": true,
	"enabled": true, "required": true, "valid": true, "invalid": true,
	"expired": true, "reset": true, "changed": true, "change": true,
	"update": true, "command": true, "cmd": true, "query": true,
	"sql": true, "stmt": true, "handler": true, "func": true, "fn": true,
	"service": true, "svc": true, "chars": true, "charset": true,
	"alphabet": true, "characters": true, "symbols": true, "letters": true,
	"digits": true, "separator": true, "sep": true, "delimiter": true,
	"mask": true, "redacted": true, "keys": true,
	"tokens": true, "secrets": true, "passwords": true,
	"state": true, "status": true, "usage": true,
	"def": true, "cache": true, "pool": true,
	"arn": true, "algo": true, "lifetime": true, "issuer": true,
	"audience": true, "aud": true, "iss": true, "age": true,
	"kid": true, "rune": true, "runes": true, "special": true, "specials": true,
}

// keyQualifiers are the words before "key" that make it a secret key:
// apiKey, privateKey, signingKey, hmacKey.
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true,
	"signing": true, "sign": true, "encryption": true, "encrypt": true,
	"hmac": true, "jwt": true, "master": true, "auth": true,
	"session": true, "client": true, "app": true, "license": true,
	"crypto": true, "aes": true, "shared": true, "root": true,
	"cipher": true, "decryption": true, "subscription": true,
}

// notTokenQualifiers are words before "token" that make it something else:
// nextPageToken, continuationToken, cursorToken, csrfTokenHeader is handled
// by its last word.
var notTokenQualifiers = map[string]bool{
	"page": true, "next": true, "continuation": true, "cursor": true,
	"sync": true, "pagination": true, "max": true, "min": true,
	"num": true, "end": true, "start": true, "eof": true, "lex": true,
	"parse": true, "parser": true, "lexer": true, "scanner": true,
}

// NameKind reports whether an identifier, struct field or map key name says
// its value is a secret, and what kind: "password", "secret", "token",
// "api key", "private key", "credential". Names of things about secrets
// ("tokenURL", "passwordField", "secretName", "nextPageToken") are not
// secrets. A name is only a signal: callers still check the value.
func NameKind(name string) (kind string, ok bool) {
	ws := Words(name)
	if len(ws) == 0 {
		return "", false
	}
	last := ws[len(ws)-1]
	if notSecretLast[last] {
		return "", false
	}
	for i, w := range ws {
		prev := ""
		if i > 0 {
			prev = ws[i-1]
		}
		switch w {
		case "password", "passwd", "pwd", "passphrase", "pw", "passcode":
			return "password", true
		case "pass":
			if i == len(ws)-1 || ws[i+1] == "word" || ws[i+1] == "phrase" {
				return "password", true
			}
		case "secret":
			if i == len(ws)-1 || ws[i+1] != "key" {
				return "secret", true
			}
		case "token":
			if notTokenQualifiers[prev] {
				return "", false
			}
			return "token", true
		case "bearer":
			return "token", true
		case "apikey", "apitoken":
			return "api key", true
		case "privatekey", "secretkey", "signingkey", "accesskey", "hmackey", "encryptionkey":
			return "key", true
		case "credential", "credentials", "creds":
			return "credential", true
		case "key":
			if keyQualifiers[prev] {
				if prev == "api" {
					return "api key", true
				}
				if prev == "private" {
					return "private key", true
				}
				return prev + " key", true
			}
		}
	}
	return "", false
}
