package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Result is a config file read: what to run with, and what was wrong.
type Result struct {
	// Path is the file read (or looked for).
	Path string
	// Found is false when there is no file there.
	Found bool
	// Config is the file's settings over the defaults, or the defaults
	// alone when the file has any problem.
	Config Config
	// Problems, each with its line and key path; empty when all is well.
	Problems []Problem

	ix index
}

// OK reports whether the file was applied as written.
func (r *Result) OK() bool { return len(r.Problems) == 0 }

// Reject records a problem found outside this package (the shell's check
// of key bindings) at the line of the key path, and falls back to the
// defaults, as for any other problem.
func (r *Result) Reject(path, message string) {
	r.Problems = append(r.Problems, Problem{File: r.Path, Line: r.ix.line(path), Path: path, Message: message})
	r.Config = Default()
}

// Load reads the config file at path. A file that is not there is no
// problem unless explicit (the user named it with --config).
func Load(path string, explicit bool) Result {
	r := Result{Path: path, Config: Default()}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		return r
	case err != nil:
		r.Problems = []Problem{{File: path, Message: "cannot read it: " + unwrapPathError(err)}}
		return r
	}
	r.Found = true
	cfg, ix, problems := parse(path, data)
	r.ix = ix
	if len(problems) > 0 {
		r.Problems = problems
		return r
	}
	r.Config = cfg
	return r
}

// parse reads a config file's contents (file names it in problems): the
// settings over the defaults, and every problem found.
func parse(file string, data []byte) (Config, index, []Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Default(), index{}, []Problem{syntaxProblem(file, err)}
	}
	ix := newIndex(&root)
	var raw Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var problems []Problem
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return Default(), ix, []Problem{syntaxProblem(file, err)}
		}
		for _, msg := range te.Errors {
			problems = append(problems, decodeProblem(file, ix, msg))
		}
	}
	problems = append(problems, validate(file, ix, raw)...)
	if len(problems) > 0 {
		return Default(), ix, problems
	}
	return raw.withDefaults(), ix, nil
}

var (
	lineRE      = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownRE   = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)
	unmarshalRE = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`.*` )?into (\\S+)$")
	twiceRE     = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
)

// syntaxProblem is YAML the parser could not read.
func syntaxProblem(file string, err error) Problem {
	msg := err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Problem{File: file, Line: n, Message: "not valid YAML: " + m[2]}
	}
	return Problem{File: file, Message: "not valid YAML: " + msg}
}

// decodeProblem rewrites one of the YAML decoder's complaints in the
// file's terms: the key path, and what was expected.
func decodeProblem(file string, ix index, msg string) Problem {
	p := Problem{File: file, Message: msg}
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return p
	}
	p.Line, _ = strconv.Atoi(m[1])
	p.Message = m[2]
	path, node := ix.at(p.Line)
	p.Path = path
	value := ""
	if node != nil && node.Kind == yaml.ScalarNode {
		value = node.Value
	}
	switch {
	case unknownRE.MatchString(m[2]):
		u := unknownRE.FindStringSubmatch(m[2])
		p.Message = fmt.Sprintf("unknown key %q%s", u[1], suggest(u[1], knownKeys(u[2])))
	case unmarshalRE.MatchString(m[2]):
		u := unmarshalRE.FindStringSubmatch(m[2])
		p.Message = expected(u[1], u[2], value)
	case twiceRE.MatchString(m[2]):
		u := twiceRE.FindStringSubmatch(m[2])
		p.Message = fmt.Sprintf("%q is set twice (first at line %s)", u[1], u[2])
	}
	return p
}

// expected says what a value should have been.
func expected(got, into, value string) string {
	shown := map[string]string{"map": "a mapping", "seq": "a list", "str": "text", "int": "a number", "float": "a number", "bool": "true or false", "null": "nothing"}[got]
	if value != "" {
		shown = strconv.Quote(value)
	}
	switch into {
	case "time.Duration":
		return shown + " is not a duration (write Go durations such as 15s, 2m or 1h30m)"
	case "float64", "int":
		return shown + " is not a number"
	case "string":
		return "expected text, not " + shown
	case "bool":
		return shown + " is not true or false"
	}
	return "expected " + describe(into) + ", not " + shown
}

func describe(goType string) string {
	switch {
	case len(goType) > 4 && goType[:4] == "map[":
		return "a mapping"
	case len(goType) > 2 && goType[:2] == "[]":
		return "a list"
	}
	return "a mapping of settings"
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
