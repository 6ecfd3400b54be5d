package kit

import (
	"strings"
	"unicode/utf8"

	"github.com/agdash/agdash/themes"
)

// statusFamilies maps AWS status spellings (lower-cased) to their look.
var statusFamilies = map[string]themes.Family{
	"inprogress": themes.FamilyRunning, "executing": themes.FamilyRunning, "running": themes.FamilyRunning,
	"creating": themes.FamilyRunning, "starting": themes.FamilyRunning, "createinprogress": themes.FamilyRunning,
	"updateinprogress": themes.FamilyRunning, "training": themes.FamilyRunning, "downloading": themes.FamilyRunning,
	"uploading": themes.FamilyRunning, "systemupdating": themes.FamilyRunning,

	"completed": themes.FamilySucceeded, "succeeded": themes.FamilySucceeded, "inservice": themes.FamilySucceeded,
	"createcompleted": themes.FamilySucceeded, "updatecompleted": themes.FamilySucceeded, "ok": themes.FamilySucceeded,
	"approved": themes.FamilySucceeded, "available": themes.FamilySucceeded, "ready": themes.FamilySucceeded,

	"failed": themes.FamilyFailed, "createfailed": themes.FamilyFailed, "updatefailed": themes.FamilyFailed,
	"deletefailed": themes.FamilyFailed, "crit": themes.FamilyFailed, "alarm": themes.FamilyFailed,
	"rejected": themes.FamilyFailed, "error": themes.FamilyFailed,

	"warn": themes.FamilyWarning, "updating": themes.FamilyWarning, "stopping": themes.FamilyWarning,
	"deleting": themes.FamilyWarning, "deleteinprogress": themes.FamilyWarning, "partial": themes.FamilyWarning,
	"insufficient_data": themes.FamilyWarning, "rollingback": themes.FamilyWarning, "systemupdate": themes.FamilyWarning,
	"outofservice": themes.FamilyWarning,

	"stopped": themes.FamilyStopped, "aborted": themes.FamilyStopped, "deleted": themes.FamilyStopped,
	"deletecompleted": themes.FamilyStopped, "expired": themes.FamilyStopped,

	"pending": themes.FamilyPending, "notstarted": themes.FamilyPending, "pendingmanualapproval": themes.FamilyPending,
	"queued": themes.FamilyPending, "created": themes.FamilyPending,
}

// StatusFamily is the look an AWS status gets. Unknown spellings are neutral.
// It is called for every status cell each frame, so it lower-cases ASCII
// into a buffer on the stack and allocates nothing (a map lookup by
// string(bytes) does not copy); other text takes strings.ToLower.
func StatusFamily(status string) themes.Family {
	var buf [longestStatus]byte
	if len(status) > len(buf) {
		return statusFamilyUnicode(status)
	}
	b := buf[:len(status)]
	for i := 0; i < len(status); i++ {
		c := status[i]
		switch {
		case c >= utf8.RuneSelf:
			return statusFamilyUnicode(status)
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if f, ok := statusFamilies[string(b)]; ok {
		return f
	}
	return themes.FamilyNeutral
}

// longestStatus is room for the longest spelling in statusFamilies; a
// longer ASCII status cannot be one of them.
const longestStatus = 32

// statusFamilyUnicode looks up a status that is not plain ASCII (or is
// too long to be one of ours), lower-cased as Unicode does it.
func statusFamilyUnicode(status string) themes.Family {
	if f, ok := statusFamilies[strings.ToLower(status)]; ok {
		return f
	}
	return themes.FamilyNeutral
}
