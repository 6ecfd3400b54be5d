package feed

import "time"

// DefaultMaxBackoff bounds any feed's wait after failures.
const DefaultMaxBackoff = 2 * time.Minute

// backoff is the wait after the n-th consecutive failure (n >= 1):
// full jitter, a uniformly random wait in [0, ceiling), where the ceiling
// doubles from two intervals and is capped at eight intervals or maxBackoff,
// whichever is smaller (but never below one interval). A floor of
// min(interval, 1s) keeps a failing feed from spinning.
func backoff(n int, interval, maxBackoff time.Duration, random float64) time.Duration {
	capped := min(8*interval, maxBackoff)
	capped = max(capped, interval)
	ceiling := capped
	if n < 30 {
		if c := interval << n; c > 0 && c < capped {
			ceiling = c
		}
	}
	d := time.Duration(random * float64(ceiling))
	return max(d, min(interval, time.Second))
}
