package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/joblist"
	"singlecam/core/submit"
)

func keyEnter() *fyne.KeyEvent { return &fyne.KeyEvent{Name: fyne.KeyReturn} }

func TestDroppingAVideoAndItsMoveMakesOneTake(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{e.video(t, "Backflip.mp4"), e.file(t, "Backflip.move", 4096)})
	e.q.until(t, "the check", func() bool { return p.Start.Disabled() == false })
	if len(p.takes) != 1 || filepath.Base(p.takes[0].Move) != "Backflip.move" {
		t.Fatalf("takes %+v", p.takes)
	}
	if !strings.Contains(p.takes[0].summary, "480×320 · 30 fps · H.264 · MP4") {
		t.Errorf("summary %q", p.takes[0].summary)
	}
	if p.Reason.Text != "Ready: one video." {
		t.Errorf("reason %q", p.Reason.Text)
	}
}

func TestDroppingAPDFIsRefusedByName(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{e.file(t, "shot list.pdf", 100)})
	e.q.settle()
	if len(p.takes) != 0 || !strings.Contains(p.Notice.Text, "“shot list.pdf” is not a video") {
		t.Errorf("takes %d, notice %q", len(p.takes), p.Notice.Text)
	}
	if !p.Start.Disabled() || !strings.Contains(p.Reason.Text, "Drop a video") {
		t.Errorf("Start enabled %v, reason %q", !p.Start.Disabled(), p.Reason.Text)
	}
}

func TestABatchOfThreeVideos(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), e.video(t, "c.mov")})
	e.q.until(t, "the checks", func() bool { return !p.Start.Disabled() })
	if len(p.takes) != 3 || !p.Name.Disabled() || !strings.Contains(p.Reason.Text, "3 videos, one job each") {
		t.Errorf("%d takes, name disabled %v, reason %q", len(p.takes), p.Name.Disabled(), p.Reason.Text)
	}
}

func TestBadSettingsBlockStartWithTheReason(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{e.video(t, "a.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	for _, tc := range []struct {
		change func()
		says   string
		undo   func()
	}{
		{func() { p.Label.SetText("My Phone") }, "lowercase letters, digits and hyphens", func() { p.Label.SetText("iphone") }},
		{func() { p.ClipStart.SetText("1"); p.ClipEnd.SetText("") }, "needs a start and an end", func() { p.ClipStart.SetText("") }},
		{func() { p.ClipStart.SetText("0"); p.ClipEnd.SetText("9") }, "ends at 9 s", func() { p.ClipStart.SetText(""); p.ClipEnd.SetText("") }},
		{func() { test.Tap(p.Outputs.None) }, "Tick at least one output", func() { test.Tap(p.Outputs.Defaults) }},
	} {
		tc.change()
		e.q.until(t, tc.says, func() bool {
			return p.Start.Disabled() && strings.Contains(p.Reason.Text+strings.Join(findingsOf(p), ""), tc.says)
		})
		tc.undo()
		e.q.until(t, "ready again", func() bool { return !p.Start.Disabled() })
	}
}

func findingsOf(p *NewTake) []string {
	var out []string
	for _, t := range p.takes {
		for _, f := range t.findings {
			out = append(out, f.Message)
		}
	}
	return out
}

func TestALongVideoGetsAClipWindowProposed(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.signedIn(t).NewTake
	p.Drop([]string{filepath.Join("..", "core", "media", "testdata", "long-70s.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	if p.ClipStart.Text != "0" || p.ClipEnd.Text != "60" || !p.Advanced.Items[0].Open || !strings.Contains(p.Notice.Text, "first 60 s") {
		t.Errorf("window %q–%q, advanced open %v, notice %q", p.ClipStart.Text, p.ClipEnd.Text, p.Advanced.Items[0].Open, p.Notice.Text)
	}
}

func TestStartQueuesSubmissionsThatReachTheService(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	p.Drop([]string{e.video(t, "Jump.mp4"), e.video(t, "Spin.mp4")})
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Outputs.None)
	test.Tap(p.Outputs.Checks["ALL_BVH"])
	e.q.until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
	if len(p.takes) != 0 {
		t.Error("the form kept the started takes")
	}
	e.q.until(t, "both saved", func() bool {
		done := 0
		for i := range m.Jobs.model.Len() {
			if m.Jobs.model.At(i).Phase == joblist.Downloaded {
				done++
			}
		}
		return done == 2
	})
	records, err := submit.OpenJournal(filepath.Join(e.dataDir, "submissions"))
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := records.Load()
	if len(recs) != 2 || recs[0].JobID == "" || recs[0].Request.Outputs[0] != "ALL_BVH" {
		t.Errorf("journal: %+v", recs)
	}
}
