package kit

import (
	"math"
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	cases := map[time.Duration]string{
		0:                                 "0s",
		45 * time.Second:                  "45s",
		12*time.Minute + 5*time.Second:    "12m05s",
		time.Hour + 2*time.Minute:         "1h02m",
		3*24*time.Hour + 4*time.Hour:      "3d4h",
		-90 * time.Second:                 "-1m30s",
		23*time.Hour + 59*time.Minute:     "23h59m",
		400*24*time.Hour + 30*time.Minute: "400d0h",
		59*time.Minute + 59*time.Second:   "59m59s",
		-500 * time.Millisecond:           "-0s",
		-26 * time.Hour:                   "-1d2h",
	}
	for d, want := range cases {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

// A length measured from the zero time (a start not known yet) is
// unknown, not 106751d23h: time.Time.Sub saturates then.
func TestDurationFromTheZeroTimeIsUnknown(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, d := range []time.Duration{now.Sub(time.Time{}), time.Time{}.Sub(now), math.MaxInt64, math.MinInt64} {
		if got := Duration(d); got != "-" {
			t.Errorf("Duration(%v) = %q, want -", d, got)
		}
		if got := ShortDuration(d); got != "-" {
			t.Errorf("ShortDuration(%v) = %q, want -", d, got)
		}
	}
	// The longest lengths that are real still read as lengths.
	if got := Duration(math.MaxInt64 - 1); got != "106751d23h" {
		t.Errorf("Duration(MaxInt64-1) = %q", got)
	}
}

func BenchmarkDuration(b *testing.B) {
	ds := []time.Duration{45 * time.Second, 12*time.Minute + 5*time.Second, time.Hour + 2*time.Minute, 76 * time.Hour}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range ds {
			_ = Duration(d)
		}
	}
}

func TestAge(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		t    time.Time
		want string
	}{
		{now.Add(-12 * time.Second), "12s ago"},
		{now.Add(-5 * time.Minute), "5m ago"},
		{now.Add(-3 * time.Hour), "3h ago"},
		{now.Add(-50 * time.Hour), "2d ago"},
		{now.Add(-154 * 24 * time.Hour), "5mo ago"},
		{now.Add(-908 * 24 * time.Hour), "2y ago"},
		{now.Add(3 * time.Minute), "in 3m"},
		{now, "0s ago"},
		{time.Time{}, "-"},
	}
	for _, c := range cases {
		if got := Age(c.t, now); got != c.want {
			t.Errorf("Age(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestBytesPercentCount(t *testing.T) {
	bytes := map[int64]string{0: "0 B", 512: "512 B", 1536: "1.5 KiB", 13207024435: "12.3 GiB", 200 << 30: "200 GiB"}
	for n, want := range bytes {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
	pct := map[float64]string{0: "0.0%", 0.1234: "12.3%", 1: "100.0%", 0.0004: "0.04%"}
	for f, want := range pct {
		if got := Percent(f); got != want {
			t.Errorf("Percent(%v) = %q, want %q", f, got, want)
		}
	}
	if Percent(math.NaN()) != "-" {
		t.Error("Percent(NaN) should be -")
	}
	counts := map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"}
	for n, want := range counts {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
	short := map[float64]string{950: "950", 12.5: "12.5", 12345: "12.3k", 4.5e6: "4.5M", 2e9: "2.0G"}
	for n, want := range short {
		if got := ShortCount(n); got != want {
			t.Errorf("ShortCount(%v) = %q, want %q", n, got, want)
		}
	}
}

func TestTimestamp(t *testing.T) {
	sgt := time.FixedZone("SGT", 8*3600)
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, sgt)
	cases := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2025, 6, 1, 1, 30, 0, 0, time.UTC), "09:30"}, // shown in now's zone
		{time.Date(2025, 3, 4, 1, 30, 0, 0, sgt), "Mar 04 01:30"},
		{time.Date(2024, 12, 31, 23, 0, 0, 0, sgt), "2024-12-31"},
		{time.Time{}, "-"},
	}
	for _, c := range cases {
		if got := Timestamp(c.t, now); got != c.want {
			t.Errorf("Timestamp(%v) = %q, want %q", c.t, got, c.want)
		}
	}
	if got := FullTimestamp(time.Date(2025, 6, 1, 1, 30, 5, 0, time.UTC), now); got != "2025-06-01 09:30:05 SGT" {
		t.Errorf("FullTimestamp = %q", got)
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{0, 1, 2, 3, 4, 5, 6, 7}, 8); got != "▁▂▃▄▅▆▇█" {
		t.Errorf("ramp = %q", got)
	}
	if got := Sparkline([]float64{5, 5, 5}, 5); got != "  ▁▁▁" {
		t.Errorf("flat, right-aligned = %q", got)
	}
	if got := Sparkline([]float64{0, math.NaN(), 10}, 3); got != "▁ █" {
		t.Errorf("with NaN = %q", got)
	}
	// 8 values into 4 cells: pairs averaged (0.5, 2.5, 4.5, 6.5).
	if got := Sparkline([]float64{0, 1, 2, 3, 4, 5, 6, 7}, 4); got != "▁▃▆█" {
		t.Errorf("bucketed = %q", got)
	}
	if Sparkline(nil, 0) != "" || Width(Sparkline(nil, 3)) != 3 {
		t.Error("empty sparklines should be blank at their width")
	}
}

// Against a zero baseline a dip stays a dip and steady load stays high;
// an idle series stays at the floor.
func TestSparklineFromZero(t *testing.T) {
	if got := SparklineFromZero([]float64{465, 386, 465}, 3); got != "█▇█" {
		t.Errorf("dip from 465 to 386 = %q, want a small dip", got)
	}
	if got := Sparkline([]float64{465, 386, 465}, 3); got != "█▁█" {
		t.Errorf("min-max scaling of the same dip = %q", got)
	}
	if got := SparklineFromZero([]float64{40, 40, 40}, 3); got != "███" {
		t.Errorf("steady load = %q, want full height", got)
	}
	if got := SparklineFromZero([]float64{0, 0, math.NaN(), 0}, 4); got != "▁▁ ▁" {
		t.Errorf("idle = %q, want the floor", got)
	}
	if got := SparklineFromZero([]float64{0, 7}, 2); got != "▁█" {
		t.Errorf("from nothing = %q", got)
	}
}

func TestNounAgreesWithTheCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 pipelines", 1: "1 pipeline", 2: "2 pipelines"} {
		if got := Noun(n, "pipelines"); got != want {
			t.Errorf("Noun(%d) = %q, want %q", n, got, want)
		}
	}
}
