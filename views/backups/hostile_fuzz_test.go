package backups

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzHostileEverywhere puts fuzzed text in every string of the file
// systems, their users, the recovery points and the restore jobs (names,
// domains, states, status messages, paths) and renders the list, a
// timeline and the restore flow's user choice with the plain no-colour
// styles: nothing a terminal would act on reaches the screen, and every
// view keeps its exact size.
func FuzzHostileEverywhere(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const w, h = 110, 30
		hs := newHarness(t, kittest.Admin(), w, h)
		check := func(what string) {
			t.Helper()
			kittest.AssertPaneInert(t, what, hs.p, hs.view(), w, h)
		}
		fs, jobs, pts := fileSystems(), restoreJobs(startedJob("RUNNING", "40", 0)), points()
		kittest.Poison(&fs, a, b)
		kittest.Poison(&jobs, b, a)
		kittest.Poison(&pts, a, b)
		hs.deliver(fsFeed, fs)
		hs.deliver(jobsFeed, jobs)
		check("file systems")
		hs.press("enter")
		for _, key := range hs.p.Feeds() {
			if key.Kind == backend.FeedRecoveryPoints {
				hs.deliver(key, pts)
			}
		}
		check("timeline")
		hs.press("alt+3", "r")
		check("choose a user")
	})
}

// File system and domain names in Chinese, Malay, Tamil and emoji keep
// the list's columns in line.
func TestWideTextGolden(t *testing.T) {
	for _, sz := range kittest.PaneSizes() {
		t.Run(sz.Name, func(t *testing.T) {
			fs := fileSystems()
			for i, name := range kittest.WideNames {
				fs.FileSystems[i%len(fs.FileSystems)].Name = name
				fs.FileSystems[i%len(fs.FileSystems)].DomainName = name
			}
			hs := newHarness(t, kittest.Admin(), sz.W, sz.H)
			hs.deliver(fsFeed, fs)
			hs.deliver(jobsFeed, restoreJobs())
			out := hs.view()
			kittest.RequireBlock(t, out, sz.W, sz.H)
			kittest.RequireColumnsAligned(t, out, "DOMAIN", "FILE SYSTEM", kittest.WideNames)
			golden.RequireEqual(t, []byte(out))
		})
	}
}
