package kit

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Issue 23, item 8: a wheel notch (25 px from Fyne's driver on Linux and
// Windows) moves a form some three lines, 60 px, not 25.
func TestAWheelNotchMovesThreeLines(t *testing.T) {
	test.NewTempApp(t)
	tall := canvas.NewRectangle(nil)
	tall.SetMinSize(fyne.NewSize(100, 2000))
	s := NewVScroll(tall)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(200, 300))
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	want := float32(60)
	if runtime.GOOS == "darwin" {
		want = 25
	}
	if d := s.Offset.Y - want; d < -0.5 || d > 0.5 {
		t.Errorf("a notch moved %.0f px, want %.0f", s.Offset.Y, want)
	}
}
