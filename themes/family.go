package themes

// Family groups the many ways AWS spells a status into the few looks agdash
// gives them. The status text itself is always shown too, so no state is
// told by colour alone.
type Family int

const (
	FamilyNeutral   Family = iota // unknown or informational
	FamilyRunning                 // InProgress, Executing, Creating
	FamilySucceeded               // Completed, Succeeded, InService, OK
	FamilyFailed                  // Failed, CRIT, ALARM
	FamilyWarning                 // WARN, Updating, Stopping
	FamilyStopped                 // Stopped, Aborted, Deleted
	FamilyPending                 // Pending, NotStarted, PendingManualApproval
	familyCount
)
