package domain

import "time"

// Endpoint statuses, as SageMaker spells them (subset agdash treats specially).
const (
	EndpointInService = "InService"
	EndpointUpdating  = "Updating"
	EndpointCreating  = "Creating"
	EndpointFailed    = "Failed"
)

// Endpoint is a SageMaker endpoint with its live health.
type Endpoint struct {
	Name          string
	ARN           string
	Status        string
	FailureReason string
	ConfigName    string
	CreatedAt     time.Time
	LastModified  time.Time
	Project       string
	Stage         string // "prod" or "staging", from tags; "" if unknown
	Tags          map[string]string
	Variants      []Variant
	Metrics       EndpointMetrics
	Alarms        []Alarm
	Health        Health
	Front         *APIFront // the API Gateway API in front of it, if any
}

// Variant is one production variant of an endpoint.
type Variant struct {
	Name          string
	ModelName     string
	InstanceType  string
	CurrentCount  int
	DesiredCount  int
	Weight        float64
	ServerlessMem int // MiB, for serverless variants
}

// EndpointMetrics are the latest derived numbers for an endpoint, summed
// over variants, plus the last hour as series for sparklines.
type EndpointMetrics struct {
	At                time.Time // end of the window the numbers describe
	InvocationsPerMin float64
	Rate4xx           float64 // fraction of invocations, [0,1]
	Rate5xx           float64
	LatencyAvg        time.Duration // ModelLatency average (AWS reports µs)
	LatencyP99        time.Duration
	CPUPercent        float64 // may exceed 100 on multi-core instances, as AWS reports
	MemoryPercent     float64
	Known             bool // false until the first metrics arrive

	Invocations Series // per minute, last hour
	Errors5xx   Series
	Latency     Series
}

// Alarm states, as CloudWatch spells them.
const (
	AlarmOK               = "OK"
	AlarmAlarm            = "ALARM"
	AlarmInsufficientData = "INSUFFICIENT_DATA"
)

// Alarm is a CloudWatch alarm that watches an endpoint or its API.
type Alarm struct {
	Name        string
	State       string
	Reason      string
	MetricName  string
	Namespace   string
	Threshold   float64
	Comparison  string
	UpdatedAt   time.Time
	Description string
}

// HealthLevel is the endpoint roll-up.
type HealthLevel int

const (
	HealthUnknown HealthLevel = iota
	HealthOK
	HealthWarn
	HealthCrit
)

func (h HealthLevel) String() string {
	switch h {
	case HealthOK:
		return "OK"
	case HealthWarn:
		return "WARN"
	case HealthCrit:
		return "CRIT"
	}
	return "?"
}

// Health is a level with the reasons for it, in words.
type Health struct {
	Level   HealthLevel
	Reasons []string
}

// APIFront is the API Gateway REST API and stage that serves an endpoint.
type APIFront struct {
	APIID      string
	APIName    string
	Stage      string
	RateLimit  float64 // requests per second
	BurstLimit int
	WebACL     string

	At         time.Time
	Count      float64 // requests per minute
	Rate4xx    float64 // fraction of requests
	Rate5xx    float64
	Latency    time.Duration
	WAFBlocked float64 // blocked requests per minute
	Known      bool
}
