module github.com/micro/protoc-gen-micro

go 1.13
