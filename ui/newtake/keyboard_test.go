package newtake

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Issue 23, item 4: Tab walks the whole form at 900×600 and every widget it
// reaches is scrolled into sight, down to the Advanced options at the
// bottom and back up to the first card; nothing is focused out of view.
func TestTabScrollsEachFocusedWidgetIntoSight(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(900, 600))
	p := e.panel(t)
	p.Drop([]string{e.video(t, "a.mp4"), e.video(t, "b.mp4")})
	e.q.Until(t, "the checks", func() bool { return !p.Start.Disabled() })
	p.Advanced.Open(0)
	e.q.Settle()
	c := e.win.Canvas()
	c.Focus(p.ChooseVideo)
	d := fyne.CurrentApp().Driver()
	deepest := float32(0)
	reachedBottom, backAtTop := false, false
	for i := 0; i < 80; i++ {
		test.FocusNext(c)
		f, ok := c.Focused().(fyne.CanvasObject)
		if !ok || f == fyne.CanvasObject(p.Start) {
			continue
		}
		top := d.AbsolutePositionForObject(f).Y - d.AbsolutePositionForObject(p.scroll).Y
		if top < 0 || top+f.Size().Height > p.scroll.Size().Height {
			t.Fatalf("stop %d (%T) is out of sight: %.0f..%.0f in a view of %.0f (offset %.0f)",
				i, f, top, top+f.Size().Height, p.scroll.Size().Height, p.scroll.Offset.Y)
		}
		deepest = max(deepest, p.scroll.Offset.Y)
		if f == fyne.CanvasObject(p.IgnoreLimits) {
			reachedBottom = true
		}
		if reachedBottom && f == fyne.CanvasObject(p.takes[0].Name) {
			backAtTop = true
			break
		}
	}
	if !reachedBottom || !backAtTop {
		t.Fatalf("Tab reached the bottom %v, came back to the first card %v", reachedBottom, backAtTop)
	}
	if deepest < 200 {
		t.Errorf("the form scrolled only %.0f px on its way down", deepest)
	}
	if p.scroll.Offset.Y > 200 {
		t.Errorf("back at the first card the form is still %.0f px down", p.scroll.Offset.Y)
	}
}
