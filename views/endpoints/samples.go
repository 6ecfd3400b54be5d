package endpoints

import (
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// Sample is a smoke-test request an endpoint is known to accept.
type Sample struct {
	ContentType string
	Body        string
}

// Samples finds the sample payload for an endpoint; ok is false when
// there is none and the generic one should be used. It is the hook
// through which agdash's config file supplies samples per endpoint.
type Samples func(e domain.Endpoint) (s Sample, ok bool)

// genericSample is what the form starts from without a known sample.
var genericSample = Sample{ContentType: "application/json", Body: "{}"}

// BuiltinSamples knows the HDB resale-flat valuation model's request: a
// flat's town, type, floor area, storey range and remaining lease.
func BuiltinSamples(e domain.Endpoint) (Sample, bool) {
	if strings.HasPrefix(e.Name, "hdb-resale") || e.Project == "hdb-resale-valuation" {
		return Sample{
			ContentType: "application/json",
			Body:        `{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":93,"storey_range":"07 TO 09","remaining_lease":62}`,
		}, true
	}
	return Sample{}, false
}

// sampleFor picks the configured sample, then the built-in one, then the
// generic "{}".
func sampleFor(e domain.Endpoint, configured Samples) Sample {
	for _, f := range []Samples{configured, BuiltinSamples} {
		if f == nil {
			continue
		}
		if s, ok := f(e); ok {
			if s.ContentType == "" {
				s.ContentType = genericSample.ContentType
			}
			return s
		}
	}
	return genericSample
}
