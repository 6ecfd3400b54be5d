package world

import "time"

// Tag is a key-value pair, as SageMaker, EFS and most services spell it.
type Tag struct {
	Key   string
	Value string
}

// UserContext says who did something in Studio (CreatedBy, LastModifiedBy).
type UserContext struct {
	UserProfileName string
	UserProfileArn  string
	DomainId        string
}

// Caller identifies the principal behind a mutation, for CreatedBy fields.
// The zero value is an anonymous caller.
type Caller struct {
	UserProfileName string
	DomainId        string
	// ARN of the IAM identity (for AWS Backup's CreatedBy and IamRoleArn defaults).
	Arn string
}

func (w *World) userContext(c Caller) UserContext {
	if c.UserProfileName == "" {
		return UserContext{}
	}
	return UserContext{
		UserProfileName: c.UserProfileName,
		DomainId:        c.DomainId,
		UserProfileArn:  w.smArn("user-profile", c.DomainId+"/"+c.UserProfileName),
	}
}

// TagValue returns the value of key in tags.
func TagValue(tags []Tag, key string) (string, bool) {
	for _, t := range tags {
		if t.Key == key {
			return t.Value, true
		}
	}
	return "", false
}

// mergeTags returns base with add applied (existing keys overwritten), as a
// new slice.
func mergeTags(base, add []Tag) []Tag {
	out := make([]Tag, 0, len(base)+len(add))
	out = append(out, base...)
	for _, t := range add {
		replaced := false
		for i := range out {
			if out[i].Key == t.Key {
				out[i].Value = t.Value
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, t)
		}
	}
	return out
}

func removeTags(base []Tag, keys []string) []Tag {
	out := make([]Tag, 0, len(base))
	for _, t := range base {
		drop := false
		for _, k := range keys {
			if t.Key == k {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, t)
		}
	}
	return out
}

// SortOrder is Ascending or Descending, as SageMaker spells it.
type SortOrder string

const (
	Ascending  SortOrder = "Ascending"
	Descending SortOrder = "Descending"
)

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMs(v int64) time.Time { return time.UnixMilli(v).UTC() }
