package s3

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// byteRange is an inclusive range of an object's bytes.
type byteRange struct {
	first, last int64
}

// parseRange reads a Range header (bytes=A-B, bytes=A- or bytes=-N) against
// an object of size bytes. ok is false when the header is to be ignored, as
// HTTP ignores a malformed or multi-part range; a range that starts past
// the end is InvalidRange (416).
func parseRange(header string, size int64) (byteRange, bool, error) {
	spec, found := strings.CutPrefix(strings.TrimSpace(header), "bytes=")
	if !found || strings.Contains(spec, ",") {
		return byteRange{}, false, nil
	}
	a, b, found := strings.Cut(spec, "-")
	if !found {
		return byteRange{}, false, nil
	}
	unsatisfiable := server.NewError(http.StatusRequestedRangeNotSatisfiable, "InvalidRange", "The requested range is not satisfiable")
	if a == "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n < 0 {
			return byteRange{}, false, nil
		}
		if n == 0 || size == 0 {
			return byteRange{}, false, unsatisfiable
		}
		return byteRange{first: max(size-n, 0), last: size - 1}, true, nil
	}
	first, err := strconv.ParseInt(a, 10, 64)
	if err != nil || first < 0 {
		return byteRange{}, false, nil
	}
	last := size - 1
	if b != "" {
		if last, err = strconv.ParseInt(b, 10, 64); err != nil || last < first {
			return byteRange{}, false, nil
		}
	}
	if first >= size {
		return byteRange{}, false, unsatisfiable
	}
	return byteRange{first: first, last: min(last, size-1)}, true, nil
}
