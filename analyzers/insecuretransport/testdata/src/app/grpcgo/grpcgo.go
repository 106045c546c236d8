package grpcgo

import (
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

func dial(cfg *tls.Config) {
	grpc.Dial("peer:443", grpc.WithInsecure())                                      // want `^grpc.WithInsecure disables transport security: use grpc.WithTransportCredentials\(credentials.NewTLS\(cfg\)\)$`
	grpc.Dial("peer:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^insecure.NewCredentials disables transport security: use credentials.NewTLS\(cfg\)$`
	grpc.Dial("peer:443", grpc.WithTransportCredentials(credentials.NewTLS(cfg)))   // ok
}
