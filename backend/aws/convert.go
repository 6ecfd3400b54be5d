package aws

import (
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

// Small helpers for the optional fields of SDK shapes.

func str(p *string) string      { return sdk.ToString(p) }
func tm(p *time.Time) time.Time { return sdk.ToTime(p) }
func i32(p *int32) int          { return int(sdk.ToInt32(p)) }
func i64(p *int64) int64        { return sdk.ToInt64(p) }
func f32(p *float32) float64    { return float64(sdk.ToFloat32(p)) }

// millis turns a CloudWatch Logs epoch-milliseconds timestamp into a time.
func millis(p *int64) time.Time {
	if p == nil {
		return time.Time{}
	}
	return time.UnixMilli(*p).UTC()
}

// tagMap gathers Key/Value pairs of any service's tag shape.
func tagMap[T any](tags []T, kv func(T) (*string, *string)) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		k, v := kv(t)
		m[str(k)] = str(v)
	}
	return m
}

// lastSegment is what follows an ARN's last slash: the name in
// arn:aws:sagemaker:R:A:pipeline/NAME or the id in .../domain/ID.
func lastSegment(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

// segmentAfter is the path segment that follows marker in s, "" when s
// has no marker: segmentAfter(".../webacl/NAME/ID", "/webacl/") is NAME.
func segmentAfter(s, marker string) string {
	_, rest, ok := strings.Cut(s, marker)
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	return name
}
