package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestShownReadsThePanesCount(t *testing.T) {
	for info, want := range map[string]int{
		"1,204 of 108,001 jobs · 6 running": 1204,
		"108,001 jobs · 6 running":          108001,
		"0 of 360 jobs":                     0,
	} {
		if got, err := shown(info); err != nil || got != want {
			t.Errorf("shown(%q) = %d, %v; want %d", info, got, err, want)
		}
	}
	if _, err := shown("Loading training jobs…"); err == nil {
		t.Error("a text without a count was read as one")
	}
}

// The pane bench filters as the pane does: typing narrows the rows, and
// clearing the filter shows them all again.
func TestPaneBenchNarrowsAsTyped(t *testing.T) {
	now := time.Now()
	var jobs []job
	for _, name := range []string{"hdb-resale-ranger-1", "hdb-resale-xgb-2", "mom-fraud-xgb-3"} {
		jobs = append(jobs, job{Name: name, Status: "Completed", Secondary: "Completed", Project: "p", Created: now})
	}
	b, err := newPaneBench(jobs)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"xgb": 2, "ranger": 1, "": 3} {
		k, err := b.keystroke(q)
		if err != nil {
			t.Fatal(err)
		}
		if k.matches != want {
			t.Errorf("%q shows %d jobs, want %d", q, k.matches, want)
		}
	}
}

func TestNamesFileRoundTrips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "names.txt")
	in := []job{{Name: "a-1"}, {Name: "b-2"}}
	if err := writeNames(path, in); err != nil {
		t.Fatal(err)
	}
	got, err := readNames(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a-1", "b-2"}) {
		t.Fatalf("names = %q", got)
	}
	if b, _ := os.ReadFile(path); string(b) != "a-1\nb-2\n" {
		t.Fatalf("file = %q, want one name a line", b)
	}
}
