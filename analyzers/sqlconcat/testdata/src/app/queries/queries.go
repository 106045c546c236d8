package queries

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"app/store"
	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
	pgx5 "github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"gorm.io/gorm"
)

const usersTable = "users"

func inline(db *sql.DB, id int) {
	name := os.Getenv("NAME")
	db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name)) // want `query text passed to \(\*sql.DB\).Query is built from external input \(os.Getenv\(...\)\); pass values as arguments with \$1, \$2 placeholders`
	db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %d", id))
	db.Query(fmt.Sprintf("SELECT * FROM %s WHERE id = $1", usersTable), id)
}

var byEnv = "SELECT * FROM " + os.Getenv("TABLE")

var fixed = "SELECT * FROM " + usersTable

func vars(db *sql.DB) {
	db.Exec(byEnv) // want `query text passed to \(\*sql.DB\).Exec is built from external input \(os.Getenv\(...\)\)`
	db.Exec(fixed)
	var q = "SELECT * FROM t WHERE name = '" + os.Args[1] + "'"
	db.Exec(q) // want `external input \(os.Args\[...\]\)`
	var c = "SELECT 1"
	db.Exec(c)
}

func reassigned(ctx context.Context, db *sql.DB, filter bool, id int) {
	q := "SELECT * FROM users"
	if filter {
		q += " WHERE name = '" + os.Getenv("USER") + "'"
	}
	db.QueryContext(ctx, q) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	q2 := "SELECT * FROM users"
	if filter {
		q2 += " WHERE id = " + strconv.Itoa(id)
	}
	db.QueryContext(ctx, q2)
}

func chosen(db *sql.DB, sortBy string) {
	col := "created_at"
	switch sortBy {
	case "name":
		col = "name"
	case "email":
		col = "email"
	}
	db.Query("SELECT * FROM users ORDER BY " + col)
	cols := map[string]string{"n": "name", "e": "email"}
	db.Query("SELECT * FROM users ORDER BY " + cols[sortBy])
}

func sanitised(db *sql.DB) {
	db.Query("SELECT * FROM " + pq.QuoteIdentifier(os.Getenv("TABLE")))
	db.Query("SELECT * FROM " + pgx.Identifier{os.Getenv("TABLE")}.Sanitize())
	db.Query("SELECT * FROM " + os.Getenv("TABLE")) // want `external input`
}

func builders(db *sql.DB, ids []int) {
	var b strings.Builder
	b.WriteString("SELECT * FROM users WHERE name IN (")
	b.WriteString(os.Getenv("NAMES"))
	b.WriteString(")")
	db.Query(b.String()) // want `external input`
	var c strings.Builder
	c.WriteString("SELECT * FROM users WHERE id IN (")
	for i, id := range ids {
		if i > 0 {
			c.WriteString(",")
		}
		c.WriteString(strconv.Itoa(id))
	}
	db.Query(c.String())
	db.Query("SELECT * FROM t WHERE c IN (" + strings.Join([]string{"'a'", "'b'"}, ",") + ")")
	db.Query("SELECT * FROM t WHERE c IN (" + strings.Join(os.Args, ",") + ")") // want `external input`
}

// run is a wrapper: it is judged at each call.
func run(db *sql.DB, q string) {
	db.Exec(q)
}

func wrappers(db *sql.DB) {
	run(db, "DELETE FROM t")
	run(db, "DELETE FROM t WHERE name = '"+os.Getenv("N")+"'") // want `query text that queries.run passes to \(\*sql.DB\).Exec \(queries/queries.go:\d+\) is built from external input`
}

func helpers(db *sql.DB, n int) {
	db.Query("SELECT * FROM t WHERE " + store.Where("name", os.Getenv("N"))) // want `external input \(os.Getenv\(...\)\)`
	db.Query("SELECT * FROM t WHERE " + store.Where("name", "bob"))
	db.Query("SELECT * FROM t" + store.Limit(n))
}

func nonConstant(db *sql.DB, lookup func() string) {
	db.Query("SELECT * FROM " + lookup()) // want `query text passed to \(\*sql.DB\).Query is built from non-constant text \(lookup\(...\)\)`
	db.Query("SELECT * FROM users")
}

func sqlxSinks(db *sqlx.DB, q sqlx.Queryer, ctx context.Context) {
	var out []string
	name := os.Getenv("N")
	db.Select(&out, "SELECT * FROM t WHERE n = '"+name+"'") // want `query text passed to \(\*sqlx.DB\).Select is built from external input`
	db.Select(&out, "SELECT * FROM t WHERE n = $1", name)
	db.Get(&out, "SELECT * FROM t WHERE n = '"+name+"'")                // want `\(\*sqlx.DB\).Get`
	db.Queryx("SELECT * FROM t WHERE n = '" + name + "'")               // want `\(\*sqlx.DB\).Queryx`
	db.QueryRowx("SELECT * FROM t WHERE n = '" + name + "'")            // want `\(\*sqlx.DB\).QueryRowx`
	db.MustExec("DELETE FROM t WHERE n = '" + name + "'")               // want `\(\*sqlx.DB\).MustExec`
	db.NamedExec("DELETE FROM t WHERE n = '"+name+"'", nil)             // want `\(\*sqlx.DB\).NamedExec`
	db.NamedQuery("SELECT * FROM t WHERE n = '"+name+"'", nil)          // want `\(\*sqlx.DB\).NamedQuery`
	db.SelectContext(ctx, &out, "SELECT * FROM t WHERE n = '"+name+"'") // want `\(\*sqlx.DB\).SelectContext`
	q.Queryx("SELECT * FROM t WHERE n = '" + name + "'")                // want `\(sqlx.Queryer\).Queryx`
	sqlx.Select(q, &out, "SELECT * FROM t WHERE n = '"+name+"'")        // want `sqlx.Select`
	db.Query(db.Rebind("SELECT * FROM t WHERE n = '" + name + "'"))     // want `\(\*sql.DB\).Query is built from external input`
	db.Query(db.Rebind("SELECT * FROM t WHERE n = ?"), name)
	in, args, _ := sqlx.In("SELECT * FROM t WHERE n IN (?)", []string{name})
	db.Query(in, args...)
}

func gormSinks(db *gorm.DB) {
	name := os.Getenv("N")
	db.Raw("SELECT * FROM t WHERE n = '" + name + "'") // want `query text passed to \(\*gorm.DB\).Raw is built from external input \(os.Getenv\(...\)\); pass values as arguments with \? placeholders`
	db.Raw("SELECT * FROM t WHERE n = ?", name)
	db.Exec("DELETE FROM t WHERE n = '" + name + "'") // want `\(\*gorm.DB\).Exec`
	db.Where("name = '" + name + "'")                 // want `\(\*gorm.DB\).Where`
	db.Where("name = ?", name)
	db.Where(map[string]interface{}{"name": name})
	db.Or(fmt.Sprintf("name = '%s'", name)) // want `\(\*gorm.DB\).Or`
	db.Not("name = '" + name + "'")         // want `\(\*gorm.DB\).Not`
	db.Having("count(*) > " + name)         // want `\(\*gorm.DB\).Having`
	db.Order(name)                          // want `\(\*gorm.DB\).Order`
	db.Order("name desc")
	db.Group(name)                       // want `\(\*gorm.DB\).Group`
	db.Joins("JOIN x ON x.id = " + name) // want `\(\*gorm.DB\).Joins`
	db.Select(name)                      // want `\(\*gorm.DB\).Select`
	db.Select([]string{"name", "email"})
}

func pgxSinks(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool, tx pgx.Tx, conn5 *pgx5.Conn) {
	name := os.Getenv("N")
	conn.Query(ctx, "SELECT * FROM t WHERE n = '"+name+"'") // want `query text passed to \(\*pgx.Conn\).Query is built from external input \(os.Getenv\(...\)\); pass values as arguments with \$1, \$2 placeholders`
	conn.Query(ctx, "SELECT * FROM t WHERE n = $1", name)
	conn.QueryRow(ctx, "SELECT * FROM t WHERE n = '"+name+"'") // want `\(\*pgx.Conn\).QueryRow`
	conn.Exec(ctx, "DELETE FROM t WHERE n = '"+name+"'")       // want `\(\*pgx.Conn\).Exec`
	pool.Exec(ctx, "DELETE FROM t WHERE n = '"+name+"'")       // want `\(\*pgxpool.Pool\).Exec`
	pool.Query(ctx, "SELECT 1")
	tx.QueryRow(ctx, "SELECT * FROM t WHERE n = '"+name+"'") // want `\(pgx.Tx\).QueryRow`
	conn5.Query(ctx, "SELECT * FROM t WHERE n = '"+name+"'") // want `\(\*pgx.Conn\).Query`
	b := &pgx.Batch{}
	b.Queue("INSERT INTO t VALUES ('" + name + "')") // want `\(\*pgx.Batch\).Queue`
	b.Queue("INSERT INTO t VALUES ($1)", name)
	conn.SendBatch(ctx, b)
}

func closures(db *sql.DB) {
	q := "SELECT * FROM t WHERE n = '" + os.Getenv("N") + "'"
	func() {
		db.Query(q) // want `external input`
	}()
	ok := "SELECT 1"
	func() {
		db.Query(ok)
	}()
}

// methodExpressions calls sinks through method expressions, whose first
// argument is the receiver.
func methodExpressions(db *sql.DB, ctx context.Context) {
	h := (*sql.DB).QueryContext
	h(db, context.Background(), "SELECT 1")
	g := (*sql.DB).Query
	g(db, "SELECT * FROM t WHERE a = "+os.Args[1]) // want `query text passed to \(\*sql.DB\).Query is built from external input \(os.Args\[...\]\)`
	f := db.Query
	f("SELECT * FROM t WHERE b = " + os.Args[1]) // want `query text passed to \(\*sql.DB\).Query is built from external input \(os.Args\[...\]\)`
}

type repo struct{ db *sql.DB }

func (r *repo) exec(q string) { r.db.Exec(q) }

// helperMethodExpression calls a helper method through a method
// expression.
func helperMethodExpression(r *repo) {
	x := (*repo).exec
	x(r, "DELETE FROM t WHERE id = "+os.Args[1]) // want `query text that .*exec passes to \(\*sql.DB\).Exec \(queries/queries.go:\d+\) is built from external input`
	x(r, "DELETE FROM t")
}

// literalHelper passes the text to a function literal called where it is
// made, which the message names by where it is written.
func literalHelper(db *sql.DB) {
	func(q string) { db.Exec(q) }("DELETE FROM t WHERE id = " + os.Args[1]) // want `query text that a function literal in queries.literalHelper passes to \(\*sql.DB\).Exec \(queries/queries.go:\d+\) is built from external input`
}

// nonWord cleans a table name down to letters and digits, as go-micro
// v5's postgres store does.
var nonWord = regexp.MustCompile("[^a-zA-Z0-9]+")

type tables struct {
	db *sql.DB
	re *regexp.Regexp
}

func newTables(db *sql.DB) *tables {
	return &tables{db: db, re: regexp.MustCompile("[^a-z_]")}
}

func (t *tables) create(name string) {
	t.db.Exec("CREATE TABLE " + t.re.ReplaceAllString(name, "_") + " (id int)")
}

func cleanedIdentifiers(db *sql.DB) {
	db.Exec("DROP TABLE " + nonWord.ReplaceAllString(os.Args[1], "_"))
	newTables(db).create(os.Args[1])
	spaces := regexp.MustCompile("[^a-zA-Z0-9 ]+")
	db.Exec("DROP TABLE " + spaces.ReplaceAllString(os.Args[1], "_"))                      // want `query text passed to \(\*sql.DB\).Exec is built from external input`
	db.Exec("DROP TABLE " + nonWord.ReplaceAllString(os.Args[1], "${1}"))                  // want `query text passed to \(\*sql.DB\).Exec is built from external input`
	db.Exec("DROP TABLE " + regexp.MustCompile("[a-z]+").ReplaceAllString(os.Args[1], "")) // want `query text passed to \(\*sql.DB\).Exec is built from external input`
}

func execOne(db *sql.DB, q string) { db.Exec(q) }
func execTwo(db *sql.DB, q string) { db.Exec(q) }

// execBoth reaches (*sql.DB).Exec along two paths: a call of it is one
// finding, not one for each path.
func execBoth(db *sql.DB, q string) {
	execOne(db, q)
	execTwo(db, q)
}

func bothPaths(db *sql.DB) {
	execBoth(db, "DELETE FROM t WHERE id = "+os.Args[1]) // want `query text that queries.execBoth → queries.execOne passes to \(\*sql.DB\).Exec`
}

func pick(db *sql.DB, a, b string) {
	execOne(db, a)
	execTwo(db, b)
}

// worstPath reaches Exec with a host name along one path and with
// external input along the other: the finding tells of the input.
func worstPath(db *sql.DB) {
	h, _ := os.Hostname()
	pick(db, h, os.Args[1]) // want `query text that queries.pick → queries.execTwo passes to \(\*sql.DB\).Exec \(queries/queries.go:\d+\) is built from external input \(os.Args\[...\]\)`
}
