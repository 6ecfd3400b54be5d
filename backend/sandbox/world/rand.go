package world

import (
	"math"
	"strings"
)

// The simulation draws every random choice from a hash of the world seed and
// the identity of the thing being decided, so outcomes do not depend on the
// order in which things happen or are read.

func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashOf combines a seed with further integers.
func hashOf(seed uint64, parts ...uint64) uint64 {
	h := mix64(seed)
	for _, p := range parts {
		h = mix64(h ^ p)
	}
	return h
}

// unitOf maps a hash to [0,1).
func unitOf(h uint64) float64 { return float64(h>>11) / (1 << 53) }

// Rand is a small deterministic random stream (splitmix64). The zero value is
// usable; NewRand derives one from a seed and a key.
type Rand struct{ s uint64 }

// NewRand returns the stream for key under seed.
func NewRand(seed uint64, key string) *Rand {
	return &Rand{s: mix64(seed ^ hashString(key))}
}

func newRand(seed uint64, key string) Rand { return Rand{s: mix64(seed ^ hashString(key))} }

// Uint64 returns the next value.
func (r *Rand) Uint64() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Float64 returns a value in [0,1).
func (r *Rand) Float64() float64 { return unitOf(r.Uint64()) }

// Intn returns a value in [0,n); n <= 0 gives 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.Uint64() % uint64(n))
}

// Range returns a value in [lo,hi).
func (r *Rand) Range(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

// Norm returns a standard normal value.
func (r *Rand) Norm() float64 {
	u1 := r.Float64()
	if u1 < 1e-300 {
		u1 = 1e-300
	}
	u2 := r.Float64()
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// Pick returns an index chosen with the given weights (all zero: uniform).
func (r *Rand) Pick(weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	if total <= 0 {
		return r.Intn(len(weights))
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

const (
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexDigits  = "0123456789abcdef"
)

// String returns n characters drawn from alphabet.
func (r *Rand) String(alphabet string, n int) string {
	var b strings.Builder
	b.Grow(n)
	for i := 0; i < n; i++ {
		b.WriteByte(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

// UUID returns a random version-4 UUID in lower case.
func (r *Rand) UUID() string {
	h := r.String(hexDigits, 32)
	b := []byte(h)
	b[12] = '4'
	b[16] = "89ab"[r.Intn(4)]
	return string(b[0:8]) + "-" + string(b[8:12]) + "-" + string(b[12:16]) + "-" + string(b[16:20]) + "-" + string(b[20:32])
}

// Perm returns a random permutation of 0..n-1.
func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		k := r.Intn(i + 1)
		p[i], p[k] = p[k], p[i]
	}
	return p
}
