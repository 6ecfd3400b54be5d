package restore

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const home = "/200005" // alice's home: her HomeEfsFileSystemUid

func TestMapPathsInHome(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"relative", []string{"notebooks/model.R"}, []string{"/200005/notebooks/model.R"}},
		{"leading slash means the home too", []string{"/notebooks/model.R"}, []string{"/200005/notebooks/model.R"}},
		{"directory with trailing slash", []string{"hdb-resale/data/"}, []string{"/200005/hdb-resale/data"}},
		{"dot and doubled slashes cleaned", []string{"./notebooks//eda/./plots"}, []string{"/200005/notebooks/eda/plots"}},
		{"the whole home", []string{"/"}, []string{"/200005"}},
		{"dot is the home", []string{"."}, []string{"/200005"}},
		{"spaces and unicode names", []string{"My Notebooks/分析 v2.ipynb", ".Rhistory"}, []string{"/200005/My Notebooks/分析 v2.ipynb", "/200005/.Rhistory"}},
		{"three dots is a name", []string{"..."}, []string{"/200005/..."}},
		{"order kept", []string{"b.R", "a.R"}, []string{"/200005/b.R", "/200005/a.R"}},
		{"ten paths", tenPaths(10), mapped(tenPaths(10))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MapPaths(home, tt.paths, false)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got, err := MapPaths("/200005/", []string{"x"}, false); err != nil || got[0] != "/200005/x" {
		t.Errorf("home with a trailing slash: %q, %v", got, err)
	}
}

func tenPaths(n int) []string {
	var out []string
	for i := range n {
		out = append(out, "notebooks/run-"+string(rune('a'+i))+".ipynb")
	}
	return out
}

func mapped(ps []string) []string {
	var out []string
	for _, p := range ps {
		out = append(out, home+"/"+p)
	}
	return out
}

func TestMapPathsWholeFileSystem(t *testing.T) {
	got, err := MapPaths("", []string{"/200005/notebooks/model.R", "200007/shared", "/lost+found/"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/200005/notebooks/model.R", "/200007/shared", "/lost+found"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMapPathsErrors(t *testing.T) {
	long := strings.Repeat("n", 256)
	tests := []struct {
		name    string
		home    string
		paths   []string
		wholeFS bool
		want    []string // substrings of the error
	}{
		{"no paths", home, nil, false, []string{"no paths to restore"}},
		{"too many", home, tenPaths(11), false, []string{"at most 10 paths", "not 11"}},
		{"empty", home, []string{"a", ""}, false, []string{`path 2 ("") is empty`}},
		{"blank", home, []string{"  "}, false, []string{`path 1 ("  ") is empty`}},
		{"parent escape", home, []string{"../200007/secrets.txt"}, false, []string{`path 1 ("../200007/secrets.txt") contains ".."`}},
		{"parent inside", home, []string{"notebooks/../notebooks/x"}, false, []string{`contains ".."`}},
		{"parent with whole file system", "", []string{"/200005/../etc"}, true, []string{`contains ".."`}},
		{"NUL", home, []string{"model\x00.R"}, false, []string{`path 1 ("model\x00.R") contains the control character U+0000`}},
		{"newline", home, []string{"a\nb"}, false, []string{"U+000A"}},
		{"DEL", home, []string{"a\x7f"}, false, []string{"U+007F"}},
		{"C1 control", home, []string{"a\u0085"}, false, []string{"U+0085"}},
		{"invalid UTF-8", home, []string{"caf\xe9.R"}, false, []string{"not valid UTF-8"}},
		{"long name", home, []string{"d/" + long}, false, []string{"name longer than 255 bytes"}},
		{"long path", home, []string{strings.Repeat("d/", 2100)}, false, []string{"longer than 4096 bytes"}},
		{
			"same item typed twice",
			home, []string{"notebooks/model.R", "/notebooks/model.R/"}, false,
			[]string{`path 2 ("/notebooks/model.R/") is the same item as path 1 ("notebooks/model.R"): /200005/notebooks/model.R`},
		},
		{"file system root", "", []string{"/"}, true, []string{"is the file system root"}},
		{"no home", "", []string{"a"}, false, []string{"no home directory"}},
		{"relative home", "200005", []string{"a"}, false, []string{`home directory "200005" is not an absolute path`}},
		{"root home", "/", []string{"a"}, false, []string{"home directory is the file system root"}},
		{
			"every bad path is listed",
			home, []string{"ok.R", "", "../x", "ok.R"}, false,
			[]string{"path 2", "path 3", "path 4"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MapPaths(tt.home, tt.paths, tt.wholeFS)
			if err == nil {
				t.Fatalf("no error; mapped to %q", got)
			}
			if got != nil {
				t.Errorf("paths returned with an error: %q", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestMapPathsErrorsAreTyped(t *testing.T) {
	_, err := MapPaths(home, []string{"fine.R", "bad\x00"}, false)
	var pe *PathError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *PathError", err)
	}
	if pe.Index != 1 || pe.Path != "bad\x00" {
		t.Errorf("PathError = %+v", pe)
	}
}
