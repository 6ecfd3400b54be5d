package config

import (
	"fmt"
	"path/filepath"
)

// Problem is one thing wrong with the config file, where it is.
type Problem struct {
	// File is the config file's path.
	File string
	// Line is 1-based; 0 when the problem has no single line.
	Line int
	// Path is the key at fault, dotted ("intervals.endpoints"); "" for
	// the file as a whole.
	Path    string
	Message string
}

// String reads "config.yaml:12: intervals.endpoints: …".
func (p Problem) String() string {
	s := filepath.Base(p.File)
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
	}
	if p.Path != "" {
		s += ": " + p.Path
	}
	return s + ": " + p.Message
}
