// Package logging opens agdash's structured log (--log-file) and keeps
// secrets out of it.
package logging

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Redacted replaces a secret in the log.
const Redacted = "[REDACTED]"

// secretKeyName matches attribute keys that name a secret, compared without
// case, dashes or underscores: secret access keys, session and security
// tokens, signatures, Authorization headers, passwords, credentials.
var secretKeyName = regexp.MustCompile(`(?i)secret|token|signature|authorization|password|passwd|credential|cookie|privatekey|apikey`)

// secretValues find secrets inside any text: a SigV4 Authorization
// header's credential and signature, presigned-URL query parameters,
// access key ids, and long base64 runs such as secret keys and session
// tokens (which may sit in an error message or a URL).
var secretValues = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(?i)(AWS4-HMAC-SHA256\s+)[^\n"]*`), "${1}" + Redacted},
	{regexp.MustCompile(`(?i)((?:X-Amz-)?(?:Signature|Security-Token|Credential)[=:]\s*)[^\s&",;]+`), "${1}" + Redacted},
	{regexp.MustCompile(`(?i)((?:aws_)?(?:secret_access_key|session_token|security_token)["']?\s*[=:]\s*["']?)[^\s"',;&]+`), "${1}" + Redacted},
	{regexp.MustCompile(`\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b`), Redacted},
	// A secret access key: 40 base64 characters with mixed case and a
	// digit or symbol. Hex digests (lower case only) do not match.
	{regexp.MustCompile(`(?:^|[^A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=])`), ""},
	// Session tokens are hundreds of base64 characters.
	{regexp.MustCompile(`[A-Za-z0-9/+]{100,}={0,2}`), Redacted},
}

// Scrub removes secrets from text.
func Scrub(s string) string {
	for _, sv := range secretValues {
		if sv.repl == "" {
			s = sv.re.ReplaceAllStringFunc(s, scrubSecretKey)
			continue
		}
		s = sv.re.ReplaceAllString(s, sv.repl)
	}
	return s
}

// scrubSecretKey redacts a 40-character base64 run that looks random
// (upper, lower and a digit or symbol), keeping the characters around it.
func scrubSecretKey(m string) string {
	start := strings.IndexFunc(m, isB64)
	end := start + 40
	run := m[start:end]
	if strings.ContainsAny(run, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(run, "abcdefghijklmnopqrstuvwxyz") &&
		strings.ContainsAny(run, "0123456789/+") {
		return m[:start] + Redacted + m[end:]
	}
	return m
}

func isB64(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/' || r == '+'
}

// RedactingHandler passes records to its inner handler with secrets
// removed: attributes whose key names a secret lose their value, and
// every text (message, values, errors, nested groups) is scrubbed.
type RedactingHandler struct{ inner slog.Handler }

// NewRedactingHandler wraps inner.
func NewRedactingHandler(inner slog.Handler) *RedactingHandler {
	return &RedactingHandler{inner: inner}
}

func (h *RedactingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *RedactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func (h *RedactingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = redactAttr(a)
	}
	return &RedactingHandler{inner: h.inner.WithAttrs(clean)}
}

func (h *RedactingHandler) WithGroup(name string) slog.Handler {
	return &RedactingHandler{inner: h.inner.WithGroup(name)}
}

// redactAttr cleans one attribute, groups included.
func redactAttr(a slog.Attr) slog.Attr {
	a.Value = a.Value.Resolve()
	if isSecretKey(a.Key) && a.Value.Kind() != slog.KindGroup {
		return slog.String(a.Key, Redacted)
	}
	switch a.Value.Kind() {
	case slog.KindGroup:
		group := a.Value.Group()
		clean := make([]slog.Attr, len(group))
		for i, g := range group {
			clean[i] = redactAttr(g)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(clean...)}
	case slog.KindString:
		return slog.String(a.Key, Scrub(a.Value.String()))
	case slog.KindAny:
		v := a.Value.Any()
		if err, ok := v.(error); ok {
			return slog.String(a.Key, Scrub(err.Error()))
		}
		switch hs := v.(type) {
		case http.Header:
			return slog.Any(a.Key, redactHeaders(hs))
		case url.Values:
			return slog.Any(a.Key, redactHeaders(hs))
		case map[string][]string:
			return slog.Any(a.Key, redactHeaders(hs))
		}
		text := fmt.Sprintf("%+v", v)
		if clean := Scrub(text); clean != text {
			return slog.String(a.Key, clean)
		}
	}
	return a
}

func redactHeaders(hs map[string][]string) map[string][]string {
	out := make(map[string][]string, len(hs))
	for k, vs := range hs {
		clean := make([]string, len(vs))
		for i, v := range vs {
			if isSecretKey(k) {
				clean[i] = Redacted
			} else {
				clean[i] = Scrub(v)
			}
		}
		out[k] = clean
	}
	return out
}

func isSecretKey(k string) bool {
	k = strings.NewReplacer("-", "", "_", "", ".", "").Replace(k)
	return secretKeyName.MatchString(k)
}
