// Package server is a stub of go-micro.dev/v5/server.
package server

type Handler interface{}
type HandlerOption func()
type SubscriberOption func()

type Server interface {
	Handle(Handler) error
	NewHandler(interface{}, ...HandlerOption) Handler
}
