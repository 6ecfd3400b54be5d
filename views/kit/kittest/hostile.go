package kittest

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agdash/agdash/views/kit"
)

// HostileSeeds are texts that try to act on a terminal, for fuzz corpora:
// clear the screen, set the clipboard (OSC 52), retitle the window, ring
// the bell, carriage returns, C1 controls, DCS/APC/PM/SOS strings,
// direction overrides and invalid UTF-8.
var HostileSeeds = []string{
	"",
	"hdb-resale-valuation",
	"\x1b[2J\x1b[H\x1b]52;c;cm0gLXJmIH4=\x07组屋\r🏠",
	"\x1b]0;pwned\x1b\\\x1b[31mred\x1b[0m\x07",
	"\u009b31m\u009d0;title\u009c\u0085next",
	"\x1bP1$r\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\",
	"tab\there\r\nline\u2028sep\u2029",
	"\u202eevil\u2066iso\u2069\u200f",
	"\xff\xfe\xc0",
	"மறுவிற்பனை Ramalan 房屋 🚀",
}

// Poison sets every string that v (a pointer) holds, however deep —
// struct fields, slices, arrays, map keys and values, pointers — to texts
// in turn, so that a test puts hostile text everywhere AWS text can
// reach. Unexported fields, interfaces and funcs are left alone.
func Poison(v any, texts ...string) {
	if len(texts) == 0 {
		return
	}
	p := &poisoner{texts: texts}
	p.walk(reflect.ValueOf(v))
}

type poisoner struct {
	texts []string
	n     int
}

func (p *poisoner) next() string {
	s := p.texts[p.n%len(p.texts)]
	p.n++
	return s
}

func (p *poisoner) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p.walk(v.Elem())
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(p.next())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				p.walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			p.walk(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() || !v.CanSet() {
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			k := reflect.New(v.Type().Key()).Elem()
			k.Set(iter.Key())
			if k.Kind() == reflect.String {
				k.SetString(p.next() + "#" + strings.Repeat("k", p.n%7)) // keys stay distinct enough
			}
			val := reflect.New(v.Type().Elem()).Elem()
			val.Set(iter.Value())
			p.walk(val)
			out.SetMapIndex(k, val)
		}
		v.Set(out)
	}
}

// AssertInert fails the test when out holds anything a terminal would act
// on: ESC or any other C0 control but the line break, DEL, a C1 control,
// a bidirectional override, embedding or isolate, or invalid UTF-8 (the
// replacement character U+FFFD is fine). Render with the plain no-colour
// styles (themes.BuildNoColorPlain), which write no escape of their own,
// so that any ESC at all is a failure.
func AssertInert(t testing.TB, what, out string) {
	t.Helper()
	for i, r := range out {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			t.Fatalf("%s: control character %U at byte %d: %q", what, r, i, around(out, i))
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c:
			t.Fatalf("%s: direction control %U at byte %d: %q", what, r, i, around(out, i))
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			t.Fatalf("%s: invalid UTF-8 at byte %d", what, i)
		}
	}
}

func around(s string, i int) string { return s[max(0, i-30):min(len(s), i+30)] }

// WideNames are names in the scripts AG's people write, wide and
// combining: Chinese, Malay, Tamil and emoji. Columns must stay aligned
// around them.
var WideNames = []string{"组屋转售估价模型", "ramalan-harga-flat-HDB-baharu", "மறுவிற்பனை-மதிப்பீடு", "🏠📈-resale-估价"}

// ColumnAt is the display column at which text first starts in line, or
// -1 when line does not hold it.
func ColumnAt(line, text string) int {
	i := strings.Index(line, text)
	if i < 0 {
		return -1
	}
	return kit.Width(line[:i])
}

// RequireColumnsAligned fails unless, in every row that shows one of
// names (or the start of it, when cut), the column under header begins
// where the header line (the line holding first) puts it.
func RequireColumnsAligned(t testing.TB, out, first, header string, names []string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	want, head := -1, -1
	for i, l := range lines {
		if strings.Contains(l, first) && kit.Width(l) > 0 {
			if c := ColumnAt(l, header); c >= 0 {
				want, head = c, i
				break
			}
		}
	}
	if want < 0 {
		t.Fatalf("no header line with %s and %s:\n%s", first, header, out)
	}
	seen := 0
	for _, name := range names {
		prefix := string([]rune(name)[:3])
		for _, l := range lines[head+1:] {
			if !strings.Contains(l, prefix) {
				continue
			}
			seen++
			// A cell starts under the header: at that display column the
			// row has a space before and text after.
			aligned := false
			for i := range l {
				if i > 0 && kit.Width(l[:i]) == want && l[i-1] == ' ' && l[i] != ' ' {
					aligned = true
					break
				}
			}
			if !aligned {
				t.Errorf("row %q: no cell starts under %s at cell %d:\n%s", name, header, want, out)
			}
			break
		}
	}
	if seen == 0 {
		t.Fatalf("none of %q is on screen:\n%s", names, out)
	}
}

// AssertPaneInert checks a pane's frame out (drawn at w×h) and its
// breadcrumbs and info line, which the shell draws around it: all inert,
// and the frame exactly w×h.
func AssertPaneInert(t testing.TB, what string, p kit.Pane, out string, w, h int) {
	t.Helper()
	AssertInert(t, what, out)
	RequireBlock(t, out, w, h)
	AssertInert(t, what+" crumbs", strings.Join(p.Crumbs(), " > "))
	AssertInert(t, what+" info", p.Info())
}
