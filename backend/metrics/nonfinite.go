package metrics

// nonFiniteToNull replaces the bare tokens NaN, Infinity and -Infinity
// (which Python's json.dump writes for float('nan') and float('inf'))
// with null wherever they stand outside a string, leaving everything else
// byte for byte. Text that is not JSON stays not JSON.
func nonFiniteToNull(b []byte) []byte {
	var out []byte // allocated on the first replacement only
	inString, escaped := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if c == '"' {
			inString = true
		}
		if n := nonFiniteAt(b, i); n > 0 {
			if out == nil {
				out = append(make([]byte, 0, len(b)), b[:i]...)
			}
			out = append(out, "null"...)
			i += n - 1
			continue
		}
		if out != nil {
			out = append(out, c)
		}
	}
	if out == nil {
		return b
	}
	return out
}

// nonFiniteAt returns the length of a NaN/Infinity/-Infinity token at
// b[i], or 0. The token must stand alone, not be part of a longer word.
func nonFiniteAt(b []byte, i int) int {
	if i > 0 && isWordByte(b[i-1]) {
		return 0
	}
	for _, tok := range []string{"NaN", "Infinity", "-Infinity"} {
		end := i + len(tok)
		if end <= len(b) && string(b[i:end]) == tok && (end == len(b) || !isWordByte(b[end])) {
			return len(tok)
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}
