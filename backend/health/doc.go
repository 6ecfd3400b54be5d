// Package health rolls an endpoint's status, alarms and metrics up into
// one level (OK, WARN, CRIT, or unknown) with the reasons in words, most
// severe first, for the Endpoints pane and on-call alerts.
package health
