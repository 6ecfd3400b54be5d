package s3

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"hash/crc32"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// verifyChecksums checks the body against every checksum header the client
// sent (the SDKs send CRC32 by default), as S3 does before storing.
func verifyChecksums(in *PutObjectInput) error {
	if in.ContentMD5 != nil && digest(md5.New(), in.Body) != *in.ContentMD5 {
		return server.NewError(http.StatusBadRequest, "BadDigest", "The Content-MD5 you specified did not match what we received.")
	}
	checks := []struct {
		name string
		got  *string
		h    hash.Hash
	}{
		{"CRC32", in.ChecksumCRC32, crc32.NewIEEE()},
		{"CRC32C", in.ChecksumCRC32C, crc32.New(crc32.MakeTable(crc32.Castagnoli))},
		{"SHA1", in.ChecksumSHA1, sha1.New()},
		{"SHA256", in.ChecksumSHA256, sha256.New()},
	}
	for _, c := range checks {
		if c.got != nil && digest(c.h, in.Body) != *c.got {
			return server.NewError(http.StatusBadRequest, "BadDigest", "The %s you specified did not match the calculated checksum.", c.name)
		}
	}
	return nil
}

// digest is h's sum of body in base64, as the checksum headers carry it
// (a CRC32's sum is its four big-endian bytes).
func digest(h hash.Hash, body []byte) string {
	h.Write(body)
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}
