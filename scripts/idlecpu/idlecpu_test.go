package main

import (
	"slices"
	"testing"
)

func TestPanesOf(t *testing.T) {
	if got, err := panesOf("all"); err != nil || len(got) != 6 || got[0] != "projects" || got[5] != "backups" {
		t.Fatalf("all = %v, %v; want the six panes in tab order", got, err)
	}
	if got, err := panesOf("jobs"); err != nil || !slices.Equal(got, []string{"jobs"}) {
		t.Fatalf("jobs = %v, %v", got, err)
	}
	if _, err := panesOf("job"); err == nil {
		t.Fatal("a pane that does not exist was accepted")
	}
}
