package kit

import (
	"context"
	"errors"
	"testing"
)

func TestAsyncDeliversAddressedResult(t *testing.T) {
	var s Seqs
	seq := s.Next("describe")
	cmd := Async(context.Background(), PaneJobs, "describe", seq, func(context.Context) (string, error) { return "hdb-train-3 described", nil })
	msg := cmd()
	r, ok := msg.(Result[string])
	if !ok || r.Value != "hdb-train-3 described" || r.RouteTo() != PaneJobs || !s.Current(r.Tag, r.Seq) {
		t.Fatalf("got %#v", msg)
	}
	var routed Routed = r
	if routed.RouteTo() != PaneJobs {
		t.Fatal("a Result must be routable to its pane")
	}
	fail := Async(context.Background(), PaneJobs, "describe", s.Next("describe"), func(context.Context) (int, error) { return 0, errors.New("throttled") })
	if r := fail().(Result[int]); r.Err == nil || s.Current("describe", seq) {
		t.Fatal("the error is carried and the first request is now stale")
	}
}

func TestContextScope(t *testing.T) {
	c := &Context{}
	if !c.InScope("anything") {
		t.Fatal("no scope means everything is in scope")
	}
	c.Scope = "hdb-resale-valuation"
	if c.InScope("lta-bus-eta") || !c.InScope("hdb-resale-valuation") {
		t.Fatal("scope")
	}
	if c.Now().IsZero() {
		t.Fatal("Now without a service falls back to the local clock")
	}
}
