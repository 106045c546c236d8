// Package listpb is what protoc-gen-go writes for a message, cut down:
// its fields, getters and the methods that mark it a message; and one
// method written by hand.
package listpb

type ListRequest struct {
	Sort   string
	Name   string
	Legacy string
}

func (x *ListRequest) Reset()         { *x = ListRequest{} }
func (x *ListRequest) String() string { return x.Sort + " " + x.Name }
func (*ListRequest) ProtoMessage()    {}

func (x *ListRequest) GetSort() string {
	if x != nil {
		return x.Sort
	}
	return ""
}

func (x *ListRequest) GetName() string {
	if x != nil {
		return x.Name
	}
	return ""
}

// GetEffective is no generated getter: there is no field Effective.
func (x *ListRequest) GetEffective() *ListRequest {
	if x.Legacy != "" {
		x.Sort = x.Legacy
	}
	return x
}
