package backend

import (
	"testing"

	"github.com/agdash/agdash/backend/aws/awsfake"
)

func TestSearchIsGivenUpOnlyWhenRefusedNotWhenThrottled(t *testing.T) {
	var s searchable
	calls := 0
	throttled := func() error { calls++; return awsfake.APIError("ThrottlingException", "Rate exceeded") }
	if ok, err := s.try("Project", throttled); ok || err == nil {
		t.Fatalf("a throttled Search gave ok %v, err %v; want the error, to retry later", ok, err)
	}
	refused := func() error {
		calls++
		return awsfake.APIError("ValidationException", "Search does not support Project")
	}
	if ok, err := s.try("Project", refused); ok || err != nil {
		t.Fatalf("a refused Search gave ok %v, err %v; want a quiet fallback", ok, err)
	}
	if ok, err := s.try("Project", func() error { calls++; return nil }); ok || err != nil || calls != 2 {
		t.Fatalf("after a refusal Search was asked again (%d calls, ok %v, err %v)", calls, ok, err)
	}
	if ok, err := s.try("Pipeline", func() error { calls++; return nil }); !ok || err != nil || calls != 3 {
		t.Fatalf("another resource's Search: ok %v, err %v, %d calls; want it tried", ok, err, calls)
	}
}
