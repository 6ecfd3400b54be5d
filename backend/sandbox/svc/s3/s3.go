// Package s3 serves Amazon S3 (restXml, signing name "s3") over the
// sandbox world's buckets: the agencies' MLOps buckets with model
// artefacts, code and the evaluation reports that the model registry
// points at, and the project data buckets.
//
// Buckets are addressed path-style (/bucket/key) or virtual-host-style
// (Host bucket.localhost:PORT). Every role may read; writing (PutObject)
// is for those whose role allows it, within their projects (a key's first
// segment names its project).
package s3

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// xmlNamespace is S3's document namespace.
const xmlNamespace = "http://s3.amazonaws.com/doc/2006-03-01/"

// handlers serves S3's operations over one world.
type handlers struct {
	world *world.World
}

// Service is Amazon S3 as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:        "S3",
		SigningName: "s3",
		Protocols:   []server.Protocol{server.RESTXML{XMLNamespace: xmlNamespace, VirtualHostBuckets: true}},
		Ops: []server.Op{
			server.Operation("ListBuckets", h.listBuckets).At("GET", "/").
				WithAction("ListAllMyBuckets").WithXMLName("ListAllMyBucketsResult"),
			server.Operation("HeadBucket", h.headBucket).At("HEAD", "/{Bucket}").WithAction("ListBucket"),
			server.Operation("ListObjectsV2", h.listObjectsV2).At("GET", "/{Bucket}?list-type=2").
				WithAction("ListBucket").WithXMLName("ListBucketResult"),
			server.Operation("GetObject", h.getObject).At("GET", "/{Bucket}/{Key+}"),
			server.Operation("HeadObject", h.headObject).At("HEAD", "/{Bucket}/{Key+}").WithAction("GetObject"),
			server.Operation("PutObject", h.putObject).At("PUT", "/{Bucket}/{Key+}"),
		},
	}
}
