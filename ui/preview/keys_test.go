package preview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"singlecam/core/motion/load"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// Tester 2: Ctrl+W (Cmd+W on a Mac) closes the player, as a document
// window closes on every desktop.
func TestControlWClosesThePlayer(t *testing.T) {
	a := test.NewTempApp(t)
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 1, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	w := NewWindow(a, &load.Motion{Clip: c, Chosen: -1}, "walk.glb", nil)
	w.Show()
	closed := false
	w.SetOnClosed(func() { closed = true; w.Player.Stop() })
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault})
	if !closed {
		t.Error("Ctrl+W left the player open")
	}
}
