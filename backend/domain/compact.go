package domain

import (
	"time"
	"unique"
)

// sharedString is a string kept once for every equal value (statuses,
// projects, instance types repeat across 100,000 jobs): 8 bytes where a
// string takes 16, and no copy per job. The zero value is "".
type sharedString struct{ h unique.Handle[string] }

func share(s string) sharedString {
	if s == "" {
		return sharedString{}
	}
	return sharedString{unique.Make(s)}
}

func (s sharedString) String() string {
	if s == (sharedString{}) {
		return ""
	}
	return s.h.Value()
}

// instant is a time as nanoseconds since the Unix epoch: 8 bytes where a
// time.Time takes 24. It keeps the instant, not the location or the
// monotonic reading: it reads back in UTC, as AWS gives times. 0 is the
// zero time (so the epoch itself reads back as zero); times beyond the
// years 1678 to 2262 are clamped to them.
type instant int64

// instantSeconds bounds the seconds an instant holds, a second inside
// int64 nanoseconds.
const instantSeconds = (1<<63-1)/int64(time.Second) - 1

func instantOf(t time.Time) instant {
	switch sec := t.Unix(); {
	case t.IsZero():
		return 0
	case sec < -instantSeconds:
		return instant(-instantSeconds * int64(time.Second))
	case sec > instantSeconds:
		return instant(instantSeconds * int64(time.Second))
	}
	return instant(t.UnixNano())
}

func (i instant) time() time.Time {
	if i == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(i)).UTC()
}
