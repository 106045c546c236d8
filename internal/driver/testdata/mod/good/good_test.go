package good

import "testing"

func TestBad(t *testing.T) { Bad() }
