package world

import (
	"crypto/md5"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// Bucket mirrors S3's shape.
type Bucket struct {
	Name         string
	CreationDate time.Time
	BucketRegion string
}

// S3Object is an object and its metadata. Body is nil in listings.
type S3Object struct {
	Key          string
	Size         int64
	ETag         string // quoted MD5, as S3 returns it
	LastModified time.Time
	StorageClass string
	ContentType  string
	Metadata     map[string]string
	Body         []byte
}

type bucket struct {
	Bucket
	keys    []string // sorted
	objects map[string]*S3Object
}

type s3Store struct {
	buckets map[string]*bucket
}

func (s *s3Store) init() { s.buckets = map[string]*bucket{} }

func splitS3(uri string) (bucket, key string, ok bool) {
	rest, found := strings.CutPrefix(uri, "s3://")
	if !found {
		return "", "", false
	}
	b, k, _ := strings.Cut(rest, "/")
	return b, k, b != ""
}

// AddBucket creates a bucket during Build.
func (b *Builder) AddBucket(name string, created time.Time) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.s3.buckets[name] == nil {
		w.s3.buckets[name] = &bucket{Bucket: Bucket{Name: name, CreationDate: created, BucketRegion: w.region}, objects: map[string]*S3Object{}}
	}
}

// Buckets is ListBuckets, by name.
func (w *World) Buckets() []Bucket {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Bucket, 0, len(w.s3.buckets))
	for _, b := range w.s3.buckets {
		out = append(out, b.Bucket)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// ObjectQuery is ListObjectsV2's request; After is StartAfter or the
// decoded continuation token.
type ObjectQuery struct {
	Bucket    string
	Prefix    string
	Delimiter string
	After     string
	MaxKeys   int // default 1000
}

// ObjectPage is one ListObjectsV2 page; Next is the last key or common
// prefix returned when IsTruncated.
type ObjectPage struct {
	Objects        []S3Object
	CommonPrefixes []string
	IsTruncated    bool
	Next           string
}

// Objects is ListObjectsV2.
func (w *World) Objects(q ObjectQuery) (ObjectPage, error) {
	w.rlock()
	defer w.mu.RUnlock()
	b := w.s3.buckets[q.Bucket]
	if b == nil {
		return ObjectPage{}, notFound("Bucket", q.Bucket)
	}
	max := q.MaxKeys
	if max <= 0 || max > 1000 {
		max = 1000
	}
	var page ObjectPage
	i := sort.SearchStrings(b.keys, q.Prefix)
	if q.After != "" {
		if k := sort.Search(len(b.keys), func(i int) bool { return b.keys[i] > q.After }); k > i {
			i = k
		}
	}
	lastPrefix := ""
	for ; i < len(b.keys); i++ {
		k := b.keys[i]
		if !strings.HasPrefix(k, q.Prefix) {
			break
		}
		if q.Delimiter != "" {
			if d := strings.Index(k[len(q.Prefix):], q.Delimiter); d >= 0 {
				cp := k[:len(q.Prefix)+d+len(q.Delimiter)]
				if cp == lastPrefix || (q.After != "" && cp <= q.After) {
					continue
				}
				if len(page.Objects)+len(page.CommonPrefixes) == max {
					page.IsTruncated = true
					break
				}
				page.CommonPrefixes = append(page.CommonPrefixes, cp)
				lastPrefix = cp
				page.Next = cp
				continue
			}
		}
		if len(page.Objects)+len(page.CommonPrefixes) == max {
			page.IsTruncated = true
			break
		}
		o := *b.objects[k]
		o.Body = nil
		page.Objects = append(page.Objects, o)
		page.Next = k
	}
	if !page.IsTruncated {
		page.Next = ""
	}
	return page, nil
}

// Object is GetObject: the object with its body (shared; read-only).
func (w *World) Object(bucketName, key string) (S3Object, error) {
	w.rlock()
	defer w.mu.RUnlock()
	b := w.s3.buckets[bucketName]
	if b == nil {
		return S3Object{}, notFound("Bucket", bucketName)
	}
	o := b.objects[key]
	if o == nil {
		return S3Object{}, notFound("Key", key)
	}
	return *o, nil
}

// PutObject stores an object (PutObject).
func (w *World) PutObject(bucketName, key string, body []byte, contentType string, metadata map[string]string) (S3Object, error) {
	w.wlock()
	defer w.mu.Unlock()
	if w.s3.buckets[bucketName] == nil {
		return S3Object{}, notFound("Bucket", bucketName)
	}
	if key == "" || len(key) > 1024 {
		return S3Object{}, invalid("Object key must be 1 to 1024 bytes long")
	}
	return *w.putObject(bucketName, key, body, contentType, metadata), nil
}

// putObject stores an object; callers hold the write lock. A missing bucket
// is created, as the world's own writers only use their project buckets.
func (w *World) putObject(bucketName, key string, body []byte, contentType string, metadata map[string]string) *S3Object {
	b := w.s3.buckets[bucketName]
	if b == nil {
		b = &bucket{Bucket: Bucket{Name: bucketName, CreationDate: w.now, BucketRegion: w.region}, objects: map[string]*S3Object{}}
		w.s3.buckets[bucketName] = b
	}
	sum := md5.Sum(body)
	if contentType == "" {
		contentType = "binary/octet-stream"
	}
	o := &S3Object{
		Key: key, Size: int64(len(body)), ETag: `"` + hex.EncodeToString(sum[:]) + `"`,
		LastModified: w.now.Truncate(time.Second), StorageClass: "STANDARD", ContentType: contentType,
		Metadata: metadata, Body: body,
	}
	if _, exists := b.objects[key]; !exists {
		i := sort.SearchStrings(b.keys, key)
		b.keys = append(b.keys, "")
		copy(b.keys[i+1:], b.keys[i:])
		b.keys[i] = key
	}
	b.objects[key] = o
	return o
}

// PutObject stores an object at the builder's instant.
func (b *Builder) PutObject(bucketName, key string, body []byte, contentType string) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	b.w.putObject(bucketName, key, body, contentType, nil)
}

// objectBody reads an object's body; callers hold a lock.
func (w *World) objectBody(uri string) ([]byte, bool) {
	bn, key, ok := splitS3(uri)
	if !ok {
		return nil, false
	}
	b := w.s3.buckets[bn]
	if b == nil {
		return nil, false
	}
	o := b.objects[key]
	if o == nil {
		return nil, false
	}
	return o.Body, true
}
