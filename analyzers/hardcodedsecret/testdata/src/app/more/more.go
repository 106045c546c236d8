// Package more covers the remaining secret-taking APIs: go-micro v6's AI,
// agent, flow, auth wrapper, x402 and model packages, v5's genai, v2's
// tunnel, token, config source and transport options, v4's token and
// generate options, and more client libraries.
package more

import (
	"context"
	"os"

	micro "go-micro.dev/v6"
	"go-micro.dev/v6/agent"
	"go-micro.dev/v6/ai"
	"go-micro.dev/v6/flow"
	"go-micro.dev/v6/model"
	mpostgres "go-micro.dev/v6/model/postgres"
	wauth "go-micro.dev/v6/wrapper/auth"
	"go-micro.dev/v6/wrapper/x402"

	"go-micro.dev/v4/auth"
	"go-micro.dev/v5/genai"

	"github.com/micro/go-micro/v2/auth/token"
	cetcd "github.com/micro/go-micro/v2/config/source/etcd"
	"github.com/micro/go-micro/v2/transport"
	"github.com/micro/go-micro/v2/tunnel"

	djwt "github.com/dgrijalva/jwt-go"
	"github.com/go-redis/redis/v8"
	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgxpool"
	gmysql "gorm.io/driver/mysql"
	"gorm.io/gorm"
)

func gomicro() []any {
	return []any{
		micro.AgentAPIKey("ai-Fixture-key-0001"),                  // want `api key "ai-F…" \(19 chars\) hard-coded in micro.AgentAPIKey`
		micro.AgentAPIKey(os.Getenv("AI_API_KEY")),                // ok
		micro.FlowAPIKey("ai-Fixture-key-0002"),                   // want `api key "ai-F…" \(19 chars\) hard-coded in micro.FlowAPIKey`
		micro.Name("ai-Fixture-key-0002"),                         // ok: not a secret option
		ai.WithAPIKey("ai-Fixture-key-0003"),                      // want `api key "ai-F…" \(19 chars\) hard-coded in ai.WithAPIKey`
		ai.WithBaseURL("http://localhost:11434"),                  // ok
		agent.APIKey("ai-Fixture-key-0004"),                       // want `api key "ai-F…" \(19 chars\) hard-coded in agent.APIKey`
		agent.Model("ai-Fixture-key-0004"),                        // ok
		flow.APIKey("ai-Fixture-key-0005"),                        // want `api key "ai-F…" \(19 chars\) hard-coded in flow.APIKey`
		flow.APIKey(""),                                           // ok
		genai.WithAPIKey("ai-Fixture-key-0006"),                   // want `api key "ai-F…" \(19 chars\) hard-coded in genai.WithAPIKey`
		genai.WithAPIKey("<your-api-key>"),                        // ok
		wauth.FromToken("wa-Fixture-token-07"),                    // want `token "wa-F…" \(19 chars\) hard-coded in auth.FromToken`
		wauth.FromToken(os.Getenv("MICRO_AUTH_TOKEN")),            // ok
		wauth.ClientOptions{Token: "wa-Fixture-token-08"},         // want `token "wa-F…" \(19 chars\) hard-coded in auth.ClientOptions.Token`
		wauth.ClientOptions{Scope: "wa-Fixture-token-08"},         // ok
		x402.CDP("key-id-1", "cdp-Fixture-secret-9"),              // want `api secret "cdp-…" \(20 chars\) hard-coded in x402.CDP key secret`
		x402.CDP("cdp-Fixture-secret-9", os.Getenv("CDP_SECRET")), // ok: the key id
		model.WithDSN("postgres://app:Mdl-fixture-pw@db/app"),     // want `password in postgres url "Mdl…" \(14 chars\) hard-coded in model.WithDSN`
		model.WithDSN("postgres://app@db/app"),                    // ok
		mpostgres.New("postgres://app:Mdl-fixture-pw@db/app"),     // want `password in postgres url "Mdl…" \(14 chars\) hard-coded in postgres.New dsn`
		auth.WithToken("v4-Fixture-refresh-1"),                    // want `refresh token "v4-F…" \(20 chars\) hard-coded in auth.WithToken`
		auth.TokenOptions{Secret: "v4-Fixture-secret-2"},          // want `secret "v4-F…" \(19 chars\) hard-coded in auth.TokenOptions.Secret`
		auth.TokenOptions{ID: "v4-Fixture-secret-2"},              // ok
		auth.GenerateOptions{Secret: "v4-Fixture-secret-3"},       // want `secret "v4-F…" \(19 chars\) hard-coded in auth.GenerateOptions.Secret`
		tunnel.Token("v2-Fixture-tunnel-4"),                       // want `tunnel token "v2-F…" \(19 chars\) hard-coded in tunnel.Token`
		tunnel.Address("v2-Fixture-tunnel-4"),                     // ok
		token.WithPrivateKey("v2-Fixture-privkey-5"),              // want `private key "v2-F…" \(20 chars\) hard-coded in token.WithPrivateKey`
		token.WithPublicKey("v2-Fixture-privkey-5"),               // ok: public
		cetcd.Auth("root", "v2-Fixture-etcd-pw-6"),                // want `password "v2-F…" \(20 chars\) hard-coded in etcd.Auth password`
		cetcd.Auth("root", ""),                                    // ok
		transport.Addrs("quic://svc:V2-fixture-pw@peer:8080"),     // want `password in quic url "V2-…" \(13 chars\) hard-coded in transport.Addrs address`
		transport.Addrs("peer:8080"),                              // ok
	}
}

func libraries(ctx context.Context) {
	pgxpool.New(ctx, "postgres://app:Lib-fixture-pw@db/app")                      // want `password in postgres url "Lib…" \(14 chars\) hard-coded in pgxpool.New connection string`
	pgxpool.New(ctx, os.Getenv("DATABASE_URL"))                                   // ok
	gorm.Open(gmysql.Open("app:Lib-fixture-pw@tcp(db:3306)/app"))                 // want `password in mysql dsn "Lib…" \(14 chars\) hard-coded in mysql.Open dsn`
	gorm.Open(gmysql.Open("app@tcp(db:3306)/app"))                                // ok
	_ = mysql.Config{User: "app", Passwd: "Lib-fixture-pw"}                       // want `password "Lib…" \(14 chars\) hard-coded in mysql.Config.Passwd`
	_ = mysql.Config{User: "app", DBName: "Lib-fixture-pw"}                       // ok
	redis.NewUniversalClient(&redis.UniversalOptions{Password: "Lib-fixture-pw"}) // want `password "Lib…" \(14 chars\) hard-coded in redis.UniversalOptions.Password`
	redis.NewUniversalClient(&redis.UniversalOptions{Password: ""})               // ok
	t := djwt.NewWithClaims(djwt.SigningMethodHS256, djwt.MapClaims{})
	t.SignedString([]byte("jwt-Fixture-key-0010")) // want `jwt signing key "jwt-…" \(20 chars\) hard-coded in jwt Token.SignedString key`
	t.SignedString([]byte(os.Getenv("JWT_KEY")))   // ok
}
