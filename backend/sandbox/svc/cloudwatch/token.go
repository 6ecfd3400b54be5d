package cloudwatch

import (
	"encoding/base64"
	"strings"
)

// Page tokens are opaque to clients: the operation's kind and the fields
// that resume the listing, base64-encoded. A token from another operation,
// or one that was tampered with, is refused with InvalidNextToken.

const tokenSep = "\x1f"

func encodeToken(kind string, fields ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + tokenSep + strings.Join(fields, tokenSep)))
}

// decodeToken returns the n fields of a token of kind.
func decodeToken(kind, token string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return nil, invalidNextToken()
	}
	parts := strings.Split(string(b), tokenSep)
	if len(parts) != n+1 || parts[0] != kind {
		return nil, invalidNextToken()
	}
	return parts[1:], nil
}
