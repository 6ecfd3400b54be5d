package themes

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every colour belongs to a palette: no Go file outside themes/ may
// construct one.
func TestNoColourConstructedOutsideThemes(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("expected the module root at %s: %v", root, err)
	}
	forbidden := []string{"lipgloss.Color(", "lipgloss.AdaptiveColor{", "lipgloss.ANSIColor(", "lipgloss.CompleteColor{", "termenv.RGBColor(", "termenv.ANSI256Color("}
	scanned := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == "themes" || strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" || d.Name() == "vendor" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		scanned++
		for i, line := range strings.Split(string(data), "\n") {
			for _, f := range forbidden {
				if strings.Contains(line, f) {
					t.Errorf("%s:%d constructs a colour (%s); colours live in themes/", rel, i+1, f)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned == 0 {
		t.Fatal("scanned no Go files outside themes/")
	}
}
