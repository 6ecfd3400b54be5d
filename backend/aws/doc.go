// Package aws is the only place in agdash that imports AWS SDK service
// packages. It builds the SDK clients from the standard AWS configuration,
// meters and rate-limits every call in one middleware, classifies errors,
// and turns API shapes into agdash's domain types. SDK types never leave
// this package: callers see domain values and small option structs.
//
// Every method of Account names its AWS CLI equivalent in a comment, so a
// reader can reproduce what agdash asked for.
package aws
