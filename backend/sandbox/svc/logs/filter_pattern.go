package logs

import (
	"regexp"
	"strings"
)

// A filter pattern for unstructured log events, as CloudWatch Logs reads
// one: terms that must all appear, ?terms of which one must appear, and
// -terms that must not; a term is a word of letters, digits and
// underscores, or any text in double quotes. Matching is case-sensitive
// substring search. A pattern wrapped in %…% is a regular expression.
// JSON ({ $.x = … }) and space-delimited ([a, b, …]) patterns are refused.

// pattern is a compiled filter pattern.
type pattern struct {
	all, any, none []string
	re             *regexp.Regexp
}

// match reports whether msg matches p.
func (p *pattern) match(msg string) bool {
	if p.re != nil {
		return p.re.MatchString(msg)
	}
	for _, t := range p.all {
		if !strings.Contains(msg, t) {
			return false
		}
	}
	for _, t := range p.none {
		if strings.Contains(msg, t) {
			return false
		}
	}
	if len(p.any) == 0 {
		return true
	}
	for _, t := range p.any {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}

// parsePattern compiles a filter pattern; an empty one matches everything.
func parsePattern(src string) (*pattern, error) {
	s := strings.TrimSpace(src)
	p := &pattern{}
	switch {
	case s == "":
		return p, nil
	case strings.HasPrefix(s, "{"):
		return nil, invalidParameter("Invalid filter pattern: JSON filter patterns ({ $.field = value }) are not supported by the sandbox.")
	case strings.HasPrefix(s, "["):
		return nil, invalidParameter("Invalid filter pattern: space-delimited filter patterns ([field, ...]) are not supported by the sandbox.")
	case len(s) >= 2 && s[0] == '%' && s[len(s)-1] == '%':
		re, err := regexp.Compile(s[1 : len(s)-1])
		if err != nil {
			return nil, invalidParameter("Invalid regex pattern %s: %v", s, err)
		}
		p.re = re
		return p, nil
	}
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		list := &p.all
		switch s[i] {
		case '?':
			list = &p.any
			i++
		case '-':
			list = &p.none
			i++
		}
		term, n, err := readTerm(s[i:])
		if err != nil {
			return nil, err
		}
		*list = append(*list, term)
		i += n
	}
	return p, nil
}

// readTerm reads a quoted or bare term at the start of s and says how many
// bytes it took.
func readTerm(s string) (string, int, error) {
	if s == "" || s[0] == ' ' {
		return "", 0, invalidParameter("Invalid filter pattern: an operator must be followed by a term.")
	}
	if s[0] == '"' {
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch {
			case s[i] == '\\' && i+1 < len(s):
				i++
				b.WriteByte(s[i])
			case s[i] == '"':
				return b.String(), i + 1, nil
			default:
				b.WriteByte(s[i])
			}
		}
		return "", 0, invalidParameter("Invalid filter pattern: unterminated quoted term %s", s)
	}
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		end = len(s)
	}
	term := s[:end]
	for _, c := range term {
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", 0, invalidParameter("Invalid character(s) in term '%s': terms that include characters other than "+
				"alphanumeric or underscore must be placed inside double quotes.", term)
		}
	}
	return term, end, nil
}
