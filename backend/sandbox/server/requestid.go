package server

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
)

// newRequestID makes a UUID-shaped request id. Ids follow from the seed and
// the request's sequence number, so a seeded run reproduces them.
func (s *Server) newRequestID() string {
	n := s.reqSeq.Add(1)
	a, b := splitmix64(s.seed^n), splitmix64(s.seed+n*0x9e3779b97f4a7c15)
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x",
		uint32(a>>32), uint16(a>>16), uint16(a)&0x0fff, (uint16(b>>48)&0x3fff)|0x8000, b&0xffffffffffff)
}

// s3RequestID is S3's 16-character form of a request id.
func s3RequestID(id string) string {
	return strings.ToUpper(strings.ReplaceAll(id, "-", "")[:16])
}

// hostID is S3's x-amz-id-2 for a request id.
func hostID(id string) string {
	sum := sha256.Sum256([]byte(id))
	return base64.StdEncoding.EncodeToString(sum[:])
}

func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
