package kit

import (
	"strings"

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
func StatusFamily(status string) themes.Family {
	if f, ok := statusFamilies[strings.ToLower(status)]; ok {
		return f
	}
	return themes.FamilyNeutral
}
