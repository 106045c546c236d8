// Package crossa declares constants that package crossb passes to go-micro.
package crossa

// Secret is reported here, by its name; crossb does not report it again.
const Secret = "Cross-fixture-secret-1" // want `secret "Cros…" \(22 chars\) hard-coded in constant Secret` Secret:"hard-coded secret"

// Neutral is not named like a secret: only crossb, which passes it to
// auth.Credentials, knows it is one.
const Neutral = "cross-fixture-value-2"
