package world

import (
	"math"
	"strings"
	"time"
)

// The traffic model: every per-minute figure is a pure function of the
// series identity and the minute, so metrics over any range need no stored
// history. Only InvokeEndpoint calls made through the API are recorded.

var sgtHourly = [25]float64{0.06, 0.05, 0.04, 0.04, 0.05, 0.08, 0.15, 0.35, 0.7, 0.95, 1.0, 1.0, 0.82, 0.9, 1.0, 0.98, 0.92, 0.8, 0.55, 0.4, 0.33, 0.25, 0.15, 0.09, 0.06}

// dailyFactor is the share of peak load at t: Singapore business hours are
// busiest, nights and weekends quiet.
func dailyFactor(t time.Time) float64 {
	sgt := t.UTC().Add(8 * time.Hour)
	h := float64(sgt.Hour()) + float64(sgt.Minute())/60
	i := int(h)
	f := sgtHourly[i] + (sgtHourly[i+1]-sgtHourly[i])*(h-float64(i))
	switch sgt.Weekday() {
	case time.Saturday:
		f *= 0.3
	case time.Sunday:
		f *= 0.22
	}
	return f
}

// gauss is a standard normal value from a hash.
func gauss(h uint64) float64 {
	u1 := math.Max(unitOf(h), 1e-12)
	u2 := unitOf(mix64(h))
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// roundRandom rounds x up with probability equal to its fraction.
func roundRandom(x float64, h uint64) float64 {
	f := math.Floor(x)
	if unitOf(h) < x-f {
		f++
	}
	return f
}

// minuteLoad is one endpoint's figures for one minute.
type minuteLoad struct {
	demand  float64 // requests that reached the API (or the endpoint, if none)
	served  float64 // requests the endpoint answered
	err4    float64
	err5    float64
	latMu   float64 // log of model latency in microseconds
	latSig  float64
	blocked float64 // requests WAF blocked
}

func (w *World) endpointSeed(e *endpoint) uint64 { return hashOf(w.seed, hashString(e.EndpointName)) }

func (e *endpoint) incidentAt(t time.Time) *Incident {
	if in := e.traffic.Incident; in != nil && !t.Before(in.Start) && t.Before(in.End) {
		return in
	}
	return nil
}

// load computes the endpoint's minute starting at m (unix seconds).
func (w *World) load(e *endpoint, m int64) (minuteLoad, bool) {
	t := time.Unix(m, 0).UTC()
	if e.serving.IsZero() || t.Before(e.serving) {
		return minuteLoad{}, false
	}
	h := hashOf(w.endpointSeed(e), uint64(m))
	var l minuteLoad
	rpm := e.traffic.PeakRPM * dailyFactor(t) * math.Exp(0.12*gauss(h))
	l.demand = roundRandom(rpm, mix64(h^1))
	l.served = l.demand
	if e.api != nil {
		if limit := e.api.rateLimit() * 60; limit > 0 && l.served > limit {
			l.served = math.Floor(limit)
		}
		l.blocked = roundRandom(l.demand*0.004+math.Max(0, gauss(mix64(h^9)))*2, mix64(h^10))
	}
	if r := w.recordedAt(e, m); r != nil {
		l.served += r.n
		l.demand += r.n
	}
	rate5 := 0.0002
	lat := e.traffic.LatencyMs
	if lat <= 0 {
		lat = 40
	}
	sig := 0.35
	if in := e.incidentAt(t); in != nil {
		rate5 = in.ErrorRate * (0.8 + 0.4*unitOf(mix64(h^3)))
		if in.LatencyFactor > 0 {
			lat *= in.LatencyFactor
		}
		sig = 0.6
	}
	l.err5 = roundRandom(l.served*rate5, mix64(h^4))
	l.err4 = roundRandom(l.served*0.002, mix64(h^5))
	if r := w.recordedAt(e, m); r != nil {
		l.err5 += r.err5
		l.err4 += r.err4
	}
	l.latMu = math.Log(lat*1000) + 0.05*gauss(mix64(h^6))
	l.latSig = sig
	return l, true
}

func (w *World) recordedAt(e *endpoint, m int64) *recordedMinute {
	if len(e.recorded) == 0 {
		return nil
	}
	return e.recorded[m]
}

// variantShare is a variant's share of its endpoint's traffic.
func (e *endpoint) variantShare(variant string) (float64, bool) {
	total, mine, found := 0.0, 0.0, false
	for _, v := range e.ProductionVariants {
		total += float64(v.CurrentWeight)
		if v.VariantName == variant {
			mine = float64(v.CurrentWeight)
			found = true
		}
	}
	if !found {
		return 0, false
	}
	if total <= 0 {
		return 1 / float64(len(e.ProductionVariants)), true
	}
	return mine / total, true
}

// vCPUs is the number of vCPUs of an ML instance type.
func vCPUs(t string) float64 {
	size := t[strings.LastIndexByte(t, '.')+1:]
	switch size {
	case "medium":
		return 2
	case "large":
		return 2
	case "xlarge":
		return 4
	}
	if n, ok := strings.CutSuffix(size, "xlarge"); ok {
		v := 0.0
		for _, c := range n {
			v = v*10 + float64(c-'0')
		}
		return 4 * v
	}
	return 2
}
