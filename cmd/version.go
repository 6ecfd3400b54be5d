package cmd

import "runtime/debug"

// version is set at link time (-ldflags "-X github.com/agdash/agdash/cmd.version=v1.2.3").
var version = ""

// versionString is the release version, or the module version and VCS
// revision the binary was built from.
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
