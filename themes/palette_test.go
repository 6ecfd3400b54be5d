package themes

import (
	"strings"
	"testing"
)

func TestBuiltinThemesLoad(t *testing.T) {
	names := Names()
	want := []string{"colorblind", "dark", "high-contrast", "light"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("Names() = %v, want %v", names, want)
	}
	for _, n := range names {
		p, err := Load(n)
		if err != nil {
			t.Fatalf("Load(%q): %v", n, err)
		}
		if p.Name != n {
			t.Errorf("theme file %s.yaml names itself %q", n, p.Name)
		}
	}
}

func TestLoadUnknownThemeListsChoices(t *testing.T) {
	_, err := Load("solarized")
	if err == nil || !strings.Contains(err.Error(), `no theme named "solarized"`) || !strings.Contains(err.Error(), "high-contrast") {
		t.Fatalf("err = %v, want it to name the theme and list the choices", err)
	}
}

// dark's YAML with one line changed, so each case breaks exactly one thing.
func darkWith(t *testing.T, old, new string) []byte {
	t.Helper()
	data, err := builtin.ReadFile("palettes/dark.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("dark.yaml has no %q", old)
	}
	return []byte(strings.Replace(string(data), old, new, 1))
}

func TestParseRejectsBadPalettesNamingTheKey(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"bad hex", `failed: "#f7768e"`, `failed: "#f7768z"`, `key "colors.status.failed": "#f7768z" is not a colour`},
		{"short hex", `running: "#7dcfff"`, `running: "#7dcf"`, `key "colors.status.running": "#7dcf" is not a colour`},
		{"named colour", `match: "#ff9e64"`, `match: "orange"`, `key "colors.table.match": "orange" is not a colour`},
		{"ansi out of range", `muted: "#737aa2"`, `muted: "256"`, `key "colors.base.muted": "256" is not a colour`},
		{"missing key", "    worse: \"#f7768e\"\n", "", `key "colors.delta.worse": missing`},
		{"unknown key", "  delta:\n", "  delta:\n    sideways: \"#ffffff\"\n", `key "colors.delta.sideways": unknown colour name`},
		{"bad series", `series: ["#7aa2f7",`, `series: ["blue",`, `key "series[0]": "blue" is not a colour`},
		{"unknown top-level field", "series:", "colours: {}\nseries:", "field colours not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(darkWith(t, c.old, c.new))
			if err == nil {
				t.Fatalf("Parse accepted a palette with %s", c.name)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %q\nwant it to contain %q", err, c.want)
			}
		})
	}
}

func TestParseAcceptsANSINumbersAndShortHex(t *testing.T) {
	p, err := Parse(darkWith(t, `muted: "#737aa2"`, `muted: "244"`))
	if err != nil {
		t.Fatal(err)
	}
	if p.color("base.muted") != "244" {
		t.Fatalf("base.muted = %q", p.color("base.muted"))
	}
	if _, err := Parse(darkWith(t, `muted: "#737aa2"`, `muted: "#777"`)); err != nil {
		t.Fatal(err)
	}
}

func TestNoColorRequested(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if NoColorRequested(get) {
		t.Fatal("NO_COLOR unset but reported as set")
	}
	env["NO_COLOR"] = "1"
	if !NoColorRequested(get) {
		t.Fatal("NO_COLOR=1 not honoured")
	}
}
