package hardcodedsecret

import "testing"

func TestPlainName(t *testing.T) {
	yes := []string{"password", "DB_PASSWORD", "X-Api-Key", "oauth2.client_secret", "/run/secrets/db_password",
		"Micro-Token", "token_k8s_i18n", "x509_key", "api-token-v2", "2fa_secret", "Proxy-Authorization"}
	for _, s := range yes {
		if !plainName(s) {
			t.Errorf("plainName(%q) = false, want true", s)
		}
	}
	no := []string{"", "secret_Hq7Lm2Zx9Pv4Kt8W", "token_1a2b3c", "secret_HqLmZxPvKtW", "p@ss!word",
		"token_20240612", "X-Token-Hq7Lm2Zx9Pv4Kt8W"}
	for _, s := range no {
		if plainName(s) {
			t.Errorf("plainName(%q) = true, want false", s)
		}
	}
}

func TestRandomName(t *testing.T) {
	yes := []string{"secret_Hq7Lm2Zx9Pv4Kt8W", "token_1a2b3c", "secret_HqLmZxPvKtW", "token_20240612", "X-Token-Hq7Lm2Zx9Pv4Kt8W"}
	for _, s := range yes {
		if !randomName(s) {
			t.Errorf("randomName(%q) = false, want true", s)
		}
	}
	no := []string{"password", "x-ms-az-token", "X-MS-CB-Token", "db_password[primary]", "$password", "user[password]",
		"X_API_KEY[v1]", "com.example.service.payments.gateway.credentials.api.client.secret", "p@ss!word"}
	for _, s := range no {
		if randomName(s) {
			t.Errorf("randomName(%q) = true, want false", s)
		}
	}
}
