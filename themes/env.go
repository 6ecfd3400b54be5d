package themes

// NoColorRequested reports whether the environment asks for no colour:
// NO_COLOR set to any non-empty value (https://no-color.org).
func NoColorRequested(getenv func(string) string) bool {
	return getenv("NO_COLOR") != ""
}
