// Package optional reads the optional members of requests, which handlers
// receive as pointers: nil is an absent member.
package optional

// Value is *p, or T's zero value when the member is absent (p is nil).
func Value[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
