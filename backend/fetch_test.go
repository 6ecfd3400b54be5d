package backend

import (
	"context"
	"strings"
	"testing"
)

func TestFetchPollsOnceWithoutSubscribing(t *testing.T) {
	f := projectAccount()
	c, _ := newTestClient(t, f, Options{})
	data, err := c.Fetch(context.Background(), FeedKey{Kind: FeedProjects})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := data.(ProjectsData)
	if !ok || len(d.Projects) != 1 || d.Projects[0].Name != "hdb-resale" || len(d.Projects[0].Members) != 2 {
		t.Fatalf("Fetch(projects) = %#v", data)
	}
	if got := c.Feeds(); len(got) != 0 {
		t.Fatalf("Fetch started feeds: %v", got)
	}
	if _, err := c.Fetch(context.Background(), FeedKey{Kind: FeedExecutions}); err == nil || !strings.Contains(err.Error(), "needs an argument") {
		t.Fatalf("a per-item feed without its argument: %v", err)
	}
}
