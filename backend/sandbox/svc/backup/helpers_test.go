package backup_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/backup"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var ctx = context.Background()

// client is a Backup client signing as who.
func client(t *testing.T, env *sandboxtest.Env, who string) *backup.Client {
	t.Helper()
	return backup.NewFromConfig(env.Config(t, who))
}

// homeFileSystems maps each Studio domain's name to its home EFS ARN.
func homeFileSystems(t *testing.T, w *world.World) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range w.Domains() {
		fs, err := w.FileSystem(d.HomeEfsFileSystemId)
		if err != nil {
			t.Fatalf("domain %s: home file system: %v", d.DomainName, err)
		}
		out[d.DomainName] = fs.FileSystemArn
	}
	if len(out) == 0 {
		t.Fatal("the world has no Studio domains")
	}
	return out
}

// restoreJobCount is how many restore jobs the world holds.
func restoreJobCount(w *world.World) int { return len(w.RestoreJobs("")) }
