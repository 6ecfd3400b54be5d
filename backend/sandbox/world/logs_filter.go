package world

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FilteredLogEvent is one match of FilterLogEvents.
type FilteredLogEvent struct {
	LogStreamName string
	Timestamp     int64 // ms
	IngestionTime int64 // ms
	Message       string
	EventId       string
}

// LogFilterQuery is FilterLogEvents' request. Streams (exact names) or
// Prefix narrow the search; Start and End (inclusive) bound event
// timestamps, zero meaning open; Match decides which messages match (nil:
// all). After is a previous page's Next.
type LogFilterQuery struct {
	Group   string
	Streams []string
	Prefix  string
	Start   time.Time
	End     time.Time
	Match   func(message string) bool
	Limit   int // default and maximum 10,000
	After   string
}

// LogFilterPage is one page of matches, in (timestamp, stream, position)
// order within the streams it searched. Like CloudWatch Logs, a page may
// hold no events and still have a Next: each call searches one batch of
// at most logFilterBatch streams, in name order.
type LogFilterPage struct {
	Events   []FilteredLogEvent
	Searched []string // the streams of this page's batch
	// SearchedCompletely is false when the page stopped at Limit inside
	// its batch.
	SearchedCompletely bool
	Next               string
}

// logFilterBatch is how many streams one FilterLogEvents call searches.
const logFilterBatch = 100

// filterCursor resumes a search: the batch is the streams named in
// [from, to]; pos, when set, is the last event returned.
type filterCursor struct {
	from, to string
	pos      *filterKey
}

type filterKey struct {
	ts      int64
	stream  string
	ordinal int
}

func (k filterKey) less(o filterKey) bool {
	if k.ts != o.ts {
		return k.ts < o.ts
	}
	if k.stream != o.stream {
		return k.stream < o.stream
	}
	return k.ordinal < o.ordinal
}

const cursorSep = "\x1f"

func (c filterCursor) String() string {
	parts := []string{c.from, c.to, "", "", ""}
	if c.pos != nil {
		parts[2], parts[3], parts[4] = strconv.FormatInt(c.pos.ts, 10), c.pos.stream, strconv.Itoa(c.pos.ordinal)
	}
	return strings.Join(parts, cursorSep)
}

func parseFilterCursor(s string) (filterCursor, error) {
	bad := invalid("The specified nextToken is invalid.")
	f := strings.Split(s, cursorSep)
	if len(f) != 5 {
		return filterCursor{}, bad
	}
	c := filterCursor{from: f[0], to: f[1]}
	if f[2] == "" {
		return c, nil
	}
	ts, err1 := strconv.ParseInt(f[2], 10, 64)
	ord, err2 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || ord < 0 {
		return filterCursor{}, bad
	}
	c.pos = &filterKey{ts, f[3], ord}
	return c, nil
}

// FilterLogEvents searches a group's streams for matching events.
func (w *World) FilterLogEvents(q LogFilterQuery) (LogFilterPage, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	nowMs := ms(now)
	if !w.hasLogGroup(q.Group) {
		return LogFilterPage{}, notFound("LogGroup", q.Group)
	}
	if len(q.Streams) > 0 && q.Prefix != "" {
		return LogFilterPage{}, invalid("logStreamNames and logStreamNamePrefix cannot both be specified.")
	}
	limit := q.Limit
	if limit <= 0 || limit > 10000 {
		limit = 10000
	}
	cur := filterCursor{}
	if q.After != "" {
		var err error
		if cur, err = parseFilterCursor(q.After); err != nil {
			return LogFilterPage{}, err
		}
	}
	lo, hi := int64(0), int64(1<<62)
	if !q.Start.IsZero() {
		lo = ms(q.Start)
	}
	if !q.End.IsZero() {
		hi = ms(q.End)
	}
	batch, more := w.filterBatch(q, cur, lo, hi, nowMs)
	page := LogFilterPage{Events: []FilteredLogEvent{}, SearchedCompletely: true}
	if len(batch) == 0 {
		if more && cur.to != "" {
			// The batch's streams are gone; carry on after them.
			page.Next = filterCursor{from: cur.to + "\x00"}.String()
		}
		return page, nil
	}
	if cur.to == "" {
		cur.to = batch[len(batch)-1].name
	}
	type hit struct {
		key filterKey
		ev  LogEvent
	}
	var hits []hit
	for _, s := range batch {
		page.Searched = append(page.Searched, s.name)
		n := s.src.visible(nowMs)
		for i := min(s.src.search(lo), n); i < n; i++ {
			ev := s.src.event(i)
			if ev.Timestamp > hi {
				break
			}
			k := filterKey{ev.Timestamp, s.name, i}
			if cur.pos != nil && !cur.pos.less(k) {
				continue
			}
			if q.Match == nil || q.Match(ev.Message) {
				hits = append(hits, hit{k, ev})
			}
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].key.less(hits[b].key) })
	for _, h := range hits {
		if len(page.Events) == limit {
			k := hits[limit-1].key
			page.Next = filterCursor{from: cur.from, to: cur.to, pos: &k}.String()
			page.SearchedCompletely = false
			return page, nil
		}
		page.Events = append(page.Events, FilteredLogEvent{
			LogStreamName: h.key.stream, Timestamp: h.ev.Timestamp, IngestionTime: h.ev.IngestionTime,
			Message: h.ev.Message, EventId: eventID(q.Group, h.key),
		})
	}
	if more {
		// The next batch starts just after this one's last stream.
		page.Next = filterCursor{from: cur.to + "\x00"}.String()
	}
	return page, nil
}

// eventID is a 56-digit id, as CloudWatch Logs' are, unique per event.
func eventID(group string, k filterKey) string {
	return fmt.Sprintf("%020d%018d%018d", k.ts, hashString(group+"/"+k.stream)%1e18, k.ordinal)
}

// filterBatch returns the streams of the page's batch in name order, and
// whether streams after it may follow. With cur.to set the batch is the
// streams named in [cur.from, cur.to]; otherwise the first logFilterBatch
// streams from cur.from that have events in [lo, hi].
func (w *World) filterBatch(q LogFilterQuery, cur filterCursor, lo, hi, now int64) ([]stream, bool) {
	var out []stream
	more := false
	// take reports whether to continue after s.
	take := func(s stream) bool {
		if s.name < cur.from || !strings.HasPrefix(s.name, q.Prefix) {
			return true
		}
		if cur.to != "" && s.name > cur.to {
			more = true
			return false
		}
		if cur.to == "" && len(out) == logFilterBatch {
			more = true
			return false
		}
		if !overlaps(s, lo, hi, now) {
			return true
		}
		out = append(out, s)
		return true
	}
	switch {
	case len(q.Streams) > 0:
		names := append([]string(nil), q.Streams...)
		sort.Strings(names)
		for i, n := range names {
			if i > 0 && n == names[i-1] {
				continue
			}
			if s, ok := w.findStream(q.Group, n, now); ok && !take(s) {
				break
			}
		}
	case q.Group == TrainingLogGroup:
		idx := w.training.byStream
		from := max(cur.from, q.Prefix)
		pos := sort.Search(len(idx), func(i int) bool {
			k := idx[i].name + "/"
			return k >= from || strings.HasPrefix(from, k)
		})
		for i := pos; i < len(idx); i++ {
			j := idx[i]
			k := j.name + "/"
			if !strings.HasPrefix(k, q.Prefix) && !strings.HasPrefix(q.Prefix, k) {
				if k > q.Prefix {
					break
				}
				continue
			}
			if st := j.startedAt(); st == 0 || st-60000 > hi || j.endAt()+60000 < lo {
				continue
			}
			stop := false
			for _, s := range w.trainingStreams(j, now) {
				if !take(s) {
					stop = true
					break
				}
			}
			if stop {
				break
			}
		}
	default:
		ss := w.groupStreams(q.Group, q.Prefix, now)
		sort.Slice(ss, func(a, b int) bool { return ss[a].name < ss[b].name })
		for _, s := range ss {
			if !take(s) {
				break
			}
		}
	}
	return out, more
}

// overlaps reports whether s has a visible event in [lo, hi].
func overlaps(s stream, lo, hi, now int64) bool {
	n := s.src.visible(now)
	i := s.src.search(lo)
	return i < n && s.src.event(i).Timestamp <= hi
}
