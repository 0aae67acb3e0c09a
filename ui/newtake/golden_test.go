package newtake

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/submit"
)

// Golden renders of the new-take panel, reviewed by eye when they change:
// ui/newtake/testdata/*.png. A failing run writes what it saw to
// ui/newtake/testdata/failed.
// Golden tests do not run in parallel: every test app resets Fyne's shared
// font and theme caches, which a render in progress reads.
func TestNewTakePanelRenders(t *testing.T) {
	e := newTestEnv(t)
	p := New(nil, e.app.Preferences(), e.win, func([]submit.Request) {}, e.q.Post)
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(620, 900))
	e.q.Settle()
	test.AssertImageMatches(t, "newtake_empty.png", w.Canvas().Capture())

	p.Drop([]string{filepath.Join("..", "..", "core", "media", "testdata", "rotated.mov")})
	e.q.Until(t, "the check", func() bool { return !p.Start.Disabled() })
	test.AssertImageMatches(t, "newtake_video.png", w.Canvas().Capture())

	p.Advanced.Open(0)
	w.Resize(fyne.NewSize(620, 1200)) // room for all of it, without scrolling
	e.q.Settle()
	test.AssertImageMatches(t, "newtake_advanced.png", w.Canvas().Capture())

	// Two videos, each with its own clip window: the long one's proposed
	// first minute with its note, the short one's typed as the app writes
	// times.
	p.Advanced.Close(0)
	p.Drop([]string{filepath.Join("..", "..", "core", "media", "testdata", "long-70s.mp4")})
	e.q.Until(t, "the long video's window", func() bool { return len(p.takes) == 2 && p.takes[1].ClipEnd.Text == "1:00" && !p.Start.Disabled() })
	p.takes[0].ClipStart.SetText("0:00.5")
	p.takes[0].ClipEnd.SetText("0:02.5")
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	w.Resize(fyne.NewSize(620, 1250))
	e.q.Settle()
	test.AssertImageMatches(t, "newtake_two_windows.png", w.Canvas().Capture())
}
