package preview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
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

// Golden renders of the player, reviewed by eye (testdata/player_*.png): a
// demo job's wave on Move One's rig, as the simulator makes it, at its
// T-pose, mid-wave and its last frame; and two actors in their colours.
func TestPlayerRenders(t *testing.T) {
	test.NewTempApp(t)
	wave, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Wave, FPS: 30, Seconds: 3, Name: "Wave"})
	if err != nil {
		t.Fatal(err)
	}
	p := NewPlayer(wave)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(720, 480))
	for _, c := range []struct {
		frame int
		file  string
	}{{0, "player_tpose.png"}, {40, "player_wave.png"}, {90, "player_last.png"}} {
		p.Seek(c.frame)
		test.AssertImageMatches(t, c.file, w.Canvas().Capture())
	}

	two, w2, _ := newTestPlayer(t)
	two.Seek(45)
	test.AssertImageMatches(t, "player_two_actors.png", w2.Canvas().Capture())
}
