package cmdinjection

import (
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// shell says where a shell's script is among its arguments.
type shell struct {
	name    string // as messages show it: "sh -c", "cmd /C"
	script  int    // index of the script (or script file) in argv, or -1
	rest    bool   // the script is every argument from script on
	unknown int    // index from which the arguments are not known, or -1
}

// posixShells are shells that take a script with -c.
var posixShells = map[string]bool{
	"sh": true, "bash": true, "zsh": true, "dash": true, "ksh": true, "mksh": true,
	"ash": true, "fish": true, "csh": true, "tcsh": true, "rbash": true,
}

// base returns the program name of a path, for Unix and Windows paths,
// without a Windows ".exe" and in lower case.
func base(p string) string {
	b := p[strings.LastIndexAny(p, `/\`)+1:]
	return strings.TrimSuffix(strings.ToLower(b), ".exe")
}

// shellOf returns where the script is if prog is a shell, nil otherwise.
func shellOf(prog string, argv []dataflow.Value) *shell {
	b := base(prog)
	start := 0
	prefix := ""
	if b == "busybox" || b == "toybox" {
		if len(argv) == 0 {
			return nil
		}
		c, ok := argv[0].Const()
		if !ok {
			return nil
		}
		prefix, b, start = b+" ", base(c), 1
	}
	switch {
	case posixShells[b]:
		return posixScript(prefix+b, argv, start)
	case b == "cmd":
		return flagScript(b+" /C", argv, start, func(c string) (bool, bool) {
			c = strings.ToLower(c)
			return c == "/c" || c == "/k" || c == "/r", true
		})
	case b == "powershell" || b == "pwsh":
		return flagScript(b+" -Command", argv, start, func(c string) (bool, bool) {
			c = strings.ToLower(c)
			switch {
			case len(c) >= 2 && strings.HasPrefix("-command", c):
				return true, true
			case c == "-encodedcommand" || c == "-e" || c == "-ec" || c == "-enc" || c == "-file" || c == "-f":
				return true, false
			}
			return false, false
		})
	}
	return nil
}

// posixScript finds the script of sh-like shells: the operand after an
// option cluster holding c ("-c", "-ec", "-lc"), or else the first operand,
// a script file.
func posixScript(name string, argv []dataflow.Value, start int) *shell {
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return &shell{name: name + " -c", script: -1, unknown: i}
		}
		c, ok := argv[i].Const()
		if !ok {
			return &shell{name: name, script: i, unknown: -1}
		}
		switch {
		case c == "-o" || c == "+o":
			i++ // the option's name
		case isDashC(c):
			if i+1 >= len(argv) {
				return nil
			}
			if argv[i+1].Spread {
				return &shell{name: name + " -c", script: -1, unknown: i + 1}
			}
			return &shell{name: name + " -c", script: i + 1, unknown: -1}
		case strings.HasPrefix(c, "-") || strings.HasPrefix(c, "+"):
		default:
			return &shell{name: name, script: i, unknown: -1} // a constant script file
		}
	}
	return nil
}

func isDashC(c string) bool {
	if len(c) < 2 || c[0] != '-' || c[1] == '-' {
		return false
	}
	for _, r := range c[1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return strings.ContainsRune(c, 'c')
}

// flagScript finds the script after the flag that introduces it, for cmd
// and PowerShell; isFlag reports whether a constant argument is that flag
// and whether the script is everything after it.
func flagScript(name string, argv []dataflow.Value, start int, isFlag func(string) (bool, bool)) *shell {
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return &shell{name: name, script: -1, unknown: i}
		}
		c, ok := argv[i].Const()
		if !ok {
			continue
		}
		if yes, rest := isFlag(c); yes {
			if i+1 >= len(argv) {
				return nil
			}
			if argv[i+1].Spread {
				return &shell{name: name, script: -1, unknown: i + 1}
			}
			return &shell{name: name, script: i + 1, rest: rest, unknown: -1}
		}
	}
	return nil
}
