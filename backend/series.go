package backend

import (
	"sort"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// mergeSeries combines several series of one metric (per host, per
// variant) into one: at every timestamp any of them has, combine the values
// present.
func mergeSeries(label, unit string, parts []domain.Series, combine func([]float64) float64) domain.Series {
	at := map[time.Time][]float64{}
	for _, s := range parts {
		for i, t := range s.Times {
			at[t] = append(at[t], s.Values[i])
		}
	}
	out := domain.Series{Label: label, Unit: unit, Times: make([]time.Time, 0, len(at))}
	for t := range at {
		out.Times = append(out.Times, t)
	}
	sort.Slice(out.Times, func(i, j int) bool { return out.Times[i].Before(out.Times[j]) })
	out.Values = make([]float64, len(out.Times))
	for i, t := range out.Times {
		out.Values[i] = combine(at[t])
	}
	return out
}

func sum(vs []float64) float64 {
	total := 0.0
	for _, v := range vs {
		total += v
	}
	return total
}

func average(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	return sum(vs) / float64(len(vs))
}

func maximum(vs []float64) float64 {
	m := 0.0
	for i, v := range vs {
		if i == 0 || v > m {
			m = v
		}
	}
	return m
}

// scaled multiplies every value (e.g. microseconds to milliseconds).
func scaled(s domain.Series, factor float64, unit string) domain.Series {
	out := domain.Series{Label: s.Label, Unit: unit, Times: s.Times, Values: make([]float64, len(s.Values))}
	for i, v := range s.Values {
		out.Values[i] = v * factor
	}
	return out
}
