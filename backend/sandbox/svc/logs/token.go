package logs

import (
	"encoding/base64"
	"strings"
)

// Page tokens of DescribeLogGroups, DescribeLogStreams and FilterLogEvents
// are opaque: the operation, what the listing was of, and where it
// resumes, base64-encoded. GetLogEvents uses the world's f/…/b/… tokens,
// which are AWS's shape.

const tokenSep = "\x1e"

func encodeToken(fields ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(fields, tokenSep)))
}

// decodeToken returns a token's fields if it begins with want.
func decodeToken(token string, want ...string) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return nil, invalidParameter("The specified nextToken is invalid.")
	}
	f := strings.Split(string(b), tokenSep)
	if len(f) < len(want) {
		return nil, invalidParameter("The specified nextToken is invalid.")
	}
	for i, w := range want {
		if f[i] != w {
			return nil, invalidParameter("The specified nextToken is invalid.")
		}
	}
	return f[len(want):], nil
}
