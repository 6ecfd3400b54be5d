package world

import "fmt"

// ErrNotFound says a named resource does not exist. Kind is the AWS resource
// kind as a handler would name it ("TrainingJob", "Endpoint", "RecoveryPoint").
type ErrNotFound struct {
	Kind string
	Name string
}

func (e ErrNotFound) Error() string {
	return fmt.Sprintf("%s %q not found", e.Kind, e.Name)
}

// ErrValidation says the request is malformed or not allowed in the
// resource's current state (AWS ValidationException and its kin).
type ErrValidation struct {
	Msg string
}

func (e ErrValidation) Error() string { return e.Msg }

// ErrInUse says the resource is busy or already exists (ResourceInUse).
type ErrInUse struct {
	Kind string
	Name string
	Msg  string
}

func (e ErrInUse) Error() string {
	if e.Msg != "" {
		return e.Msg
	}
	return fmt.Sprintf("%s %q is in use", e.Kind, e.Name)
}

// ErrConflict says an idempotency token was reused with different
// parameters, or a similar conflicting request.
type ErrConflict struct {
	Msg string
}

func (e ErrConflict) Error() string { return e.Msg }

// ErrLimitExceeded says a quota was hit (ResourceLimitExceeded, tag limits).
type ErrLimitExceeded struct {
	Msg string
}

func (e ErrLimitExceeded) Error() string { return e.Msg }

// ErrModel is an InvokeEndpoint error raised by the model container, which
// SageMaker Runtime reports as ModelError.
type ErrModel struct {
	OriginalStatusCode int
	OriginalMessage    string
	LogStreamArn       string
	Message            string
}

func (e ErrModel) Error() string { return e.Message }

func notFound(kind, name string) error { return ErrNotFound{Kind: kind, Name: name} }

func invalid(format string, args ...any) error {
	return ErrValidation{Msg: fmt.Sprintf(format, args...)}
}
