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
	"github.com/agdash/agdash/backend/sandbox/svc/sts"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// registerServices plugs every AWS service the sandbox speaks into srv.
// One line per service package.
func registerServices(srv *server.Server, w *world.World) error {
	regs := []func() error{
		func() error { return sts.Register(srv) },
		func() error { return sagemaker.Register(srv, w) },
		func() error { return cloudwatch.Register(srv, w) },
		func() error { return logs.Register(srv, w) },
		func() error { return runtime.Register(srv, w) },
		func() error { return backup.Register(srv, w) },
		func() error { return efs.Register(srv, w) },
		func() error { return s3.Register(srv, w) },
		func() error { return apigateway.Register(srv, w) },
	}
	for _, r := range regs {
		if err := r(); err != nil {
			return err
		}
	}
	return nil
}
