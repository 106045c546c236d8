// Package listpb is what protoc-gen-go writes for a message, cut down:
// its fields, getters and the methods that mark it a message; and one
// method written by hand.
package listpb

import "os"

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

// PageRequest has a nested message, as a request with paging options
// does: protoc-gen-go makes it a pointer field with a getter.
type PageRequest struct {
	Page *Page
	Sort string
	Dir  string
	Name string
}

func (*PageRequest) ProtoMessage() {}

func (x *PageRequest) GetPage() *Page {
	if x != nil {
		return x.Page
	}
	return nil
}

func (x *PageRequest) GetSort() string {
	if x != nil {
		return x.Sort
	}
	return ""
}

func (x *PageRequest) GetDir() string {
	if x != nil {
		return x.Dir
	}
	return ""
}

func (x *PageRequest) GetName() string {
	if x != nil {
		return x.Name
	}
	return ""
}

type Page struct {
	Sort string
	Size int32
}

func (*Page) ProtoMessage() {}

func (x *Page) GetSort() string {
	if x != nil {
		return x.Sort
	}
	return ""
}

// Plain is no message (no ProtoMessage): its GetSort is not the field.
type Plain struct{ Sort, Legacy string }

func (x *Plain) GetSort() string {
	if x.Legacy != "" {
		return x.Legacy
	}
	return x.Sort
}

// Edited is a message whose GetSort was written by hand: it is not the
// field.
type Edited struct{ Sort, Legacy string }

func (*Edited) ProtoMessage() {}

func (x *Edited) GetSort() string {
	if x.Legacy != "" {
		return x.Legacy
	}
	return x.Sort
}

// Sourced is a message whose GetSort reads the environment: with no fact
// to say it returns the field, it is not taken for it.
type Sourced struct{ Sort string }

func (*Sourced) ProtoMessage() {}

func (x *Sourced) GetSort() string { return os.Getenv("SORT") }

// Paged is no message: its GetPage is not its field Page.
type Paged struct{ Page, Other *Page }

func (x *Paged) GetPage() *Page { return x.Other }
