package svc // want `package svc`

func Handler() {}
