package preview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
)

// newTestPlayer shows a player of the demo walk (two actors, 3 s at 30 fps)
// in a test window, with a clock the test moves by hand.
func newTestPlayer(t *testing.T) (*Player, fyne.Window, *time.Time) {
	t.Helper()
	test.NewTempApp(t)
	p := NewPlayer(motion.DemoClip(2, 90))
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return now }
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(720, 480))
	return p, w, &now
}

// Golden renders of the player at the start, the middle and the end of the
// demo walk, reviewed by eye: testdata/player_*.png.
func TestPlayerRenders(t *testing.T) {
	p, w, _ := newTestPlayer(t)
	for _, c := range []struct {
		frame int
		file  string
	}{{0, "player_first.png"}, {45, "player_middle.png"}, {89, "player_last.png"}} {
		p.Seek(c.frame)
		test.AssertImageMatches(t, c.file, w.Canvas().Capture())
	}
}
