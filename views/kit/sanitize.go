package kit

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from AWS safe to put on the screen as one line: it
// removes ANSI/OSC/DCS/CSI escape sequences and every C0 and C1 control
// character, turns tabs and line breaks into spaces, drops bidirectional
// overrides, and replaces invalid UTF-8 with U+FFFD.
func Sanitize(s string) string {
	if isClean(s, false) {
		return s
	}
	return sanitize(s, false)
}

// SanitizeLines is Sanitize for text whose line breaks the caller keeps
// (log lines, descriptions): "\n" survives, "\r\n" becomes "\n", and a tab
// becomes four spaces.
func SanitizeLines(s string) string {
	if isClean(s, true) {
		return s
	}
	return sanitize(s, true)
}

// isClean is the allocation-free fast path: true when sanitize would
// return s unchanged.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(multiline && c == '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || dropRune(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// dropRune is a non-ASCII rune that never reaches the screen: C1 controls,
// bidirectional embeddings, overrides and isolates, and the BOM.
func dropRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

func sanitize(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	newline := func() {
		if multiline {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				i = skipEscape(s, i+1)
				continue
			case c == '\t':
				if multiline {
					b.WriteString("    ")
				} else {
					b.WriteByte(' ')
				}
			case c == '\n':
				newline()
			case c == '\r':
				if i+1 < len(s) && s[i+1] == '\n' {
					break // the \n that follows makes the break
				}
				newline()
			case c < 0x20 || c == 0x7f:
				// dropped
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d, r == 0x90, r == 0x98, r == 0x9e, r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\u2028' || r == '\u2029':
			newline()
		case dropRune(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// skipEscape returns the index just past the escape sequence whose ESC
// ended at i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then one final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-byte sequence such as ESC c
		return i + 1
	}
	return i // a lone ESC: drop it, keep what follows
}

// skipCSI skips parameter and intermediate bytes and the final byte. A byte
// that cannot be part of the sequence ends it without being consumed.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC body up to and including its
// terminator (BEL, ESC \ or C1 ST); an unterminated one runs to the end.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
