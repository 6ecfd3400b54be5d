// Package efs serves Amazon EFS (restJson1, signing name
// "elasticfilesystem") over the sandbox world: the Studio domains' home
// file systems, their sizes and tags, and the file systems that restores
// create.
//
// Lists page with Marker/NextMarker (DescribeFileSystems, DescribeTags) or
// NextToken (ListTagsForResource); a marker this service did not issue is
// a BadRequest, as EFS calls every malformed request.
package efs

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// handlers serves EFS's operations over one world.
type handlers struct {
	world *world.World
}

// Service is Amazon EFS as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:        "EFS",
		SigningName: "elasticfilesystem",
		Protocols:   []server.Protocol{server.RESTJSON{}},
		Ops: []server.Op{
			server.Operation("DescribeFileSystems", h.describeFileSystems).At("GET", "/2015-02-01/file-systems"),
			server.Operation("ListTagsForResource", h.listTagsForResource).At("GET", "/2015-02-01/resource-tags/{ResourceId}"),
			server.Operation("DescribeTags", h.describeTags).At("GET", "/2015-02-01/tags/{FileSystemId}/"),
		},
	}
}
