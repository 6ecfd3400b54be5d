package kittest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

func TestFakeServiceSubscriptionsShareAFeed(t *testing.T) {
	s := NewService(Admin(), Now)
	key := backend.FeedKey{Kind: backend.FeedProjects}
	u1 := s.Subscribe(key)
	u2 := s.Subscribe(key)
	u1()
	u1() // a second call is a no-op
	if got := strings.Join(s.Subscribed(), ","); got != "projects" {
		t.Fatalf("after one of two left: %s", got)
	}
	u2()
	if len(s.Subscribed()) != 0 {
		t.Fatal("the feed should stop when its last subscriber leaves")
	}
	if got := strings.Join(s.SubscriptionLog(), ","); got != "+projects,+projects,-projects,-projects" {
		t.Fatalf("log %s", got)
	}
}

func TestFakeServiceDeliversAndCloses(t *testing.T) {
	s := NewService(Admin(), Now)
	key := backend.FeedKey{Kind: backend.FeedProjects}
	s.Send(backend.Update{Key: key, Data: Projects()})
	u := <-s.Updates()
	if u.State.Key != key || len(u.Data.(backend.ProjectsData).Projects) != 4 {
		t.Fatalf("update %+v", u.State)
	}
	s.Close()
	s.Close()
	if _, ok := <-s.Updates(); ok {
		t.Fatal("Close should close the updates channel")
	}
}

func TestFakeServiceDoAndClock(t *testing.T) {
	s := NewService(Admin(), Now)
	res, err := s.Do(context.Background(), backend.StopTrainingJob{Name: "j1"})
	if err != nil || res.Message != "Done: stop a training job (j1)" {
		t.Fatalf("Do = %+v, %v", res, err)
	}
	s.OnDo(func(context.Context, backend.ActionRequest) (backend.ActionResult, error) {
		return backend.ActionResult{}, &backend.ActionError{Code: "ReadOnly", Action: domain.ActionStopTrainingJob, Target: "j2"}
	})
	if _, err := s.Do(context.Background(), backend.StopTrainingJob{Name: "j2"}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("scripted Do = %v", err)
	}
	if len(s.Requests()) != 2 {
		t.Fatal("requests not recorded")
	}
	s.Advance(time.Minute)
	if !s.Now().Equal(Now.Add(time.Minute)) {
		t.Fatal("Advance")
	}
}

func TestFixturesAreConsistent(t *testing.T) {
	d := Projects()
	for _, p := range d.Projects {
		for _, m := range p.Members {
			found := false
			for _, proj := range m.Projects {
				found = found || proj == p.Name
			}
			if !found {
				t.Errorf("%s lists member %s whose tag does not name it", p.Name, m.Name)
			}
		}
		n := 0
		for _, f := range d.Findings {
			if f.Project == p.Name {
				n++
			}
		}
		if n != p.FindingCount {
			t.Errorf("%s: FindingCount %d but %d findings", p.Name, p.FindingCount, n)
		}
	}
}
