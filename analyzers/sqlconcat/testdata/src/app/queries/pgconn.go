package queries

import (
	"context"
	"os"

	pgconn4 "github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
	pgx5 "github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pgconn runs the text it is given: Exec over the simple protocol, which
// runs several statements (pgx v5.7.2 pgconn/pgconn.go:1073-1098),
// ExecParams, Prepare and the pipeline's SendQueryParams and SendPrepare
// as one statement to parse (pgconn.go:849-865, 1131-1137, 2051-2078),
// CopyTo and CopyFrom as a COPY statement (pgconn.go:1224-1300), and
// Batch.ExecParams when ExecBatch sends the batch (pgconn.go:1704-1709).
func pgconnSinks(ctx context.Context, conn *pgx.Conn, conn5 *pgx5.Conn) {
	name := os.Getenv("N")
	pc := conn5.PgConn()
	pc.Exec(ctx, "DELETE FROM t WHERE n = '"+name+"'").Close() // want `query text passed to \(\*pgconn.PgConn\).Exec is built from external input \(os.Getenv\(...\)\); pass values as arguments with \$1, \$2 placeholders`
	pc.Exec(ctx, "DELETE FROM t WHERE n = 'x'; DELETE FROM u").Close()
	pc.ExecParams(ctx, "DELETE FROM t WHERE n = '"+name+"'", nil, nil, nil, nil) // want `\(\*pgconn.PgConn\).ExecParams`
	pc.ExecParams(ctx, "DELETE FROM t WHERE n = $1", [][]byte{[]byte(name)}, nil, nil, nil)
	pc.Prepare(ctx, "s1", "SELECT n FROM t ORDER BY "+name, nil) // want `\(\*pgconn.PgConn\).Prepare`
	pc.Prepare(ctx, "s"+name, "SELECT n FROM t WHERE n = $1", nil)
	pc.CopyTo(ctx, os.Stdout, "COPY (SELECT * FROM t WHERE n = '"+name+"') TO STDOUT") // want `\(\*pgconn.PgConn\).CopyTo`
	pc.CopyTo(ctx, os.Stdout, "COPY t TO STDOUT")
	pc.CopyFrom(ctx, os.Stdin, "COPY "+name+" FROM STDIN") // want `\(\*pgconn.PgConn\).CopyFrom`
	pc.CopyFrom(ctx, os.Stdin, "COPY t FROM STDIN")
	b := &pgconn.Batch{}
	b.ExecParams("DELETE FROM t WHERE n = '"+name+"'", nil, nil, nil, nil) // want `\(\*pgconn.Batch\).ExecParams`
	b.ExecParams("DELETE FROM t WHERE n = $1", [][]byte{[]byte(name)}, nil, nil, nil)
	p := pc.StartPipeline(ctx)
	p.SendQueryParams("DELETE FROM t WHERE n = '"+name+"'", nil, nil, nil, nil) // want `\(\*pgconn.Pipeline\).SendQueryParams`
	p.SendQueryParams("DELETE FROM t WHERE n = $1", [][]byte{[]byte(name)}, nil, nil, nil)
	p.SendPrepare("s2", "SELECT n FROM t ORDER BY "+name, nil) // want `\(\*pgconn.Pipeline\).SendPrepare`
	p.SendPrepare("s"+name, "SELECT n FROM t WHERE n = $1", nil)

	var pc4 *pgconn4.PgConn = conn.PgConn()
	pc4.Exec(ctx, "DELETE FROM t WHERE n = '"+name+"'").Close() // want `\(\*pgconn.PgConn\).Exec`
	pc4.Exec(ctx, "DELETE FROM t").Close()
}
