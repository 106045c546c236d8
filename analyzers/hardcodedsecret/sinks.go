package hardcodedsecret

import (
	"go/types"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// mode says how much an argument or field tells about its value.
type mode int

const (
	// modeMatch: the place holds addresses, DSNs or key files; only what
	// the detectors recognise in the value (a password in a URL, a PEM
	// private key) is a secret.
	modeMatch mode = iota
	// modeName: the place is named like a secret; the value must look like
	// one by itself as well.
	modeName
	// modeSecret: the place takes a secret by contract (a password, a
	// signing key): any value that is not a placeholder is one.
	modeSecret
)

// sink is a parameter or struct field that receives a secret, an address
// or a DSN.
type sink struct {
	arg  int    // parameter index; -1 for every argument
	mode mode   // modeSecret or modeMatch
	noun string // what the value is: "secret", "password", "hmac key"
	what string // the place, for messages: "auth.Credentials secret"
	env  string // environment variable the suggested fix reads
}

// goMicroCalls are go-micro's secret-taking functions, keyed by the role
// path that gomicro.Split gives their package (the same in every major
// version and plugin tree) and their name. See GOMICRO.md section 6. A
// MICRO_ variable is one go-micro itself reads (v2's, v4's and v5's cmd
// flags, the v6 gateway); the others are names of our own, without the
// prefix, so that a fix does not suggest go-micro will read them.
var goMicroCalls = map[string]sink{
	"auth.Credentials":              {1, modeSecret, "secret", "auth.Credentials secret", "MICRO_AUTH_SECRET"},
	"auth.WithCredentials":          {1, modeSecret, "secret", "auth.WithCredentials secret", "MICRO_AUTH_SECRET"},
	"auth.PrivateKey":               {0, modeSecret, "private key", "auth.PrivateKey", "MICRO_AUTH_PRIVATE_KEY"},
	"auth.WithSecret":               {0, modeSecret, "secret", "auth.WithSecret", "MICRO_AUTH_SECRET"},
	"auth.WithToken":                {0, modeSecret, "refresh token", "auth.WithToken", "AUTH_REFRESH_TOKEN"},
	"auth/provider.Credentials":     {1, modeSecret, "secret", "provider.Credentials secret", "MICRO_AUTH_PROVIDER_CLIENT_SECRET"},
	"auth/token.WithPrivateKey":     {0, modeSecret, "private key", "token.WithPrivateKey", "MICRO_AUTH_PRIVATE_KEY"},
	"auth/jwt/token.WithPrivateKey": {0, modeSecret, "private key", "token.WithPrivateKey", "MICRO_AUTH_PRIVATE_KEY"},
	"registry/etcd.Auth":            {1, modeSecret, "password", "etcd.Auth password", "ETCD_PASSWORD"},
	"config/source/etcd.Auth":       {1, modeSecret, "password", "etcd.Auth password", "ETCD_PASSWORD"},
	"config/secrets.Key":            {0, modeSecret, "encryption key", "secrets.Key", "CONFIG_SECRETS_KEY"},
	"config/secrets.PrivateKey":     {0, modeSecret, "private key", "secrets.PrivateKey", "CONFIG_SECRETS_PRIVATE_KEY"},
	"tunnel.Token":                  {0, modeSecret, "tunnel token", "tunnel.Token", "TUNNEL_TOKEN"},
	"events/natsjs.Authenticate":    {1, modeSecret, "password", "natsjs.Authenticate password", "NATS_PASSWORD"},
	"genai.WithAPIKey":              {0, modeSecret, "api key", "genai.WithAPIKey", "MICRO_GENAI_KEY"},
	"ai.WithAPIKey":                 {0, modeSecret, "api key", "ai.WithAPIKey", "AI_API_KEY"},
	"agent.APIKey":                  {0, modeSecret, "api key", "agent.APIKey", "AI_API_KEY"},
	"flow.APIKey":                   {0, modeSecret, "api key", "flow.APIKey", "AI_API_KEY"},
	".AgentAPIKey":                  {0, modeSecret, "api key", "micro.AgentAPIKey", "AI_API_KEY"},
	".FlowAPIKey":                   {0, modeSecret, "api key", "micro.FlowAPIKey", "AI_API_KEY"},
	"wrapper/auth.FromToken":        {0, modeSecret, "token", "auth.FromToken", "MICRO_AUTH_TOKEN"},
	"wrapper/x402.CDP":              {1, modeSecret, "api secret", "x402.CDP key secret", "CDP_API_KEY_SECRET"},
	"store.Nodes":                   {-1, modeMatch, "", "store.Nodes address", "MICRO_STORE_ADDRESS"},
	"broker.Addrs":                  {-1, modeMatch, "", "broker.Addrs address", "MICRO_BROKER_ADDRESS"},
	"registry.Addrs":                {-1, modeMatch, "", "registry.Addrs address", "MICRO_REGISTRY_ADDRESS"},
	"transport.Addrs":               {-1, modeMatch, "", "transport.Addrs address", "MICRO_TRANSPORT_ADDRESS"},
	"model.WithDSN":                 {0, modeMatch, "", "model.WithDSN", "DATABASE_URL"},
	"model/postgres.New":            {0, modeMatch, "", "postgres.New dsn", "DATABASE_URL"},
}

// goMicroFields are go-micro struct fields that hold secrets, keyed by
// role path, type name and field name.
var goMicroFields = map[string]sink{
	"auth.Options.Secret":              {0, modeSecret, "secret", "auth.Options.Secret", "MICRO_AUTH_SECRET"},
	"auth.Options.PrivateKey":          {0, modeSecret, "private key", "auth.Options.PrivateKey", "MICRO_AUTH_PRIVATE_KEY"},
	"auth.Account.Secret":              {0, modeSecret, "secret", "auth.Account.Secret", "MICRO_AUTH_SECRET"},
	"auth.Token.AccessToken":           {0, modeSecret, "access token", "auth.Token.AccessToken", "MICRO_AUTH_TOKEN"},
	"auth.Token.RefreshToken":          {0, modeSecret, "refresh token", "auth.Token.RefreshToken", "AUTH_REFRESH_TOKEN"},
	"auth.TokenOptions.Secret":         {0, modeSecret, "secret", "auth.TokenOptions.Secret", "MICRO_AUTH_SECRET"},
	"auth.TokenOptions.RefreshToken":   {0, modeSecret, "refresh token", "auth.TokenOptions.RefreshToken", "AUTH_REFRESH_TOKEN"},
	"auth.GenerateOptions.Secret":      {0, modeSecret, "secret", "auth.GenerateOptions.Secret", "MICRO_AUTH_SECRET"},
	"wrapper/auth.ClientOptions.Token": {0, modeSecret, "token", "auth.ClientOptions.Token", "MICRO_AUTH_TOKEN"},
}

// libCalls are secret-taking functions and methods of the standard library
// and common third-party packages, keyed by package path without major
// version elements (see normPath), then "Func" or "Type.Method".
var libCalls = map[string]sink{
	"database/sql.Open":                   {1, modeMatch, "", "sql.Open data source name", "DATABASE_URL"},
	"github.com/jmoiron/sqlx.Open":        {1, modeMatch, "", "sqlx.Open data source name", "DATABASE_URL"},
	"github.com/jmoiron/sqlx.Connect":     {1, modeMatch, "", "sqlx.Connect data source name", "DATABASE_URL"},
	"github.com/jackc/pgx.Connect":        {1, modeMatch, "", "pgx.Connect connection string", "DATABASE_URL"},
	"github.com/jackc/pgx/pgxpool.New":    {1, modeMatch, "", "pgxpool.New connection string", "DATABASE_URL"},
	"gorm.io/driver/postgres.Open":        {0, modeMatch, "", "postgres.Open dsn", "DATABASE_URL"},
	"gorm.io/driver/mysql.Open":           {0, modeMatch, "", "mysql.Open dsn", "DATABASE_URL"},
	"github.com/nats-io/nats.go.Connect":  {0, modeMatch, "", "nats.Connect url", "NATS_URL"},
	"github.com/nats-io/nats.go.UserInfo": {1, modeSecret, "password", "nats.UserInfo password", "NATS_PASSWORD"},
	"github.com/nats-io/nats.go.Token":    {0, modeSecret, "token", "nats.Token", "NATS_TOKEN"},
	"crypto/hmac.New":                     {1, modeSecret, "hmac key", "hmac.New key", "HMAC_KEY"},
	"crypto/tls.X509KeyPair":              {1, modeMatch, "", "tls.X509KeyPair key", "TLS_KEY_FILE"},
	"net/http.Request.SetBasicAuth":       {1, modeSecret, "password", "Request.SetBasicAuth password", "BASIC_AUTH_PASSWORD"},
	"net/url.UserPassword":                {1, modeSecret, "password", "url.UserPassword password", "URL_PASSWORD"},
}

// jwtPackages are the JWT libraries whose Token.SignedString,
// SigningMethod.Sign and key functions take signing keys.
var jwtPackages = map[string]bool{
	"github.com/golang-jwt/jwt":   true,
	"github.com/dgrijalva/jwt-go": true,
}

// jwtCalls are the JWT signing entry points, by name within a JWT package.
var jwtCalls = map[string]sink{
	"Token.SignedString":     {0, modeSecret, "jwt signing key", "jwt Token.SignedString key", "JWT_SIGNING_KEY"},
	"SigningMethodHMAC.Sign": {1, modeSecret, "jwt signing key", "jwt SigningMethodHMAC.Sign key", "JWT_SIGNING_KEY"},
	"SigningMethod.Sign":     {1, modeSecret, "jwt signing key", "jwt SigningMethod.Sign key", "JWT_SIGNING_KEY"},
}

// libFields are struct fields of common client libraries that hold secrets.
var libFields = map[string]sink{
	"github.com/nats-io/nats.go.Options.Password":            {0, modeSecret, "password", "nats.Options.Password", "NATS_PASSWORD"},
	"github.com/nats-io/nats.go.Options.Token":               {0, modeSecret, "token", "nats.Options.Token", "NATS_TOKEN"},
	"github.com/nats-io/nats.go.Options.Url":                 {0, modeMatch, "", "nats.Options.Url", "NATS_URL"},
	"github.com/nats-io/nats.go.Options.Servers":             {0, modeMatch, "", "nats.Options.Servers", "NATS_URL"},
	"github.com/hashicorp/consul/api.Config.Token":           {0, modeSecret, "acl token", "consul api.Config.Token", "CONSUL_HTTP_TOKEN"},
	"github.com/hashicorp/consul/api.HttpBasicAuth.Password": {0, modeSecret, "password", "consul api.HttpBasicAuth.Password", "CONSUL_HTTP_AUTH"},
	"go.etcd.io/etcd/client.Config.Password":                 {0, modeSecret, "password", "etcd clientv3.Config.Password", "ETCD_PASSWORD"},
	"github.com/redis/go-redis.Options.Password":             {0, modeSecret, "password", "redis.Options.Password", "REDIS_PASSWORD"},
	"github.com/go-redis/redis.UniversalOptions.Password":    {0, modeSecret, "password", "redis.UniversalOptions.Password", "REDIS_PASSWORD"},
	"github.com/go-sql-driver/mysql.Config.Passwd":           {0, modeSecret, "password", "mysql.Config.Passwd", "MYSQL_PASSWORD"},
}

// pkgKey names a package in the tables: "gomicro:" and the role path for
// go-micro and its plugins, otherwise the path without major versions.
func pkgKey(pkg *types.Package) (key string, micro bool) {
	if pkg == nil {
		return "", false
	}
	if _, rel, ok := gomicro.Split(pkg.Path()); ok {
		return rel, true
	}
	return normPath(pkg.Path()), false
}

// normPath removes a vendor prefix and major-version elements from an
// import path, so that one entry covers every major version:
// "github.com/jackc/pgx/v5/pgxpool" is "github.com/jackc/pgx/pgxpool",
// "gopkg.in/square/go-jose.v2" is "gopkg.in/square/go-jose".
func normPath(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	if !versioned(path) {
		return path
	}
	elems := strings.Split(path, "/")
	out := elems[:0]
	for i, e := range elems {
		if i > 0 && isMajor(e) {
			continue
		}
		if j := strings.LastIndex(e, ".v"); j > 0 && strings.HasPrefix(path, "gopkg.in/") && isMajor(e[j+1:]) {
			e = e[:j]
		}
		out = append(out, e)
	}
	return strings.Join(out, "/")
}

// versioned reports whether normPath has anything to remove from path
// beyond a vendor prefix. It allocates nothing: most paths have nothing to
// remove, and pkgKey runs for every call the rule looks at.
func versioned(path string) bool {
	if strings.HasPrefix(path, "gopkg.in/") {
		return true
	}
	_, rest, _ := strings.Cut(path, "/")
	for rest != "" {
		var e string
		e, rest, _ = strings.Cut(rest, "/")
		if isMajor(e) {
			return true
		}
	}
	return false
}

// isMajor reports whether e is a major-version element: v2, v3, ….
func isMajor(e string) bool {
	return len(e) >= 2 && e[0] == 'v' && strings.Trim(e[1:], "0123456789") == ""
}

// objKey names a function, method or package-level variable for the
// tables: "Func" or "Type.Method" after the package key.
func objKey(obj types.Object) (key string, micro bool) {
	pk, micro := pkgKey(obj.Pkg())
	name := obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			tn := namedOf(recv.Type())
			if tn == nil {
				return "", false
			}
			name = tn.Obj().Name() + "." + name
		}
	} else if v, ok := obj.(*types.Var); !ok || v.IsField() || obj.Parent() != obj.Pkg().Scope() {
		return "", false
	}
	return pk + "." + name, micro
}

// namedOf returns the named type of t, through one pointer.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// callSink returns the sink that a call of obj is, if any.
func (c *checker) callSink(obj types.Object) (sink, bool) {
	if obj == nil || obj.Pkg() == nil {
		return sink{}, false
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	key, micro := c.keyOf(obj)
	if key == "" {
		return sink{}, false
	}
	if micro {
		s, ok := goMicroCalls[key]
		return s, ok
	}
	if s, ok := libCalls[key]; ok {
		return s, true
	}
	pk, _ := pkgKey(obj.Pkg())
	if jwtPackages[pk] {
		s, ok := jwtCalls[strings.TrimPrefix(key, pk+".")]
		return s, ok
	}
	return sink{}, false
}

// fieldSink returns the sink that field of the struct type named owner is.
func fieldSink(owner *types.Named, field string) (sink, bool) {
	pk, micro := pkgKey(owner.Obj().Pkg())
	if pk == "" {
		return sink{}, false
	}
	key := pk + "." + owner.Obj().Name() + "." + field
	if micro {
		s, ok := goMicroFields[key]
		return s, ok
	}
	s, ok := libFields[key]
	return s, ok
}

// isJWTToken reports whether t is *Token of a JWT package, the parameter
// of a key function.
func isJWTToken(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Name() != "Token" {
		return false
	}
	pk, _ := pkgKey(n.Obj().Pkg())
	return jwtPackages[pk]
}
