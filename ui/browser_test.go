package ui

import (
	"errors"
	"strings"
	"testing"
)

func TestFindBrowser(t *testing.T) {
	installed := func(names ...string) func(string) (string, error) {
		return func(p string) (string, error) {
			for _, n := range names {
				if n == p {
					return "/usr/bin/" + p, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		name   string
		goos   string
		getenv func(string) string
		look   func(string) (string, error)
		want   string // "" for no browser
	}{
		{"Linux desktop", "linux", env("DISPLAY", ":0"), installed("xdg-open"), "xdg-open"},
		{"Wayland desktop", "linux", env("WAYLAND_DISPLAY", "wayland-0"), installed("xdg-open"), "xdg-open"},
		{"Linux without a display", "linux", env(), installed("xdg-open"), ""},
		{"Linux desktop without xdg-open", "linux", env("DISPLAY", ":0"), installed(), ""},
		{"SSH session without a display", "linux", env("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22"), installed("xdg-open"), ""},
		{"SSH session from a Mac: no browser on the far side", "darwin", env("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22"), installed(), ""},
		{"SSH with X forwarding", "linux", env("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22", "DISPLAY", "localhost:10.0"), installed("xdg-open"), "xdg-open"},
		{"macOS", "darwin", env(), installed(), "open"},
		{"Windows", "windows", env(), installed(), "rundll32 url.dll,FileProtocolHandler"},
		{"$BROWSER wins", "linux", env("DISPLAY", ":0", "BROWSER", "firefox --new-tab"), installed("xdg-open", "firefox"), "firefox --new-tab"},
		{"$BROWSER not installed", "linux", env("DISPLAY", ":0", "BROWSER", "nosuch"), installed("xdg-open"), "xdg-open"},
		{"no environment at all", "linux", nil, installed("xdg-open"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(findBrowser(c.goos, c.getenv, c.look), " ")
			if got != c.want {
				t.Errorf("findBrowser = %q, want %q", got, c.want)
			}
			if (findBrowser(c.goos, c.getenv, c.look).opener() == nil) != (c.want == "") {
				t.Errorf("opener presence does not match the command")
			}
		})
	}
}
