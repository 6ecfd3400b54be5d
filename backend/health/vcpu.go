package health

import (
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// vCPUs is the number of vCPUs to divide an endpoint's CPUUtilization by:
// the largest among its variants' instance types, so that a mixed
// endpoint is never reported busier than it is. 0 when unknown (serverless
// variants, unfamiliar sizes).
func vCPUs(variants []domain.Variant) int {
	n := 0
	for _, v := range variants {
		n = max(n, instanceVCPUs(v.InstanceType))
	}
	return n
}

// instanceVCPUs reads the vCPU count from a SageMaker instance type's
// size, which follows EC2's rule across ml.* families: medium and large
// have 2, xlarge 4, and Nxlarge 4×N. 0 for anything else.
func instanceVCPUs(instanceType string) int {
	parts := strings.Split(instanceType, ".")
	if len(parts) != 3 || parts[0] != "ml" {
		return 0
	}
	size := parts[2]
	switch size {
	case "medium", "large":
		return 2
	case "xlarge":
		return 4
	}
	if n, ok := strings.CutSuffix(size, "xlarge"); ok {
		if k, err := strconv.Atoi(n); err == nil && k > 0 && k <= 1024 {
			return 4 * k
		}
	}
	return 0
}
