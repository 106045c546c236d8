// Package audit records who called what. The rule does not read it.
package audit

import "context"

// Recorder writes an audit entry and fails when it cannot.
type Recorder interface {
	Record(ctx context.Context, principal, endpoint string) error
}

// Write writes an audit entry for principal.
func Write(principal, endpoint string) error {
	_, _ = principal, endpoint
	return nil
}

// VerifySession asks the session store whether tok is a live session.
func VerifySession(tok string) error {
	_ = tok
	return nil
}
