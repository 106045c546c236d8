package vulncheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// The types below mirror the parts of govulncheck's JSON protocol
// (v1.0.0, golang.org/x/vuln/internal/govulncheck) and of OSV entries
// that the conversion reads. The stream is a sequence of objects, each
// with exactly one of these fields set.
type message struct {
	Config  *scanConfig `json:"config"`
	OSV     *osvEntry   `json:"osv"`
	Finding *finding    `json:"finding"`
}

type scanConfig struct {
	ProtocolVersion string `json:"protocol_version"`
}

type osvEntry struct {
	ID       string   `json:"id"`
	Summary  string   `json:"summary"`
	Details  string   `json:"details"`
	Aliases  []string `json:"aliases"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		EcosystemSpecific struct {
			Imports []struct {
				Path    string   `json:"path"`
				Symbols []string `json:"symbols"`
			} `json:"imports"`
		} `json:"ecosystem_specific"`
	} `json:"affected"`
}

// finding is one govulncheck finding. Its trace starts at the vulnerable
// symbol and ends at the entry point; module and package level findings
// have a single frame without a function.
type finding struct {
	OSV          string   `json:"osv"`
	FixedVersion string   `json:"fixed_version"`
	Trace        []*frame `json:"trace"`
}

type frame struct {
	Module   string    `json:"module"`
	Version  string    `json:"version"`
	Package  string    `json:"package"`
	Function string    `json:"function"`
	Receiver string    `json:"receiver"`
	Position *position `json:"position"`
}

type position struct {
	Filename string `json:"filename"` // relative to the frame's module
	Offset   int    `json:"offset"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

// stream is a decoded govulncheck run.
type stream struct {
	config   scanConfig
	osvs     map[string]*osvEntry
	findings []*finding
}

func parseStream(data []byte) (*stream, error) {
	st := &stream{osvs: make(map[string]*osvEntry)}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		switch {
		case m.Config != nil:
			st.config = *m.Config
		case m.OSV != nil:
			st.osvs[m.OSV.ID] = m.OSV
		case m.Finding != nil && len(m.Finding.Trace) > 0:
			st.findings = append(st.findings, m.Finding)
		}
	}
	if st.config.ProtocolVersion == "" {
		return nil, errors.New("no config message")
	}
	return st, nil
}

// level says how far govulncheck followed a finding.
type level int

const (
	levelModule  level = iota // the module is required
	levelPackage              // a vulnerable package is imported
	levelSymbol               // a vulnerable function is called
)

func (f *finding) level() level {
	switch top := f.Trace[0]; {
	case top.Function != "":
		return levelSymbol
	case top.Package != "":
		return levelPackage
	}
	return levelModule
}
