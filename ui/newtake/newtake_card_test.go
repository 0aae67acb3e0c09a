package newtake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/ugc"
)

func fixture(name string) string { return filepath.Join("..", "..", "core", "media", "testdata", name) }

// The first minute proposed for a long video is that video's alone: a
// short video beside it keeps its whole length and complains of nothing.
func TestEachVideoHasItsOwnClipWindow(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{fixture("long-70s.mp4"), e.video(t, "Jump.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	long, short := p.takes[0], p.takes[1]
	if long.ClipEnd.Text != "1:00" || short.ClipStart.Text != "" || short.ClipEnd.Text != "" || short.ClipNote.Visible() {
		t.Errorf("long %q–%q, short %q–%q (note %v)", long.ClipStart.Text, long.ClipEnd.Text, short.ClipStart.Text, short.ClipEnd.Text, short.ClipNote.Visible())
	}
	test.Type(short.ClipEnd, "3")
	test.Type(short.ClipStart, "1")
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	reqs, problems := p.requests()
	if len(problems) > 0 || *reqs[0].ClipWindow != (ugc.ClipWindow{Start: 0, End: 60}) || *reqs[1].ClipWindow != (ugc.ClipWindow{Start: 1, End: 3}) {
		t.Errorf("windows %+v, %+v; problems %q", reqs[0].ClipWindow, reqs[1].ClipWindow, problems)
	}
	// A bad window is told at its own fields, and only on its own card.
	short.ClipEnd.SetText("9")
	e.q.Until(t, "the short video's complaint", func() bool { return p.Start.Disabled() && len(short.clipLines.Objects) > 0 })
	if !strings.Contains(labelText(short.clipLines.Objects), "ends at 9 s") ||
		strings.Contains(labelText(long.clipLines.Objects), "9 s") || strings.Contains(labelText(short.videoLines.Objects), "clip") {
		t.Errorf("short card: clip %q, video %q; long card clip %q",
			labelText(short.clipLines.Objects), labelText(short.videoLines.Objects), labelText(long.clipLines.Objects))
	}
}

// The clip fields take times as the app writes them.
func TestClipFieldsTakeMinutesAndSeconds(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{fixture("long-70s.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := p.takes[0]
	for _, tc := range []struct {
		start, end string
		want       ugc.ClipWindow
	}{
		{"0:05", "1:05", ugc.ClipWindow{Start: 5, End: 65}},
		{"0:05.5", "1:05.5", ugc.ClipWindow{Start: 5.5, End: 65.5}},
		{"5", "65", ugc.ClipWindow{Start: 5, End: 65}},
	} {
		c.ClipStart.SetText(tc.start)
		c.ClipEnd.SetText(tc.end)
		e.q.Until(t, "ready with "+tc.start+"–"+tc.end, func() bool { return !p.Start.Disabled() })
		reqs, _ := p.requests()
		if reqs[0].ClipWindow == nil || *reqs[0].ClipWindow != tc.want || c.clipProblem != "" {
			t.Errorf("%s–%s read as %+v (%q)", tc.start, tc.end, reqs[0].ClipWindow, c.clipProblem)
		}
	}
}

// The wheel scrolls the form with the pointer over a text field.
func TestTheWheelScrollsTheFormOverATextField(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), e.video(t, "c.mp4")})
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	c := e.win.Canvas()
	field := p.takes[0].Name
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(field).Add(fyne.NewPos(10, 10))
	if p.scroll.Offset.Y != 0 {
		t.Fatalf("the form starts scrolled to %v", p.scroll.Offset.Y)
	}
	test.Scroll(c, pos, 0, -60)
	if p.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over a text field left the form at %v", p.scroll.Offset.Y)
	}
}

// A file that is not a readable video shows no made-up facts.
func TestAnUnreadableVideoSaysOnlyWhatIsKnown(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{fixture("audio-only.mp4"), fixture("notes.mp4")})
	e.q.Until(t, "the checks", func() bool { return p.takes[0].checked && p.takes[1].checked && p.Reason.Text != "Checking…" })
	for _, c := range p.takes {
		shown := ""
		if c.summaryLabel.Visible() {
			shown = c.summaryLabel.Text
		}
		if strings.Contains(shown, "0×0") || strings.Contains(shown, "0 fps") || strings.Contains(shown, "·  ·") {
			t.Errorf("%s: %q", filepath.Base(c.Video), shown)
		}
		if len(c.videoLines.Objects) == 0 {
			t.Errorf("%s: no line says what is wrong", filepath.Base(c.Video))
		}
	}
}

func labelText(objects []fyne.CanvasObject) string {
	var out []string
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// Ticking "Ignore limits" at the bottom of a long form leaves the view
// where it was.
func TestIgnoringLimitsKeepsTheViewStill(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4"), fixture("short-1s.mp4")})
	e.q.Until(t, "the checks", func() bool { return p.Reason.Text != "Checking…" && len(p.takes) == 3 && p.takes[2].checked })
	p.Advanced.Open(0)
	e.q.Settle()
	p.scroll.ScrollToBottom()
	before := p.scroll.Offset.Y
	footer := p.Reason.Size().Height
	test.Tap(p.IgnoreLimits)
	e.q.Until(t, "the checks", func() bool { return p.Reason.Text != "Checking…" })
	e.q.Settle()
	if p.scroll.Offset.Y != before || p.Reason.Size().Height != footer {
		t.Errorf("the view moved from %v to %v; the footer from %v to %v high", before, p.scroll.Offset.Y, footer, p.Reason.Size().Height)
	}
}

// A card shows each problem at the field it is about, by the problem's
// Field, never by its words: a file named after the clip window or the
// device label is still a video's problem, on the video's lines.
func TestProblemsGoToTheirFieldsWhateverTheirWords(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	notVideo := filepath.Join(t.TempDir(), "clip window and device label.mp4")
	os.WriteFile(notVideo, []byte("not a video"), 0o644)
	p.Drop([]string{notVideo})
	e.q.Until(t, "the check", func() bool { return p.takes[0].checked && p.Reason.Text != "Checking…" })
	c := p.takes[0]
	if !strings.Contains(labelText(c.videoLines.Objects), "not a video") || len(c.clipLines.Objects) > 0 || !c.blocked() {
		t.Errorf("video lines %q, clip lines %q, blocked %v", labelText(c.videoLines.Objects), labelText(c.clipLines.Objects), c.blocked())
	}
}

// Tester 4: with three videos Move cannot take beside a good one, the
// disabled Start read "Start 4 jobs" with no price, and each refused card
// had to be found and removed. Start counts (and prices) what can go, and
// one button removes the rest.
func TestVideosThatCannotGoAreNotCountedAndGoInOneClick(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	p := e.panel(t)
	p.Drop([]string{e.video(t, "good.mp4"), fixture("audio-only.mp4"), fixture("notes.mp4"), e.file(t, "empty.mp4", 0)})
	e.q.Until(t, "the checks", func() bool {
		return len(p.takes) == 4 && p.takes[3].checked && p.Reason.Text != "Checking…" && p.removeRow.Visible()
	})
	if !p.Start.Disabled() || !strings.HasPrefix(p.Start.Text, "Start 1 job · about $") {
		t.Errorf("Start with three refused videos: %q (disabled %v)", p.Start.Text, p.Start.Disabled())
	}
	if p.RemoveRefused.Text != "Remove the 3 Move can never take" {
		t.Errorf("the button says %q", p.RemoveRefused.Text)
	}
	test.Tap(p.RemoveRefused)
	e.q.Until(t, "the good one ready", func() bool { return !p.Start.Disabled() })
	if len(p.takes) != 1 || filepath.Base(p.takes[0].Video) != "good.mp4" || p.removeRow.Visible() {
		t.Errorf("after removing: %d takes, button shown %v", len(p.takes), p.removeRow.Visible())
	}
}
