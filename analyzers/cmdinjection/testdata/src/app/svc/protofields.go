package svc

import (
	"context"
	"errors"
	"os/exec"
	"strings"

	"app/proto"
)

var formats = map[string]bool{"png": true, "jpg": true}

// A generated request: a check through the getter counts for the field,
// and the other way round, while nothing may write the field.
func (s *Search) ConvertProto(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	switch req.GetFormat() {
	case "png", "jpg":
	default:
		return errors.New("bad format")
	}
	exec.Command("sh", "-c", "convert in.bmp out."+req.Format).Run()
	if strings.HasPrefix(req.GetHost(), "-") {
		return errors.New("bad host")
	}
	exec.CommandContext(ctx, "ping", "-c", "1", req.Host).Run()
	exec.CommandContext(ctx, "ping", "-c", "1", req.GetHost()).Run()
	return nil
}

func (s *Search) ConvertProtoRewritten(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if !formats[req.Format] {
		return errors.New("bad format")
	}
	req.Format = req.Host
	exec.Command("sh", "-c", "convert in.bmp out."+req.GetFormat()).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
	return nil
}

func (s *Search) ConvertProtoLate(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	bad := strings.HasPrefix(req.GetHost(), "-")
	if req.Format != "" {
		req.Host = req.Format
	}
	if bad {
		return errors.New("bad host")
	}
	exec.CommandContext(ctx, "ping", "-c", "1", req.Host).Run() // want `argument 3 of ping passed to exec.CommandContext comes from external input`
	return nil
}

// A field of the nested options message.
func (s *Search) ConvertNested(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if !formats[req.GetOptions().GetFormat()] {
		return errors.New("bad format")
	}
	exec.Command("sh", "-c", "convert in.bmp out."+req.Options.Format).Run()
	if strings.HasPrefix(req.Options.Ref, "-") {
		return errors.New("bad ref")
	}
	exec.Command("git", "checkout", req.Options.Ref).Run()
	exec.Command("git", "checkout", req.GetOptions().GetRef()).Run()
	return nil
}

func (s *Search) ConvertNestedReplaced(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if !formats[req.GetOptions().GetFormat()] {
		return errors.New("bad format")
	}
	req.Options = &proto.ConvertOptions{Format: req.Host}
	exec.Command("sh", "-c", "convert in.bmp out."+req.Options.Format).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
	return nil
}

// The option check says nothing of text cut from the value.
func (s *Search) ConvertNestedTrimmed(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if strings.HasPrefix(req.GetOptions().GetRef(), "-") {
		return errors.New("bad ref")
	}
	exec.Command("git", "checkout", strings.TrimSpace(req.Options.Ref)).Run() // want `argument 2 of git passed to exec.Command comes from`
	exec.Command("git", "checkout", req.Options.Ref[1:]).Run()                // want `argument 2 of git passed to exec.Command comes from`
	return nil
}

// A constant written into the field when the check fails.
func (s *Search) ConvertFallback(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if strings.HasPrefix(req.GetHost(), "-") {
		req.Host = "localhost"
	}
	exec.CommandContext(ctx, "ping", "-c", "1", req.Host).Run()
	switch req.Format {
	case "png", "jpg":
	default:
		req.Format = "png"
	}
	exec.Command("sh", "-c", "convert in.bmp out."+req.GetFormat()).Run()
	return nil
}

var DefaultHost = "localhost" // want DefaultHost:`results\(constant\{"localhost"\}\)`

func (s *Search) ConvertFallbackExported(ctx context.Context, req *proto.ConvertRequest, rsp *SearchResponse) error {
	if strings.HasPrefix(req.GetHost(), "-") {
		req.Host = DefaultHost
	}
	exec.CommandContext(ctx, "ping", "-c", "1", req.Host).Run() // want `argument 3 of ping passed to exec.CommandContext comes from external input`
	if !formats[req.Format] {
		req.Format = req.Host
	}
	exec.Command("sh", "-c", "convert in.bmp out."+req.Format).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
	return nil
}
