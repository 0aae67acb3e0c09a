package newtake

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestDroppingAVideoAndItsMoveMakesOneTake(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "Backflip.mp4"), e.file(t, "Backflip.move", 4096)})
	e.q.Until(t, "the check", func() bool { return p.Start.Disabled() == false })
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
	p := e.panel(t)
	p.Drop([]string{e.file(t, "shot list.pdf", 100)})
	e.q.Settle()
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
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), e.video(t, "c.mov")})
	e.q.Until(t, "the checks", func() bool { return !p.Start.Disabled() })
	if len(p.takes) != 3 || !strings.Contains(p.Reason.Text, "3 videos, one job each") {
		t.Errorf("%d takes, reason %q", len(p.takes), p.Reason.Text)
	}
	// Each video names its own job.
	test.Type(p.takes[1].Name, "Second")
	reqs, _ := p.requests()
	if reqs[0].Name != "" || reqs[1].Name != "Second" || p.takes[1].Name.Disabled() {
		t.Errorf("names %q, %q", reqs[0].Name, reqs[1].Name)
	}
}

func TestBadSettingsBlockStartWithTheReason(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := p.takes[0]
	for _, tc := range []struct {
		change func()
		says   string
		undo   func()
	}{
		{func() { p.Label.SetText("My Phone") }, "lowercase letters, digits and single hyphens", func() { p.Label.SetText("iphone") }},
		{func() { c.ClipStart.SetText("1"); c.ClipEnd.SetText("") }, "an end too", func() { c.ClipStart.SetText("") }},
		{func() { c.ClipStart.SetText("1.5:00"); c.ClipEnd.SetText("2") }, "“1.5:00” is not a time", func() { c.ClipStart.SetText(""); c.ClipEnd.SetText("") }},
		{func() { c.ClipStart.SetText("0"); c.ClipEnd.SetText("9") }, "ends at 9 s", func() { c.ClipStart.SetText(""); c.ClipEnd.SetText("") }},
		{func() { test.Tap(p.Outputs.None) }, "Tick at least one output", func() { test.Tap(p.Outputs.Defaults) }},
	} {
		tc.change()
		e.q.Until(t, tc.says, func() bool {
			shown := p.Reason.Text + strings.Join(findingsOf(p), "")
			if p.LabelProblem.Visible() {
				shown += p.LabelProblem.Text
			}
			return p.Start.Disabled() && p.Reason.Text != "Checking…" && strings.Contains(shown, tc.says)
		})
		if cards := labelText(c.videoLines.Objects) + labelText(c.clipLines.Objects); strings.Contains(cards, "device label") {
			t.Errorf("the device label's problem is on the card too: %q", cards)
		}
		tc.undo()
		e.q.Until(t, "ready again", func() bool { return !p.Start.Disabled() })
	}
}

func findingsOf(p *Panel) []string {
	var out []string
	for _, t := range p.takes {
		for _, f := range t.findings {
			out = append(out, f.Message)
		}
		out = append(out, t.clipProblem)
	}
	return out
}

func TestALongVideoGetsAClipWindowProposed(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{filepath.Join("..", "..", "core", "media", "testdata", "long-70s.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := p.takes[0]
	if c.ClipStart.Text != "0:00" || c.ClipEnd.Text != "1:00" || !c.ClipNote.Visible() || !strings.Contains(c.ClipNote.Text, "first 60 s") {
		t.Errorf("window %q–%q, note shown %v: %q", c.ClipStart.Text, c.ClipEnd.Text, c.ClipNote.Visible(), c.ClipNote.Text)
	}
	// The note is the app's: it goes when the user makes the window theirs.
	test.Type(c.ClipEnd, "5")
	if c.ClipNote.Visible() {
		t.Error("the note stayed after the user edited the window")
	}
}

// The footer beside Start is about 260 px wide in a 900×600 window, and its
// one line is cut short with an ellipsis: why Start is off must fit whole.
func TestWhyStartIsOffFitsTheFooter(t *testing.T) {
	test.NewTempApp(t)
	const footer = 250
	for _, tc := range []struct{ blocked, unfixable, total int }{{1, 0, 1}, {1, 0, 2}, {2, 0, 2}, {12, 0, 20},
		{1, 1, 1}, {1, 1, 2}, {2, 2, 3}, {12, 12, 20}, {2, 1, 2}} {
		s := blockedReason(tc.blocked, tc.unfixable, tc.total)
		if w := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width; w > footer {
			t.Errorf("%d of %d blocked: %q is %.0f px wide, more than the footer's %d", tc.blocked, tc.total, s, w, footer)
		}
	}
}

// Tester finding 15: a video too short for Move has no field to fix, so the
// footer points at its card (which says what to do), not at red lines.
func TestAVideoMoveCannotTakeIsToBeRemovedNotFixed(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{filepath.Join("..", "..", "core", "media", "testdata", "short-1s.mp4")})
	e.q.Until(t, "the check", func() bool { return len(p.takes) == 1 && p.takes[0].checked })
	if !p.Start.Disabled() || p.Reason.Text != "Move cannot take it: see the card." {
		t.Errorf("Start off %v, reason %q", p.Start.Disabled(), p.Reason.Text)
	}
}
