package svc

func Legacy() {}
