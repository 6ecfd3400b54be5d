package sandbox

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/apigateway"
	"github.com/agdash/agdash/backend/sandbox/svc/backup"
	"github.com/agdash/agdash/backend/sandbox/svc/cloudwatch"
	"github.com/agdash/agdash/backend/sandbox/svc/efs"
	"github.com/agdash/agdash/backend/sandbox/svc/logs"
	"github.com/agdash/agdash/backend/sandbox/svc/runtime"
	"github.com/agdash/agdash/backend/sandbox/svc/s3"
	"github.com/agdash/agdash/backend/sandbox/svc/sagemaker"
	"github.com/agdash/agdash/backend/sandbox/svc/servicecatalog"
	"github.com/agdash/agdash/backend/sandbox/svc/sts"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// registerServices plugs every AWS service the sandbox speaks into srv.
// One line per service package.
func registerServices(srv *server.Server, w *world.World) error {
	services := []server.Service{
		sts.Service(),
		sagemaker.Service(w),
		cloudwatch.Service(w),
		logs.Service(w),
		runtime.Service(w),
		backup.Service(w),
		efs.Service(w),
		s3.Service(w),
		apigateway.Service(w),
		servicecatalog.Service(w),
	}
	for _, s := range services {
		if err := srv.Register(s); err != nil {
			return err
		}
	}
	return nil
}
