package proto

// ConvertRequest is what protoc-gen-go writes for a message, cut down:
// fields, a nested message and the getters.
type ConvertRequest struct {
	Options *ConvertOptions
	Format  string
	Host    string
}

func (*ConvertRequest) ProtoMessage() {}

func (x *ConvertRequest) GetOptions() *ConvertOptions {
	if x != nil {
		return x.Options
	}
	return nil
}

func (x *ConvertRequest) GetFormat() string {
	if x != nil {
		return x.Format
	}
	return ""
}

func (x *ConvertRequest) GetHost() string {
	if x != nil {
		return x.Host
	}
	return ""
}

type ConvertOptions struct {
	Format string
	Ref    string
}

func (*ConvertOptions) ProtoMessage() {}

func (x *ConvertOptions) GetFormat() string {
	if x != nil {
		return x.Format
	}
	return ""
}

func (x *ConvertOptions) GetRef() string {
	if x != nil {
		return x.Ref
	}
	return ""
}
