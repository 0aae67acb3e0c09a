package preview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion"
	"singlecam/core/motion/load"
	"singlecam/ui/kit"
)

// find is the first object in o (widgets' insides too) that match holds for.
func find(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if match(o) {
		return o
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

// press types key where the window sends it: the focused widget, else
// the window (which gives it to the player).
func press(c fyne.Canvas, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.(test.WindowlessCanvas).OnTypedKey()(ev)
}

// Tester 3: after a click on a Clean up control, Space no longer played
// or paused. A click on the player's and the section's controls now leaves
// the focus where it was, so Space plays on; Tab still reaches them, and
// their keys work then.
func TestSpacePlaysAfterAClickOnAControl(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewWindow(a, &load.Motion{Clip: motion.DemoClip(1, 60), Chosen: -1}, "walk.bvh", nil)
	defer w.Close()
	// A clean-up a click starts ends on the test's goroutine, not Fyne's.
	done := make(chan func(), 8)
	w.Do = func(f func()) { done <- f }
	finish := func(before int) {
		if w.cleaning > before {
			(<-done)()
		}
	}
	w.Resize(fyne.NewSize(960, 720))
	w.Show()
	c := w.Canvas()
	slider := find(w.Content(), func(o fyne.CanvasObject) bool { s, ok := o.(*kit.Slider); return ok && &s.Slider == w.CleanUp.Smooth }).(*kit.Slider)
	feet := find(w.Content(), func(o fyne.CanvasObject) bool { s, ok := o.(*kit.Select); return ok && &s.Select == w.CleanUp.Feet }).(*kit.Select)
	loop := find(w.Content(), func(o fyne.CanvasObject) bool { k, ok := o.(*kit.Check); return ok && &k.Check == w.Player.Loop }).(*kit.Check)
	scrub := find(w.Content(), func(o fyne.CanvasObject) bool { s, ok := o.(*kit.Slider); return ok && &s.Slider == w.Player.Scrub }).(*kit.Slider)
	for _, click := range []struct {
		name string
		tap  func()
	}{
		{"the smoothing", func() { test.TapAt(slider, fyne.NewPos(slider.Size().Width/3, slider.Size().Height/2)) }},
		{"the feet's choice", func() {
			test.Tap(feet)
			if top := c.Overlays().Top(); top != nil { // the list opened: choose in it
				test.Tap(find(top, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.PopUpMenu); return ok }).(*widget.PopUpMenu).Items[1].(fyne.Tappable).(fyne.CanvasObject).(fyne.Tappable))
			}
		}},
		{"Loop", func() { test.TapAt(loop, fyne.NewPos(10, loop.Size().Height/2)) }},
		{"After", func() { test.Tap(w.CleanUp.Show.Buttons[1]) }},
		{"the timeline", func() { test.TapAt(scrub, fyne.NewPos(scrub.Size().Width/2, scrub.Size().Height/2)) }},
	} {
		w.Player.Pause()
		before := w.cleaning
		click.tap()
		finish(before)
		if f := c.Focused(); f != nil {
			t.Errorf("a click on %s left the focus on %T", click.name, f)
		}
		press(c, fyne.KeySpace)
		if !w.Player.Playing() {
			t.Errorf("Space after a click on %s did not play", click.name)
		}
	}
	// From the keyboard the controls keep the focus and take their keys.
	c.Focus(slider)
	before := slider.Value
	press(c, fyne.KeyRight)
	press(c, fyne.KeyRight)
	if c.Focused() != slider || slider.Value != before+2*slider.Step {
		t.Errorf("the arrows on the focused smoothing: %v → %v, focus on %T", before, slider.Value, c.Focused())
	}
	if fmt.Sprint(w.CleanUp.Feet.Selected) == "" {
		t.Error("no feet choice")
	}
}
