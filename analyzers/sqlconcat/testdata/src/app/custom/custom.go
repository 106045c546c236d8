package custom

import "os"

type Client struct{}

// Exec runs SQL; it is a sink only when named with -sinks.
func (c *Client) Exec(opts int, sql string) {}

// Clean is a sanitizer only when named with -sanitizers.
func Clean(s string) string { return s } // want Clean:`results\(constant=p0\)`

func use(c *Client) {
	c.Exec(0, "DELETE FROM t WHERE n = '"+os.Getenv("N")+"'") // want `query text passed to \(\*custom.Client\).Exec is built from external input \(os.Getenv\(...\)\); pass values as arguments with placeholders`
	c.Exec(0, "DELETE FROM t WHERE n = '"+Clean(os.Getenv("N"))+"'")
	c.Exec(0, "DELETE FROM t")
}
