package governance

import "github.com/agdash/agdash/backend/domain"

// endpointServing reports an endpoint whose instances are serving: the
// statuses whose instance types count against a project's endpoint limit.
func endpointServing(status string) bool {
	switch status {
	case domain.EndpointInService, domain.EndpointUpdating, "SystemUpdating", "RollingBack", "UpdateRollbackFailed":
		return true
	}
	return false
}

// endpointRunning reports an endpoint that exists and uses, or is about
// to use, instances.
func endpointRunning(status string) bool {
	switch status {
	case domain.EndpointFailed, "Deleting", "OutOfService", "":
		return false
	}
	return true
}

// systemInstance is the free instance type Studio runs its JupyterServer
// and RStudioServerPro apps on; it never counts against a limit.
const systemInstance = "system"

// knownRole reports whether a user profile's role is one AG defines.
func knownRole(r domain.Role) bool {
	switch r {
	case domain.RoleProjectAdmin, domain.RoleMLOpsEngineer, domain.RoleDataScientist, domain.RoleOnCall:
		return true
	}
	return false
}
