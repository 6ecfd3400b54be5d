package restore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// Metadata keys of an EFS restore, as AWS Backup spells them.
const (
	KeyFileSystemID    = "file-system-id"
	KeyNewFileSystem   = "newFileSystem"
	KeyEncrypted       = "Encrypted"
	KeyPerformanceMode = "PerformanceMode"
	KeyCreationToken   = "CreationToken"
	KeyItemsToRestore  = "itemsToRestore"
)

// Plan returns the StartRestoreJob metadata for an item-level restore of
// paths (already mapped by MapPaths) into the file system they came
// from. AWS Backup then writes them under a new directory
// aws-backup-restore_<timestamp> at the file system's root, overwriting
// nothing.
//
// newFileSystem is "false"; Encrypted and PerformanceMode
// ("generalPurpose") describe a new file system, which this restore does
// not create, but AWS expects them present. CreationToken is derived from
// the file system and paths, so the same request always carries the same
// token. itemsToRestore is the paths as a JSON array in a string, in the
// order given.
func Plan(fsID string, paths []string) map[string]string {
	return map[string]string{
		KeyFileSystemID:    fsID,
		KeyNewFileSystem:   "false",
		KeyEncrypted:       "false",
		KeyPerformanceMode: "generalPurpose",
		KeyCreationToken:   creationToken(fsID, paths),
		KeyItemsToRestore:  itemsJSON(paths),
	}
}

// itemsJSON is a JSON array of strings without HTML escaping, so paths
// with & or < read as typed.
func itemsJSON(paths []string) string {
	if paths == nil {
		paths = []string{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(paths) // a []string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// creationToken is "agdash-" and 16 hex digits of a hash of the request;
// EFS allows up to 64 characters.
func creationToken(fsID string, paths []string) string {
	h := sha256.New()
	h.Write([]byte(fsID))
	for _, p := range paths {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return "agdash-" + hex.EncodeToString(h.Sum(nil))[:16]
}
