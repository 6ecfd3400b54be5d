package backups

import (
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

var _ kit.Selector = (*Pane)(nil)

// Selected is the file system, recovery point or restore job under the
// cursor; on a timeline with no point selected, its file system; during a
// restore, the file system restored into.
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	switch p.screen {
	case screenFileSystems:
		if r, ok := p.fsTable.Selected(); ok {
			return fileSystemResource(r.FileSystem), true
		}
	case screenPoints:
		if rp, ok := p.pointTable.Selected(); ok {
			return kit.Resource{Kind: kit.ResourceRecoveryPoint, ARN: rp.ARN, Parent: rp.Vault}, true
		}
		fs, _ := p.fileSystem(p.open)
		fs.ID = p.open
		return fileSystemResource(fs), p.open != ""
	case screenJobs:
		if j, ok := p.jobTable.Selected(); ok {
			return kit.Resource{Kind: kit.ResourceRestoreJob, ID: j.ID}, true
		}
	case screenRestore:
		if p.flow != nil {
			return fileSystemResource(p.flow.fs), true
		}
	}
	return kit.Resource{}, false
}

func fileSystemResource(fs domain.FileSystem) kit.Resource {
	return kit.Resource{Kind: kit.ResourceFileSystem, ID: fs.ID, Name: fs.Name, ARN: fs.ARN}
}
