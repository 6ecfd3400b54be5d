package cmd

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agdash/agdash/views/kit"
)

// Chinese, Malay, Tamil and emoji in names take their width in terminal
// cells, so the columns after them stay in line.
func TestGetTableAlignsWideNames(t *testing.T) {
	l := listing{noun: "projects", items: []projectOut{}, header: []string{"NAME", "STATUS", "AGE"}, cells: [][]string{
		{"组屋转售估价模型", "CreateCompleted", "3d"},
		{"ramalan-harga-flat", "", "1d"},
		{"மறுவிற்பனை-மதிப்பீடு", "CreateFailed", "2h"},
		{"🏠📈-resale", "CreateCompleted", "5m"},
	}}
	var out, errb bytes.Buffer
	if err := l.print(&out, &errb, outputTable); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	// Names take 16, 18, 17 (as terminals draw Tamil) and 11 cells.
	const want = "" +
		"NAME                 STATUS            AGE\n" +
		"组屋转售估价模型     CreateCompleted   3d\n" +
		"ramalan-harga-flat   -                 1d\n" +
		"மறுவிற்பனை-மதிப்பீடு    CreateFailed      2h\n" +
		"🏠📈-resale          CreateCompleted   5m\n"
	if out.String() != want {
		t.Fatalf("table:\n%s\nwant:\n%s", out.String(), want)
	}
	status, age := 18+columnGap, 18+columnGap+len("CreateCompleted")+columnGap
	for i, cells := range [][2]string{{"STATUS", "AGE"}, {"CreateCompleted", "3d"}, {"-", "1d"}, {"CreateFailed", "2h"}, {"CreateCompleted", "5m"}} {
		if got := cellsBefore(lines[i], cells[0]); got != status {
			t.Errorf("line %d: %s starts at cell %d, want %d", i, cells[0], got, status)
		}
		if got := cellsBefore(lines[i], cells[1]); got != age {
			t.Errorf("line %d: %s starts at cell %d, want %d", i, cells[1], got, age)
		}
	}
}

// cellsBefore is how many terminal cells of line come before the last
// occurrence of cell.
func cellsBefore(line, cell string) int {
	return kit.Width(line[:strings.LastIndex(line, cell)])
}

func TestMetricValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{37535.21, "37535"}, {1408888709.4, "1408888709"}, {-1234.5, "-1234"}, {999.96, "1000"},
		{0.90554, "0.9055"}, {0.5, "0.5"}, {0, "0"}, {12.3456, "12.35"},
	} {
		if got := metricValue(c.v); got != c.want {
			t.Errorf("metricValue(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// Text from AWS in a table cell never reaches the terminal as a control
// character or an escape sequence, and never breaks a row in two.
func FuzzGetTableIsInert(f *testing.F) {
	for _, s := range []string{
		"hdb-resale-valuation", "job\x1b]52;c;ZXZpbA==\a", "\x1b[2J\x1b[H", "a\x9b31mred", "line\nbreak\r\n",
		"\x1bP+q\x1b\\", "tab\there", "组屋\u202eevil", "\xff\xfe", "🏠📈",
	} {
		f.Add(s, "Failed")
	}
	f.Fuzz(func(t *testing.T, name, reason string) {
		l := listing{noun: "training jobs", items: []jobOut{}, header: []string{"NAME", "STATUS"},
			cells: [][]string{{name, reason}, {"plain", name}}}
		var out, errb bytes.Buffer
		if err := l.print(&out, &errb, outputTable); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if n := strings.Count(s, "\n"); n != 3 {
			t.Fatalf("%d lines for a header and two rows: %q", n, s)
		}
		for _, r := range s {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("control character %U in the table: %q", r, s)
			}
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in the table: %q", s)
		}
	})
}
