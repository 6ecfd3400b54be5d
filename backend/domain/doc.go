// Package domain holds agdash's own types for what it shows: identities and
// roles, projects, training jobs, pipelines, registry versions, endpoints,
// backups. The backend turns AWS API shapes into these; views render them.
// Nothing here imports AWS or UI packages, so both sides can depend on it.
//
// Durations of AWS-reported quantities keep AWS's meaning but are converted
// to Go units at the boundary (SageMaker's ModelLatency arrives in
// microseconds and is stored here as a time.Duration).
package domain
