package restore

import (
	"encoding/json"
	"path"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzMapPaths checks MapPaths' promises on arbitrary input: never a
// panic, and every accepted result absolute, clean, inside the home
// (unless wholeFS), free of control characters, unique, at most ten, and
// carried through Plan's JSON unchanged.
func FuzzMapPaths(f *testing.F) {
	f.Add("/200005", "notebooks/model.R", "/notebooks/data/", false)
	f.Add("/200005", "../200007", "a\x00", false)
	f.Add("", "/200005/x", "//y/./z", true)
	f.Add("/200005", "/", ".", false)
	f.Add("/200005", "a/../../b", "\xff", false)
	f.Fuzz(func(t *testing.T, home, p1, p2 string, wholeFS bool) {
		got, err := MapPaths(home, []string{p1, p2}, wholeFS)
		if err != nil {
			if got != nil {
				t.Fatalf("paths %q with error %v", got, err)
			}
			return
		}
		if len(got) != 2 || got[0] == got[1] {
			t.Fatalf("mapped %q, %q to %q", p1, p2, got)
		}
		base := path.Clean(home)
		for _, g := range got {
			if !strings.HasPrefix(g, "/") || path.Clean(g) != g || !utf8.ValidString(g) {
				t.Fatalf("%q is not absolute, clean UTF-8", g)
			}
			if strings.IndexFunc(g, unicode.IsControl) >= 0 {
				t.Fatalf("%q has a control character", g)
			}
			if !wholeFS && g != base && !strings.HasPrefix(g, base+"/") {
				t.Fatalf("%q is outside home %q", g, home)
			}
			if wholeFS && g == "/" {
				t.Fatal("root accepted")
			}
		}
		var items []string
		if err := json.Unmarshal([]byte(Plan("fs-1", got)["itemsToRestore"]), &items); err != nil || !reflect.DeepEqual(items, got) {
			t.Fatalf("itemsToRestore does not round-trip %q: %q, %v", got, items, err)
		}
	})
}
