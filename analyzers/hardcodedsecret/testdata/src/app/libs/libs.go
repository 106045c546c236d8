// Package libs passes secrets to the standard library and to common client
// libraries.
package libs

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"net/http"
	"net/url"
	"os"

	jwt4 "github.com/golang-jwt/jwt/v4"
	jwt5 "github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
	natsp "github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	clientv3 "go.etcd.io/etcd/client/v3"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// keyPEM reaches tls.X509KeyPair through []byte.
const keyPEM = "-----BEGIN EC " + "PRIVATE KEY-----\n" + keyBody + "\n-----END EC PRIVATE KEY-----\n" // want `ec private key "----…" \(\d+ chars\) hard-coded in tls.X509KeyPair key` keyPEM:"hard-coded ec private key"

const certPEM = "-----BEGIN CERTIFICATE-----\n" + keyBody + "\n-----END CERTIFICATE-----\n" // ok: a certificate

const keyBody = "MIIBAGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIGZpeHR1cmUga2V5IG1hdGVyaWFsLCBub3QgYSBrZXkuIA=="

func certs() {
	tls.X509KeyPair([]byte(certPEM), []byte(keyPEM))
	tls.X509KeyPair([]byte(certPEM), []byte(os.Getenv("TLS_KEY"))) // ok
}

func signing(claims jwt5.MapClaims, key []byte) {
	t4 := jwt4.NewWithClaims(jwt4.SigningMethodHS256, claims)
	t4.SignedString([]byte("jwt-fixture-signing-key")) // want `jwt signing key "jwt-…" \(23 chars\) hard-coded in jwt Token.SignedString key`
	t4.SignedString(key)                               // ok: not a constant
	t5 := jwt5.NewWithClaims(jwt5.SigningMethodHS256, claims)
	t5.SignedString([]byte("secret"))                                      // want `jwt signing key "s…" \(6 chars\) hard-coded in jwt Token.SignedString key`
	t5.SignedString([]byte(os.Getenv("JWT_KEY")))                          // ok
	jwt5.SigningMethodHS256.Sign("a.b", []byte("jwt-fixture-signing-key")) // want `jwt signing key "jwt-…" \(23 chars\) hard-coded in jwt SigningMethodHMAC.Sign key`
	var m jwt5.SigningMethod = jwt5.SigningMethodHS256
	m.Sign("a.b", []byte("jwt-fixture-signing-key")) // want `jwt signing key "jwt-…" \(23 chars\) hard-coded in jwt SigningMethod.Sign key`
	m.Sign("a.b", key)                               // ok
}

func verifying(s string, key []byte) {
	jwt5.Parse(s, func(t *jwt5.Token) (any, error) {
		return []byte("jwt-fixture-signing-key"), nil // want `jwt verification key "jwt-…" \(23 chars\) hard-coded in jwt key function`
	})
	jwt4.ParseWithClaims(s, jwt4.MapClaims{}, func(t *jwt4.Token) (any, error) {
		if t == nil {
			return nil, nil // ok
		}
		return key, nil // ok: not a constant
	})
	other := func(s string) (any, error) { return []byte("jwt-fixture-signing-key"), nil } // ok: not a key function
	_ = other
}

func macs(key []byte) {
	hmac.New(sha256.New, []byte("secret"))                // want `hmac key "s…" \(6 chars\) hard-coded in hmac.New key`
	hmac.New(sha256.New, []byte("hmac-fixture-key-0001")) // want `hmac key "hmac…" \(21 chars\) hard-coded in hmac.New key`
	hmac.New(sha256.New, key)                             // ok
	hmac.New(sha256.New, []byte(os.Getenv("HMAC_KEY")))   // ok
}

func databases(ctx context.Context) {
	sql.Open("postgres", "postgres://app:Kx9-fixture-pw@db/app")            // want `password in postgres url "Kx9…" \(14 chars\) hard-coded in sql.Open data source name`
	sql.Open("postgres", "postgres://app@db/app?sslmode=verify-full")       // ok: no password
	sql.Open("postgres", os.Getenv("DATABASE_URL"))                         // ok
	sqlx.Connect("mysql", "app:Kx9-fixture-pw@tcp(db:3306)/app")            // want `password in mysql dsn "Kx9…" \(14 chars\) hard-coded in sqlx.Connect data source name`
	sqlx.Open("mysql", "app:@tcp(db:3306)/app")                             // ok: empty password
	pgx.Connect(ctx, "host=db user=app password=Kx9-fixture-pw dbname=app") // want `password in connection string "Kx9…" \(14 chars\) hard-coded in pgx.Connect connection string`
	pgx.Connect(ctx, "host=db user=app password=${PGPASSWORD} dbname=app")  // ok: placeholder
	gorm.Open(postgres.Open("postgres://app:Kx9-fixture-pw@db/app"))        // want `password in postgres url "Kx9…" \(14 chars\) hard-coded in postgres.Open dsn`
	gorm.Open(postgres.Open("postgres://app:%s@db/app"))                    // ok: printf verb
}

func clients(req *http.Request) {
	natsp.Connect("nats://svc:Kx9-fixture-pw@nats:4222")                              // want `password in nats url "Kx9…" \(14 chars\) hard-coded in nats.Connect url`
	natsp.Connect("nats://nats:4222", natsp.UserInfo("svc", "Kx9-fixture-pw"))        // want `password "Kx9…" \(14 chars\) hard-coded in nats.UserInfo password`
	natsp.Connect("nats://nats:4222", natsp.Token("nats-fixture-token"))              // want `token "nats…" \(18 chars\) hard-coded in nats.Token`
	natsp.Connect("nats://nats:4222", natsp.Name("nats-fixture-token"))               // ok: not a secret option
	clientv3.New(clientv3.Config{Username: "root", Password: "etcd-fixture-pw"})      // want `password "etc…" \(15 chars\) hard-coded in etcd clientv3.Config.Password`
	clientv3.New(clientv3.Config{Username: "root", Password: ""})                     // ok
	redis.NewClient(&redis.Options{Addr: "cache:6379", Password: "redis-fixture-pw"}) // want `password "redi…" \(16 chars\) hard-coded in redis.Options.Password`
	redis.NewClient(&redis.Options{Addr: "cache:6379", Username: "redis-fixture-pw"}) // ok
	req.SetBasicAuth("app", "Kx9-fixture-pw")                                         // want `password "Kx9…" \(14 chars\) hard-coded in Request.SetBasicAuth password`
	req.SetBasicAuth("app", os.Getenv("PW"))                                          // ok
	url.UserPassword("app", "Kx9-fixture-pw")                                         // want `password "Kx9…" \(14 chars\) hard-coded in url.UserPassword password`
	url.User("Kx9-fixture-pw")                                                        // ok: a user name
}
