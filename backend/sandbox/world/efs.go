package world

import (
	"sort"
	"time"
)

// FileSystemSize mirrors EFS's shape.
type FileSystemSize struct {
	Value           int64
	Timestamp       time.Time
	ValueInIA       int64
	ValueInStandard int64
	ValueInArchive  int64
}

// RestoredDirectory is where an item-level restore put its items (not an
// AWS member: AWS Backup writes them under aws-backup-restore_<timestamp>).
type RestoredDirectory struct {
	Path         string
	Items        []string
	RestoreJobId string
	CreationTime time.Time
}

// FileSystem is DescribeFileSystems' entry (plus restored directories).
type FileSystem struct {
	FileSystemId         string
	FileSystemArn        string
	CreationToken        string
	Name                 string
	LifeCycleState       string // available
	OwnerId              string
	PerformanceMode      string // generalPurpose
	ThroughputMode       string // bursting or elastic
	Encrypted            bool
	KmsKeyId             string
	NumberOfMountTargets int32
	CreationTime         time.Time
	SizeInBytes          FileSystemSize
	Tags                 []Tag
	RestoredDirectories  []RestoredDirectory
}

type fileSystem struct {
	FileSystem
	baseBytes   int64
	growthDaily int64
	restored    int64
}

type efsStore struct {
	byId map[string]*fileSystem
}

func (s *efsStore) init() { s.byId = map[string]*fileSystem{} }

// AddFileSystem places an EFS file system whose size starts at baseBytes
// and grows by growthDaily bytes a day.
func (b *Builder) AddFileSystem(fs FileSystem, baseBytes, growthDaily int64) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	fs.FileSystemArn = w.efsArn(fs.FileSystemId)
	fs.OwnerId = w.account
	if fs.LifeCycleState == "" {
		fs.LifeCycleState = "available"
	}
	w.efs.byId[fs.FileSystemId] = &fileSystem{FileSystem: fs, baseBytes: baseBytes, growthDaily: growthDaily}
}

func (f *fileSystem) sizeAt(t time.Time) int64 {
	days := t.Sub(f.CreationTime).Hours() / 24
	if days < 0 {
		days = 0
	}
	return f.baseBytes + int64(days*float64(f.growthDaily)) + f.restored
}

func (f *fileSystem) describe(now time.Time) FileSystem {
	out := f.FileSystem
	size := f.sizeAt(now)
	ia := size / 5
	out.SizeInBytes = FileSystemSize{Value: size, Timestamp: now.Truncate(time.Hour), ValueInIA: ia, ValueInStandard: size - ia}
	return out
}

// FileSystems is DescribeFileSystems, by id.
func (w *World) FileSystems() []FileSystem {
	now := w.rlock()
	defer w.mu.RUnlock()
	out := make([]FileSystem, 0, len(w.efs.byId))
	for _, f := range w.efs.byId {
		out = append(out, f.describe(now))
	}
	sort.Slice(out, func(a, b int) bool { return out[a].FileSystemId < out[b].FileSystemId })
	return out
}

// FileSystem is DescribeFileSystems for one id.
func (w *World) FileSystem(id string) (FileSystem, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	f := w.efs.byId[id]
	if f == nil {
		return FileSystem{}, notFound("FileSystem", id)
	}
	return f.describe(now), nil
}
