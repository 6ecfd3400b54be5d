package world

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// sample is one minute of a metric: n values whose sum, min and max are
// known. dist marks per-request values drawn from a log-normal (latencies),
// flag marks 0/1 values (error counts), so percentiles can be computed
// without storing values.
type sample struct {
	n, sum, min, max float64
	dist             bool
	mu, sig          float64
	flag             bool
}

func gaugeSample(v float64) sample { return sample{n: 1, sum: v, min: v, max: v} }

func countSample(n float64) sample {
	if n <= 0 {
		return sample{}
	}
	return sample{n: n, sum: n, min: 1, max: 1}
}

func flagSample(n, k float64) sample {
	if n <= 0 {
		return sample{}
	}
	if k > n {
		k = n
	}
	s := sample{n: n, sum: k, flag: true, min: 1, max: 0}
	if k < n {
		s.min = 0
	}
	if k > 0 {
		s.max = 1
	}
	return s
}

func distSample(n, mu, sig float64) sample {
	if n <= 0 {
		return sample{}
	}
	mean := math.Exp(mu + sig*sig/2)
	return sample{n: n, sum: n * mean, dist: true, mu: mu, sig: sig,
		min: math.Exp(mu + sig*normQuantile(1/(n+1))), max: math.Exp(mu + sig*normQuantile(n/(n+1)))}
}

// stat computes one CloudWatch statistic over a period's samples.
func stat(name string, ss []sample) (float64, bool) {
	var n, sum float64
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		if s.n <= 0 {
			continue
		}
		n += s.n
		sum += s.sum
		lo = math.Min(lo, s.min)
		hi = math.Max(hi, s.max)
	}
	if n == 0 {
		return 0, false
	}
	switch name {
	case "Sum":
		return sum, true
	case "SampleCount":
		return n, true
	case "Average":
		return sum / n, true
	case "Minimum":
		return lo, true
	case "Maximum":
		return hi, true
	}
	p, _ := percentileOf(name)
	return percentile(ss, p/100, lo, hi, n), true
}

// percentileOf parses "p99" or "p99.9"; ok is false for anything else.
func percentileOf(name string) (float64, bool) {
	if !strings.HasPrefix(name, "p") {
		return 0, false
	}
	v, err := strconv.ParseFloat(name[1:], 64)
	if err != nil || v < 0 || v > 100 {
		return 0, false
	}
	return v, true
}

func validStat(name string) bool {
	switch name {
	case "Sum", "SampleCount", "Average", "Minimum", "Maximum":
		return true
	}
	_, ok := percentileOf(name)
	return ok
}

// percentile finds the q-quantile of the mixture of the period's samples.
func percentile(ss []sample, q, lo, hi, n float64) float64 {
	anyDist := false
	for _, s := range ss {
		if s.dist && s.n > 0 {
			anyDist = true
		}
	}
	if !anyDist {
		type mass struct{ v, w float64 }
		var ms []mass
		for _, s := range ss {
			switch {
			case s.n <= 0:
			case s.flag:
				ms = append(ms, mass{0, s.n - s.sum}, mass{1, s.sum})
			case s.n == 1 || s.min == s.max:
				ms = append(ms, mass{s.sum / s.n, s.n})
			default:
				ms = append(ms, mass{s.min, s.n / 2}, mass{s.max, s.n / 2})
			}
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].v < ms[b].v })
		acc := 0.0
		for _, m := range ms {
			acc += m.w
			if acc >= q*n-1e-9 {
				return m.v
			}
		}
		return hi
	}
	cdf := func(x float64) float64 {
		c := 0.0
		for _, s := range ss {
			switch {
			case s.n <= 0:
			case s.dist:
				if x > 0 {
					c += s.n * normCDF((math.Log(x)-s.mu)/s.sig)
				}
			case s.flag:
				if x >= 0 {
					c += s.n - s.sum
				}
				if x >= 1 {
					c += s.sum
				}
			default:
				if x >= s.sum/s.n {
					c += s.n
				}
			}
		}
		return c / n
	}
	a, b := lo, hi
	for i := 0; i < 60; i++ {
		m := (a + b) / 2
		if cdf(m) < q {
			a = m
		} else {
			b = m
		}
	}
	return b
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normQuantile is the inverse of normCDF (Acklam's approximation).
func normQuantile(p float64) float64 {
	if p <= 0 {
		return math.Inf(-1)
	}
	if p >= 1 {
		return math.Inf(1)
	}
	a := []float64{-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00}
	b := []float64{-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01}
	c := []float64{-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00}
	d := []float64{7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00}
	const pl = 0.02425
	switch {
	case p < pl:
		q := math.Sqrt(-2 * math.Log(p))
		return (((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	case p > 1-pl:
		q := math.Sqrt(-2 * math.Log(1-p))
		return -(((((c[0]*q+c[1])*q+c[2])*q+c[3])*q+c[4])*q + c[5]) / ((((d[0]*q+d[1])*q+d[2])*q+d[3])*q + 1)
	}
	q := p - 0.5
	r := q * q
	return (((((a[0]*r+a[1])*r+a[2])*r+a[3])*r+a[4])*r + a[5]) * q / (((((b[0]*r+b[1])*r+b[2])*r+b[3])*r+b[4])*r + 1)
}
