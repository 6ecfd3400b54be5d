package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// SigV4 verification: the server recomputes the signature of each request
// from the signer's secret and compares. Header-signed requests only
// (presigned URLs and chunked uploads are not supported).

const (
	sigV4Algorithm  = "AWS4-HMAC-SHA256"
	amzDateFormat   = "20060102T150405Z"
	unsignedPayload = "UNSIGNED-PAYLOAD"
)

// sigV4Auth is a parsed Authorization header.
type sigV4Auth struct {
	accessKey     string
	date          string // yyyymmdd
	region        string
	service       string
	signedHeaders []string
	signature     string
}

func (a sigV4Auth) scope() string {
	return a.date + "/" + a.region + "/" + a.service + "/aws4_request"
}

// parseAuthorization reads "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/sts/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=…".
func parseAuthorization(h string) (sigV4Auth, *Error) {
	var a sigV4Auth
	rest, ok := strings.CutPrefix(h, sigV4Algorithm+" ")
	if !ok {
		return a, IncompleteSignatureException("Authorization header requires the %s algorithm", sigV4Algorithm)
	}
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			fields := strings.Split(v, "/")
			if len(fields) != 5 || fields[4] != "aws4_request" || fields[0] == "" {
				return a, IncompleteSignatureException("Credential should be scoped correctly: %q", v)
			}
			a.accessKey, a.date, a.region, a.service = fields[0], fields[1], fields[2], fields[3]
		case "SignedHeaders":
			a.signedHeaders = strings.Split(v, ";")
		case "Signature":
			a.signature = v
		}
	}
	switch {
	case a.accessKey == "":
		return a, IncompleteSignatureException("Authorization header requires 'Credential' parameter.")
	case len(a.signedHeaders) == 0 || a.signedHeaders[0] == "":
		return a, IncompleteSignatureException("Authorization header requires 'SignedHeaders' parameter.")
	case a.signature == "":
		return a, IncompleteSignatureException("Authorization header requires 'Signature' parameter.")
	case !slices.Contains(a.signedHeaders, "host"):
		return a, IncompleteSignatureException("'Host' must be a signed header.")
	}
	return a, nil
}

// requestSigningName returns the signing name of a signed request, or "".
func requestSigningName(r *http.Request) (string, string) {
	a, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return "", ""
	}
	return a.service, a.region
}

// verifySigV4 checks r's signature and returns who signed it.
func verifySigV4(r *http.Request, body []byte, keys *iam.Keyring) (iam.Principal, sigV4Auth, *Error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		if r.URL.Query().Get("X-Amz-Signature") != "" {
			return iam.Principal{}, sigV4Auth{}, MissingAuthenticationToken("Presigned URLs are not supported by the sandbox.")
		}
		return iam.Principal{}, sigV4Auth{}, MissingAuthenticationToken("Request is missing Authentication Token")
	}
	a, err := parseAuthorization(h)
	if err != nil {
		return iam.Principal{}, a, err
	}
	p, ok := keys.Lookup(a.accessKey)
	if !ok {
		return iam.Principal{}, a, UnrecognizedClientException("The security token included in the request is invalid.")
	}
	if p.SessionToken != "" && r.Header.Get("X-Amz-Security-Token") != p.SessionToken {
		return iam.Principal{}, a, UnrecognizedClientException("The security token included in the request is invalid.")
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		if d, perr := http.ParseTime(r.Header.Get("Date")); perr == nil {
			amzDate = d.UTC().Format(amzDateFormat)
		}
	}
	if _, perr := time.Parse(amzDateFormat, amzDate); perr != nil {
		return iam.Principal{}, a, IncompleteSignatureException("Authorization requires an X-Amz-Date or Date header.")
	}
	if amzDate[:8] != a.date {
		return iam.Principal{}, a, InvalidSignatureException("Credential should be scoped to a valid date %s, not %s.", amzDate[:8], a.date)
	}
	payloadHash, err := payloadHash(r, body)
	if err != nil {
		return iam.Principal{}, a, err
	}
	key := signingKey(p.SecretAccessKey, a)
	for _, uri := range canonicalURIs(r) {
		canonical := canonicalRequest(r, a, uri, payloadHash)
		toSign := sigV4Algorithm + "\n" + amzDate + "\n" + a.scope() + "\n" + hexSHA256([]byte(canonical))
		if hmac.Equal([]byte(hex.EncodeToString(hmacSHA256(key, toSign))), []byte(a.signature)) {
			return p, a, nil
		}
	}
	return iam.Principal{}, a, InvalidSignatureException("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
}

// payloadHash is the hash the client signed: X-Amz-Content-Sha256 when
// present (checked against the body unless unsigned), else the body's.
func payloadHash(r *http.Request, body []byte) (string, *Error) {
	actual := hexSHA256(body)
	claimed := r.Header.Get("X-Amz-Content-Sha256")
	switch {
	case claimed == "":
		return actual, nil
	case claimed == unsignedPayload:
		return claimed, nil
	case strings.HasPrefix(claimed, "STREAMING-"):
		return "", InvalidSignatureException("Chunked (%s) payloads are not supported by the sandbox.", claimed)
	case claimed != actual:
		return "", NewError(http.StatusBadRequest, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
	}
	return claimed, nil
}

// canonicalURIs returns the canonical paths a client may have signed: AWS
// escapes the (already escaped) path again for every service but S3, which
// signs the path as sent. Both are tried, so either convention verifies.
func canonicalURIs(r *http.Request) []string {
	raw := r.RequestURI
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		raw = raw[:i]
	}
	if raw == "" || raw[0] != '/' {
		raw = r.URL.EscapedPath()
	}
	if raw == "" {
		raw = "/"
	}
	double := awsEscape(raw, false)
	if double == raw {
		return []string{raw}
	}
	return []string{double, raw}
}

func canonicalRequest(r *http.Request, a sigV4Auth, uri, payloadHash string) string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	b.WriteString(uri)
	b.WriteByte('\n')
	b.WriteString(canonicalQuery(r.URL.RawQuery))
	b.WriteByte('\n')
	for _, name := range a.signedHeaders {
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(canonicalHeaderValue(r, name))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(a.signedHeaders, ";"))
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

func canonicalHeaderValue(r *http.Request, name string) string {
	var vals []string
	switch name {
	case "host":
		vals = []string{r.Host}
	case "content-length":
		vals = slices.Clone(r.Header.Values("Content-Length"))
		if len(vals) == 0 {
			vals = []string{strconv.FormatInt(r.ContentLength, 10)}
		}
	default:
		vals = slices.Clone(r.Header.Values(name))
	}
	for i, v := range vals {
		vals[i] = strings.Join(strings.Fields(v), " ")
	}
	return strings.Join(vals, ",")
}

// canonicalQuery sorts and re-escapes the raw query string.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type kv struct{ k, v string }
	var pairs []kv
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		pairs = append(pairs, kv{awsEscape(queryUnescape(k), true), awsEscape(queryUnescape(v), true)})
	}
	slices.SortFunc(pairs, func(a, b kv) int {
		if c := strings.Compare(a.k, b.k); c != 0 {
			return c
		}
		return strings.Compare(a.v, b.v)
	})
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k)
		b.WriteByte('=')
		b.WriteString(p.v)
	}
	return b.String()
}

// queryUnescape decodes %XX escapes and '+' as a space, leaving malformed
// escapes as they are.
func queryUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// awsEscape percent-encodes every byte but A-Z a-z 0-9 - _ . ~ (and '/'
// unless encodeSlash), as SigV4 requires.
func awsEscape(s string, encodeSlash bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') ||
			c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func signingKey(secret string, a sigV4Auth) []byte {
	k := hmacSHA256([]byte("AWS4"+secret), a.date)
	k = hmacSHA256(k, a.region)
	k = hmacSHA256(k, a.service)
	return hmacSHA256(k, "aws4_request")
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
