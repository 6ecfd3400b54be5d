package world

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Log group names the world serves.
const (
	TrainingLogGroup   = "/aws/sagemaker/TrainingJobs"
	ProcessingLogGroup = "/aws/sagemaker/ProcessingJobs"
	EndpointLogPrefix  = "/aws/sagemaker/Endpoints/"
)

// LogGroup mirrors CloudWatch Logs' shape (times in ms).
type LogGroup struct {
	LogGroupName      string
	Arn               string // ends in ":*", as DescribeLogGroups shows it
	LogGroupArn       string
	CreationTime      int64
	RetentionInDays   int32
	StoredBytes       int64
	MetricFilterCount int32
	LogGroupClass     string
}

// LogStream mirrors CloudWatch Logs' shape (times in ms).
type LogStream struct {
	LogStreamName       string
	Arn                 string
	CreationTime        int64
	FirstEventTimestamp int64
	LastEventTimestamp  int64
	LastIngestionTime   int64
	StoredBytes         int64
}

// stream is a log stream as the world knows it: metadata plus its events.
type stream struct {
	name    string
	created int64
	src     eventSource
}

func (w *World) streamInfo(group string, s stream, now int64) LogStream {
	out := LogStream{
		LogStreamName: s.name,
		Arn:           w.logsArn(group) + ":log-stream:" + s.name,
		CreationTime:  s.created,
	}
	if n := s.src.visible(now); n > 0 {
		first, last := s.src.event(0), s.src.event(n-1)
		out.FirstEventTimestamp = first.Timestamp
		out.LastEventTimestamp = last.Timestamp
		out.LastIngestionTime = last.IngestionTime
		out.StoredBytes = int64(n) * 120
	}
	return out
}

// LogGroups is DescribeLogGroups: groups whose name starts with prefix, by name.
func (w *World) LogGroups(prefix string) []LogGroup {
	w.rlock()
	defer w.mu.RUnlock()
	created := w.start.Add(-400 * 24 * time.Hour)
	names := []string{TrainingLogGroup, ProcessingLogGroup}
	for _, e := range w.serving.endpointList {
		names = append(names, EndpointLogPrefix+e.EndpointName)
	}
	sort.Strings(names)
	var out []LogGroup
	for _, n := range names {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		c := created
		if e := w.serving.endpoints[strings.TrimPrefix(n, EndpointLogPrefix)]; e != nil {
			c = e.CreationTime
		}
		out = append(out, LogGroup{
			LogGroupName:    n,
			Arn:             w.logsArn(n) + ":*",
			LogGroupArn:     w.logsArn(n),
			CreationTime:    ms(c),
			RetentionInDays: 90,
			StoredBytes:     int64(hashString(n)%50000000) + 1000000,
			LogGroupClass:   "STANDARD",
		})
	}
	return out
}

// LogStreamQuery is DescribeLogStreams' request. OrderBy is "LogStreamName"
// (default) or "LastEventTime"; After is the previous page's Next.
type LogStreamQuery struct {
	Group      string
	Prefix     string
	OrderBy    string
	Descending bool
	Limit      int // 1..50, default 50
	After      string
}

// LogStreamPage is one page of streams.
type LogStreamPage struct {
	Streams []LogStream
	Next    string
}

// LogStreams is DescribeLogStreams.
func (w *World) LogStreams(q LogStreamQuery) (LogStreamPage, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	nowMs := ms(now)
	limit := q.Limit
	if limit <= 0 || limit > 50 {
		limit = 50
	}
	if !w.hasLogGroup(q.Group) {
		return LogStreamPage{}, notFound("LogGroup", q.Group)
	}
	switch q.OrderBy {
	case "", "LogStreamName":
	case "LastEventTime":
		if q.Prefix != "" {
			return LogStreamPage{}, invalid("Cannot order by LastEventTime with a logStreamNamePrefix.")
		}
	default:
		return LogStreamPage{}, invalid("1 validation error detected: Value '%s' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]", q.OrderBy)
	}
	if q.Group == TrainingLogGroup {
		if q.OrderBy == "LastEventTime" {
			return w.trainingStreamsByTime(q, limit, nowMs), nil
		}
		return w.trainingStreamsByName(q, limit, nowMs), nil
	}
	all := w.groupStreams(q.Group, q.Prefix, nowMs)
	infos := make([]LogStream, len(all))
	for i, s := range all {
		infos[i] = w.streamInfo(q.Group, s, nowMs)
	}
	key := func(s LogStream) string { return s.LogStreamName }
	if q.OrderBy == "LastEventTime" {
		key = func(s LogStream) string {
			return strconv.FormatInt(s.LastEventTimestamp+1e15, 10) + "|" + s.LogStreamName
		}
	}
	sort.Slice(infos, func(a, b int) bool {
		if q.Descending {
			return key(infos[a]) > key(infos[b])
		}
		return key(infos[a]) < key(infos[b])
	})
	var page LogStreamPage
	for _, s := range infos {
		k := key(s)
		if q.After != "" && ((!q.Descending && k <= q.After) || (q.Descending && k >= q.After)) {
			continue
		}
		if len(page.Streams) == limit {
			page.Next = key(page.Streams[len(page.Streams)-1])
			break
		}
		page.Streams = append(page.Streams, s)
	}
	return page, nil
}

func (w *World) hasLogGroup(group string) bool {
	if group == TrainingLogGroup || group == ProcessingLogGroup {
		return true
	}
	if name, ok := strings.CutPrefix(group, EndpointLogPrefix); ok {
		return w.serving.endpoints[name] != nil
	}
	return false
}

// groupStreams lists the streams of a small group (not the training one).
func (w *World) groupStreams(group, prefix string, now int64) []stream {
	var out []stream
	add := func(s stream) {
		if strings.HasPrefix(s.name, prefix) {
			out = append(out, s)
		}
	}
	switch {
	case group == TrainingLogGroup:
		for _, j := range w.training.byStream {
			for _, s := range w.trainingStreams(j, now) {
				add(s)
			}
		}
	case group == ProcessingLogGroup:
		for _, p := range w.processing.list {
			if s, ok := w.processingStream(p, now); ok {
				add(s)
			}
		}
	default:
		if e := w.serving.endpoints[strings.TrimPrefix(group, EndpointLogPrefix)]; e != nil {
			for _, s := range w.endpointStreams(e, now) {
				add(s)
			}
		}
	}
	return out
}

// trainingStreamsByTime pages the training group by last event time. The
// order uses each job's end (or now, while it runs) so that only the page's
// own streams have their logs generated.
func (w *World) trainingStreamsByTime(q LogStreamQuery, limit int, now int64) LogStreamPage {
	type entry struct {
		j    *trainingJob
		host int
		key  string
	}
	var all []entry
	for _, j := range w.training.byCreation {
		st := j.startedAt()
		if st == 0 || st > now {
			continue
		}
		last := min(j.endAt(), now)
		for h := 1; h <= int(j.instanceCount()); h++ {
			all = append(all, entry{j, h, strconv.FormatInt(last+1e15, 10) + "|" + j.streamName(h)})
		}
	}
	sort.Slice(all, func(a, b int) bool {
		if q.Descending {
			return all[a].key > all[b].key
		}
		return all[a].key < all[b].key
	})
	var page LogStreamPage
	lastKey := ""
	for _, e := range all {
		if q.After != "" && ((!q.Descending && e.key <= q.After) || (q.Descending && e.key >= q.After)) {
			continue
		}
		if len(page.Streams) == limit {
			page.Next = lastKey
			break
		}
		for _, s := range w.trainingStreams(e.j, now) {
			if s.name == e.j.streamName(e.host) {
				page.Streams = append(page.Streams, w.streamInfo(q.Group, s, now))
				lastKey = e.key
			}
		}
	}
	return page
}

// trainingStreamsByName pages the training group in name order straight
// from the job index, without listing 100,000 jobs' streams.
func (w *World) trainingStreamsByName(q LogStreamQuery, limit int, now int64) LogStreamPage {
	idx := w.training.byStream
	from := q.Prefix
	if q.After != "" && (q.Descending || q.After > from) {
		from = q.After
	}
	var page LogStreamPage
	emit := func(s stream) bool {
		if !strings.HasPrefix(s.name, q.Prefix) {
			return true
		}
		if q.After != "" && ((!q.Descending && s.name <= q.After) || (q.Descending && s.name >= q.After)) {
			return true
		}
		if len(page.Streams) == limit {
			page.Next = page.Streams[len(page.Streams)-1].LogStreamName
			return false
		}
		page.Streams = append(page.Streams, w.streamInfo(q.Group, s, now))
		return true
	}
	// First job whose streams can sort at or after `from`.
	pos := sort.Search(len(idx), func(i int) bool {
		k := idx[i].name + "/"
		return k >= from || strings.HasPrefix(from, k)
	})
	inRange := func(j *trainingJob) bool {
		k := j.name + "/"
		return strings.HasPrefix(k, q.Prefix) || strings.HasPrefix(q.Prefix, k)
	}
	if !q.Descending {
		for i := pos; i < len(idx); i++ {
			if !inRange(idx[i]) {
				if idx[i].name+"/" > q.Prefix {
					break
				}
				continue
			}
			for _, s := range w.trainingStreams(idx[i], now) {
				if !emit(s) {
					return page
				}
			}
		}
		return page
	}
	start := len(idx) - 1
	if q.After != "" {
		start = pos
		if start >= len(idx) {
			start = len(idx) - 1
		}
	} else if q.Prefix != "" {
		start = sort.Search(len(idx), func(i int) bool {
			k := idx[i].name + "/"
			return k > q.Prefix && !strings.HasPrefix(k, q.Prefix)
		}) - 1
	}
	for i := start; i >= 0; i-- {
		if !inRange(idx[i]) {
			if q.Prefix != "" && idx[i].name+"/" < q.Prefix {
				break
			}
			continue
		}
		ss := w.trainingStreams(idx[i], now)
		for k := len(ss) - 1; k >= 0; k-- {
			if !emit(ss[k]) {
				return page
			}
		}
	}
	return page
}

// LogEventsQuery is GetLogEvents' request. Token is a previous page's
// NextForwardToken or NextBackwardToken.
type LogEventsQuery struct {
	Group         string
	Stream        string
	StartTime     time.Time
	EndTime       time.Time
	Token         string
	Limit         int // default and maximum 10,000; a page also stops at 1 MB
	StartFromHead bool
}

// LogEventsPage is GetLogEvents' answer. A forward token resumes exactly
// after the last event returned, so a tail never reads an event twice; when
// nothing new has arrived it is the token that was passed in.
type LogEventsPage struct {
	Events            []LogEvent
	NextForwardToken  string
	NextBackwardToken string
}

// LogEvents is GetLogEvents.
func (w *World) LogEvents(q LogEventsQuery) (LogEventsPage, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	nowMs := ms(now)
	s, ok := w.findStream(q.Group, q.Stream, nowMs)
	if !ok {
		if !w.hasLogGroup(q.Group) {
			return LogEventsPage{}, notFound("LogGroup", q.Group)
		}
		return LogEventsPage{}, notFound("LogStream", q.Stream)
	}
	limit := q.Limit
	if limit <= 0 || limit > 10000 {
		limit = 10000
	}
	n := s.src.visible(nowMs)
	lo, hi := 0, n
	if !q.StartTime.IsZero() {
		lo = min(s.src.search(ms(q.StartTime)), n)
	}
	if !q.EndTime.IsZero() {
		hi = min(s.src.search(ms(q.EndTime)), n)
	}
	if hi < lo {
		hi = lo
	}
	var from, to int
	forward := true
	switch {
	case strings.HasPrefix(q.Token, "f/"):
		p, err := parseToken(q.Token)
		if err != nil {
			return LogEventsPage{}, err
		}
		from = max(p, lo)
		to = min(from+limit, hi)
		if to < from {
			to = from
		}
	case strings.HasPrefix(q.Token, "b/"):
		p, err := parseToken(q.Token)
		if err != nil {
			return LogEventsPage{}, err
		}
		to = min(p, hi)
		from = max(to-limit, lo)
		if to < from {
			to = from
		}
		forward = false
	case q.Token != "":
		return LogEventsPage{}, invalid("The specified nextToken is invalid.")
	case q.StartFromHead:
		from = lo
		to = min(lo+limit, hi)
	default:
		to = hi
		from = max(hi-limit, lo)
		forward = false
	}
	page := LogEventsPage{Events: make([]LogEvent, 0, to-from)}
	size := 0
	if forward {
		for i := from; i < to; i++ {
			e := s.src.event(i)
			if size += eventSize(e); size > maxEventsBytes {
				to = i
				break
			}
			page.Events = append(page.Events, e)
		}
	} else {
		// The page ends at to; the 1 MB cut drops its oldest events.
		for i := to - 1; i >= from; i-- {
			e := s.src.event(i)
			if size += eventSize(e); size > maxEventsBytes {
				from = i + 1
				break
			}
			page.Events = append(page.Events, e)
		}
		slices.Reverse(page.Events)
	}
	page.NextForwardToken = token('f', to)
	page.NextBackwardToken = token('b', from)
	return page, nil
}

// maxEventsBytes is GetLogEvents' response limit: "as many log events as
// can fit in a response size of 1 MB (up to 10,000 log events)", counted
// as CloudWatch Logs counts a batch: each message's UTF-8 bytes plus 26.
const maxEventsBytes = 1 << 20

func eventSize(e LogEvent) int { return len(e.Message) + 26 }

func token(dir byte, ordinal int) string {
	return string(dir) + "/" + leftPad(strconv.Itoa(ordinal), 20) + "/s"
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func parseToken(t string) (int, error) {
	body := strings.TrimSuffix(t[2:], "/s")
	v, err := strconv.Atoi(strings.TrimLeft(body, "0"))
	if body != "" && strings.TrimLeft(body, "0") == "" {
		return 0, nil
	}
	if err != nil || v < 0 {
		return 0, invalid("The specified nextToken is invalid.")
	}
	return v, nil
}

// findStream locates one stream by group and name.
func (w *World) findStream(group, name string, now int64) (stream, bool) {
	switch {
	case group == TrainingLogGroup:
		job, _, ok := strings.Cut(name, "/")
		if !ok {
			return stream{}, false
		}
		if j := w.training.get(job); j != nil && j.name == job {
			for _, s := range w.trainingStreams(j, now) {
				if s.name == name {
					return s, true
				}
			}
		}
	default:
		for _, s := range w.groupStreams(group, name, now) {
			if s.name == name {
				return s, true
			}
		}
	}
	return stream{}, false
}
