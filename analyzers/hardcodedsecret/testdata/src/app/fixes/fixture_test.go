package fixes

// A test's fixture keeps its literal: no fix is offered for it.
var testPassword = "fix-fixture-pw-0099" // want `password "fix-…" \(19 chars\) hard-coded in variable testPassword`
