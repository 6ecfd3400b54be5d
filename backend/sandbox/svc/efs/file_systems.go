package efs

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxFileSystems is DescribeFileSystems' default and largest page.
const maxFileSystems = 100

// DescribeFileSystemsInput is DescribeFileSystems' request.
type DescribeFileSystemsInput struct {
	MaxItems      *int32  `aws:",query"`
	Marker        *string `aws:",query"`
	CreationToken *string `aws:",query"`
	FileSystemId  *string `aws:",query"`
}

// FileSystemSize is a file system's metered size.
type FileSystemSize struct {
	Value           int64
	Timestamp       time.Time
	ValueInIA       *int64
	ValueInStandard *int64
	ValueInArchive  *int64
}

// Tag is an EFS tag.
type Tag struct {
	Key   string
	Value string
}

// FileSystemProtection says whether replication may overwrite the file system.
type FileSystemProtection struct {
	ReplicationOverwriteProtection string
}

// FileSystemDescription is one file system as EFS describes it.
type FileSystemDescription struct {
	OwnerId              string
	CreationToken        string
	FileSystemId         string
	FileSystemArn        string
	CreationTime         time.Time
	LifeCycleState       string
	Name                 string
	NumberOfMountTargets *int32
	SizeInBytes          FileSystemSize
	PerformanceMode      string
	Encrypted            *bool
	KmsKeyId             string
	ThroughputMode       string
	Tags                 []Tag
	FileSystemProtection *FileSystemProtection
}

// DescribeFileSystemsOutput is DescribeFileSystems' answer.
type DescribeFileSystemsOutput struct {
	Marker      *string
	FileSystems []FileSystemDescription
	NextMarker  *string
}

// describeFileSystems lists file systems by id, or the one named by
// FileSystemId or CreationToken.
// aws efs describe-file-systems [--file-system-id ID | --creation-token TOKEN]
func (h handlers) describeFileSystems(_ context.Context, _ *server.Call, in *DescribeFileSystemsInput) (*DescribeFileSystemsOutput, error) {
	size, err := pageSize(in.MaxItems, "MaxItems", maxFileSystems)
	if err != nil {
		return nil, err
	}
	var all []world.FileSystem
	if in.FileSystemId != nil {
		fs, err := h.world.FileSystem(*in.FileSystemId)
		if err != nil {
			return nil, fileSystemNotFound(*in.FileSystemId)
		}
		all = []world.FileSystem{fs}
	} else {
		all = h.world.FileSystems()
	}
	var matched []world.FileSystem
	for _, fs := range all {
		if in.CreationToken == nil || fs.CreationToken == *in.CreationToken {
			matched = append(matched, fs)
		}
	}
	pg, next, err := page(matched, func(fs world.FileSystem) string { return fs.FileSystemId }, in.Marker, size)
	if err != nil {
		return nil, err
	}
	out := &DescribeFileSystemsOutput{Marker: in.Marker, FileSystems: make([]FileSystemDescription, len(pg)), NextMarker: next}
	for i, fs := range pg {
		out.FileSystems[i] = describe(fs)
	}
	return out, nil
}

func describe(fs world.FileSystem) FileSystemDescription {
	s := fs.SizeInBytes
	return FileSystemDescription{
		OwnerId: fs.OwnerId, CreationToken: fs.CreationToken, FileSystemId: fs.FileSystemId, FileSystemArn: fs.FileSystemArn,
		CreationTime: fs.CreationTime, LifeCycleState: fs.LifeCycleState, Name: fs.Name,
		NumberOfMountTargets: &fs.NumberOfMountTargets,
		SizeInBytes: FileSystemSize{Value: s.Value, Timestamp: s.Timestamp, ValueInIA: &s.ValueInIA,
			ValueInStandard: &s.ValueInStandard, ValueInArchive: &s.ValueInArchive},
		PerformanceMode: fs.PerformanceMode, Encrypted: &fs.Encrypted, KmsKeyId: fs.KmsKeyId, ThroughputMode: fs.ThroughputMode,
		Tags:                 tags(fs.Tags),
		FileSystemProtection: &FileSystemProtection{ReplicationOverwriteProtection: "ENABLED"},
	}
}

// tags converts the world's tags; an untagged file system has an empty list.
func tags(ts []world.Tag) []Tag {
	out := make([]Tag, len(ts))
	for i, t := range ts {
		out[i] = Tag{Key: t.Key, Value: t.Value}
	}
	return out
}
