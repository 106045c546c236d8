package v4

import (
	"os"

	"go-micro.dev/v4"
)

// authEnabled is settled: code under if authEnabled never runs, and the
// wrappers it returns or applies reach no service.
const authEnabled = false

// authOn is read at run time: code under it may run.
var authOn = os.Getenv("AUTH") != ""

func deadAuthOpts() []micro.Option {
	if authEnabled {
		return []micro.Option{micro.WrapHandler(authWrapper)}
	}
	return nil
}

func liveAuthOpts() []micro.Option { // want liveAuthOpts:"authoptions"
	if authOn {
		return []micro.Option{micro.WrapHandler(authWrapper)}
	}
	return nil
}

// AuthOptsOff installs no wrapper, so it gets no fact.
func AuthOptsOff() []micro.Option {
	if authEnabled {
		return []micro.Option{micro.WrapHandler(authWrapper)}
	}
	return nil
}

// AuthOptsOn does, when authOn is set.
func AuthOptsOn() []micro.Option { // want AuthOptsOn:"authoptions"
	if authOn {
		return []micro.Option{micro.WrapHandler(authWrapper)}
	}
	return nil
}

func deadHelper() {
	svc := micro.NewService(append(deadAuthOpts(), micro.Name("shop.deadhelper"))...)
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.deadhelper with no authentication wrapper`
}

func liveHelper() {
	svc := micro.NewService(append(liveAuthOpts(), micro.Name("shop.livehelper"))...)
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func deadAppend() {
	opts := []micro.Option{micro.Name("shop.deadappend")}
	if authEnabled {
		opts = append(opts, micro.WrapHandler(authWrapper))
	}
	svc := micro.NewService(opts...)
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.deadappend with no authentication wrapper`
}

func deadInit() {
	svc := micro.NewService(micro.Name("shop.deadinit"))
	if authEnabled {
		svc.Init(micro.WrapHandler(authWrapper))
	}
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.deadinit with no authentication wrapper`
}

func liveInit() {
	svc := micro.NewService(micro.Name("shop.liveinit"))
	if authOn {
		svc.Init(micro.WrapHandler(authWrapper))
	}
	micro.RegisterHandler(svc.Server(), new(Orders))
}
