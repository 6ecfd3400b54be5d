package restore

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what is restored at once and on EFS path lengths.
const (
	// MaxPaths is how many items the AWS Backup console restores at once;
	// agdash keeps to it so a request looks the same from either.
	MaxPaths = 10
	// MaxNameBytes and MaxPathBytes are EFS's (NFSv4.1) limits.
	MaxNameBytes = 255
	MaxPathBytes = 4096
)

// PathError is one path that cannot be restored.
type PathError struct {
	Index  int    // position in the list the user typed, from 0
	Path   string // as typed
	Reason string
}

func (e *PathError) Error() string {
	return fmt.Sprintf("path %d (%q) %s", e.Index+1, e.Path, e.Reason)
}

// MapPaths maps typed paths onto the file system. Unless wholeFS is set,
// each path is relative to the user's home directory (home, e.g.
// "/200005"): "notebooks/model.R" and "/notebooks/model.R" both mean
// "/200005/notebooks/model.R", and "/" means the whole home. With wholeFS
// they are absolute on the file system. Results are absolute and clean.
//
// It refuses an empty list or more than MaxPaths, and any path that is
// empty, contains a ".." element, a control character or invalid UTF-8,
// has a name over 255 bytes or is over 4,096 bytes, maps to the same item
// as another, or (with wholeFS) is the file system root, which is a full
// restore rather than an item-level one. The error lists every bad path;
// each is a *PathError that errors.As finds.
func MapPaths(home string, paths []string, wholeFS bool) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("no paths to restore")
	}
	if len(paths) > MaxPaths {
		return nil, fmt.Errorf("at most %d paths can be restored at once, not %d", MaxPaths, len(paths))
	}
	base := "/"
	if !wholeFS {
		if err := checkHome(home); err != nil {
			return nil, err
		}
		base = path.Clean(home)
	}

	var errs []error
	out := make([]string, 0, len(paths))
	firstAt := map[string]int{}
	for i, p := range paths {
		mapped, reason := mapOne(base, p, wholeFS)
		if reason == "" {
			if j, dup := firstAt[mapped]; dup {
				reason = fmt.Sprintf("is the same item as path %d (%q): %s", j+1, paths[j], mapped)
			}
		}
		if reason != "" {
			errs = append(errs, &PathError{Index: i, Path: p, Reason: reason})
			continue
		}
		firstAt[mapped] = i
		out = append(out, mapped)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// mapOne maps one typed path under base, or says why it cannot.
func mapOne(base, p string, wholeFS bool) (string, string) {
	if reason := badText(p); reason != "" {
		return "", reason
	}
	if hasDotDot(p) {
		return "", `contains "..": type the path it leads to instead`
	}
	for _, elem := range strings.Split(p, "/") {
		if len(elem) > MaxNameBytes {
			return "", fmt.Sprintf("has a name longer than %d bytes", MaxNameBytes)
		}
	}
	mapped := path.Join(base, strings.TrimLeft(p, "/"))
	switch {
	case len(mapped) > MaxPathBytes:
		return "", fmt.Sprintf("is longer than %d bytes on the file system", MaxPathBytes)
	case wholeFS && mapped == "/":
		return "", "is the file system root; restoring everything is a full restore, not an item-level one"
	case !wholeFS && mapped != base && !strings.HasPrefix(mapped, base+"/"):
		// Unreachable without "..", kept so a future change cannot leak.
		return "", "is outside the home directory " + base
	}
	return mapped, ""
}

// badText says why a typed path cannot be a file name, or "".
func badText(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return "is empty"
	case !utf8.ValidString(p):
		return "is not valid UTF-8"
	}
	for _, r := range p {
		if unicode.IsControl(r) {
			return fmt.Sprintf("contains the control character %U", r)
		}
	}
	return ""
}

func checkHome(home string) error {
	switch {
	case home == "":
		return errors.New("the user has no home directory on the file system (no home uid is known)")
	case !strings.HasPrefix(home, "/") || badText(home) != "" || hasDotDot(home):
		return fmt.Errorf("the home directory %q is not an absolute path", home)
	case path.Clean(home) == "/":
		return errors.New("the home directory is the file system root; restore with whole-file-system paths instead")
	}
	return nil
}

func hasDotDot(p string) bool {
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return true
		}
	}
	return false
}
