package backend

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"

	"github.com/agdash/agdash/backend/aws"
)

// callLog records every request the feeds send, by operation and by what
// the request names (its path and body, less any paging token), and
// whether the answer showed the item finished. With it the pane benchmark
// checks frugality call by call, not only in total.
type callLog struct {
	next aws.HTTPDoer

	mu sync.Mutex
	// counting is off during warm-up: only the window's calls are rated.
	counting bool
	byOp     map[string]int
	byItem   map[string]int // "op item" -> calls in the window
	// finished counts, over the whole session, the answers per "op item"
	// that showed the item in a terminal state.
	finished map[string]int
}

func newCallLog() *callLog {
	return &callLog{next: aws.NewHTTPClient(), byOp: map[string]int{}, byItem: map[string]int{}, finished: map[string]int{}}
}

func (l *callLog) Do(r *http.Request) (*http.Response, error) {
	op := aws.ServiceKey(awsmiddleware.GetServiceID(r.Context())) + ":" + awsmiddleware.GetOperationName(r.Context())
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		_ = r.Body.Close()
		r = r.Clone(r.Context())
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	resp, err := l.next.Do(r)
	if err != nil {
		return resp, err
	}
	answer, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(answer))
	key := op + " " + itemOf(r, body)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.counting {
		l.byOp[op]++
		l.byItem[key]++
	}
	if resp.StatusCode == http.StatusOK && answersFinished(answer) {
		l.finished[key]++
	}
	return resp, nil
}

// startCounting begins the measured window.
func (l *callLog) startCounting() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.counting = true
}

// itemOf is what a request names: its path, query and JSON body without
// paging tokens or time windows, so that every poll of the same thing has
// the same key. Other bodies (CloudWatch's CBOR) name no item: the calls
// that send them are rated per operation.
func itemOf(r *http.Request, body []byte) string {
	q := r.URL.Query()
	for _, k := range []string{"nextToken", "NextToken", "maxResults", "MaxResults", "createdAfter", "createdBefore"} {
		q.Del(k)
	}
	item := r.URL.Path
	if len(q) > 0 {
		item += "?" + q.Encode()
	}
	var fields map[string]any
	if json.Unmarshal(body, &fields) == nil {
		delete(fields, "NextToken")
		delete(fields, "nextToken")
		// Time windows move with every poll; they do not name an item.
		for _, k := range []string{"StartTime", "EndTime", "startTime", "endTime", "CreationTimeAfter", "CreatedAfter"} {
			delete(fields, k)
		}
		b, _ := json.Marshal(fields)
		return item + " " + string(b)
	}
	if len(body) > 0 {
		return item + " (" + r.Header.Get("Content-Type") + ")"
	}
	return item
}

// answersFinished reports whether a JSON answer shows one item in a
// terminal state: a top-level "...Status" field (the job's, execution's,
// version's or restore's own, not a secondary one) with a final value.
func answersFinished(answer []byte) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(answer, &fields) != nil {
		return false
	}
	for k, raw := range fields {
		if !strings.HasSuffix(k, "Status") || k == "SecondaryStatus" || k == "ModelApprovalStatus" {
			continue
		}
		var v string
		if json.Unmarshal(raw, &v) != nil {
			continue
		}
		switch v {
		case "Completed", "Failed", "Stopped", "Succeeded", "COMPLETED", "FAILED", "ABORTED":
			return true
		}
	}
	return false
}

// budget is how often a pane may make one operation: at most once per
// every (collection calls), or, per item, at most once per every per item
// (describes of items that have not finished).
type budget struct {
	every   time.Duration
	perItem bool
}

// check reports every way the window broke the pane's budgets: an
// operation without a budget, a collection listed more than once per its
// interval, an item read more often than its interval, or an item read
// again after an answer showed it finished.
func (l *callLog) check(window time.Duration, budgets map[string]budget) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var broken []string
	allowed := func(every time.Duration) int { return int(window/every) + 1 }
	for op, n := range l.byOp {
		b, ok := budgets[op]
		switch {
		case !ok:
			broken = append(broken, fmt.Sprintf("%s: %d calls, and the pane has no reason to make it", op, n))
		case !b.perItem && n > allowed(b.every):
			broken = append(broken, fmt.Sprintf("%s: %d calls in %s, more than one per %s", op, n, window, b.every))
		}
	}
	for key, n := range l.byItem {
		op, _, _ := strings.Cut(key, " ")
		if b, ok := budgets[op]; ok && b.perItem && n > allowed(b.every) {
			broken = append(broken, fmt.Sprintf("%s: %d calls in %s, more than one per %s", key, n, window, b.every))
		}
	}
	for key, n := range l.finished {
		if n > 1 {
			broken = append(broken, fmt.Sprintf("%s: read %d times after it had finished", key, n))
		}
	}
	slices.Sort(broken)
	return broken
}

// items is the window's calls per item of the per-item operations.
func (l *callLog) items() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for k, n := range l.byItem {
		out = append(out, fmt.Sprintf("%4d %s", n, k))
	}
	slices.Sort(out)
	return out
}

// The pane benchmark's checks catch each kind of waste.
func TestCallLogCheckCatchesEveryBreach(t *testing.T) {
	l := newCallLog()
	l.counting = true
	window := time.Minute
	l.byOp = map[string]int{"sagemaker:ListTrainingJobs": 3, "sagemaker:DescribeTrainingJob": 15, "sagemaker:ListTags": 1}
	l.byItem = map[string]int{
		`sagemaker:ListTrainingJobs / {}`:                         3,
		`sagemaker:DescribeTrainingJob / {"TrainingJobName":"a"}`: 14,
		`sagemaker:DescribeTrainingJob / {"TrainingJobName":"b"}`: 1,
	}
	l.finished = map[string]int{`sagemaker:DescribeTrainingJob / {"TrainingJobName":"b"}`: 2}
	budgets := map[string]budget{
		"sagemaker:ListTrainingJobs":    {every: 30 * time.Second},
		"sagemaker:DescribeTrainingJob": {every: 5 * time.Second, perItem: true},
	}
	want := []string{
		`sagemaker:DescribeTrainingJob / {"TrainingJobName":"a"}: 14 calls in 1m0s, more than one per 5s`,
		`sagemaker:DescribeTrainingJob / {"TrainingJobName":"b"}: read 2 times after it had finished`,
		`sagemaker:ListTags: 1 calls, and the pane has no reason to make it`,
	}
	if got := l.check(window, budgets); !slices.Equal(got, want) {
		t.Fatalf("breaches =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Three lists in a minute at 30 s are within one per interval, with the
	// window's edges (3 = 60/30 + 1); a fourth is not.
	l.byOp["sagemaker:ListTrainingJobs"] = 4
	if got := l.check(window, budgets); !slices.Contains(got, "sagemaker:ListTrainingJobs: 4 calls in 1m0s, more than one per 30s") {
		t.Fatalf("four lists in a minute at 30 s passed: %v", got)
	}
}

func TestAnswersFinishedReadsTheItemsOwnStatus(t *testing.T) {
	for answer, want := range map[string]bool{
		`{"TrainingJobStatus":"Completed","SecondaryStatus":"Completed"}`:     true,
		`{"TrainingJobStatus":"InProgress","SecondaryStatus":"Training"}`:     false,
		`{"PipelineExecutionStatus":"Failed"}`:                                true,
		`{"ModelPackageStatus":"Completed","ModelApprovalStatus":"Approved"}`: true,
		`{"EndpointStatus":"Updating"}`:                                       false,
		`{"Status":"COMPLETED"}`:                                              true,
		`{"TrainingJobSummaries":[{"TrainingJobStatus":"Completed"}]}`:        false,
	} {
		if got := answersFinished([]byte(answer)); got != want {
			t.Errorf("answersFinished(%s) = %v, want %v", answer, got, want)
		}
	}
}
