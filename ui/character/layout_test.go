package character

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"singlecam/ui/kit"
)

// scrollAround is the innermost scroll in o that holds target, or nil.
func scrollAround(o, target fyne.CanvasObject) *container.Scroll {
	var found *container.Scroll
	var walk func(o fyne.CanvasObject, in *container.Scroll) bool
	walk = func(o fyne.CanvasObject, in *container.Scroll) bool {
		if o == target {
			found = in
			return true
		}
		switch x := o.(type) {
		case *container.Scroll:
			return walk(x.Content, x)
		case *container.Split:
			return walk(x.Leading, in) || walk(x.Trailing, in)
		case *fyne.Container:
			for _, c := range x.Objects {
				if walk(c, in) {
					return true
				}
			}
		}
		return false
	}
	walk(o, nil)
	return found
}

// visibleRows is how many of the bone list's rows show without scrolling
// or dragging anything: the part of the list inside its panel's view.
func visibleRows(t *testing.T, w *Window) float32 {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	list := w.Pairs
	top, bottom := d.AbsolutePositionForObject(list).Y, d.AbsolutePositionForObject(list).Y+list.Size().Height
	if s := scrollAround(w.Content(), list); s != nil {
		y := d.AbsolutePositionForObject(s).Y
		top, bottom = max(top, y), min(bottom, y+s.Size().Height)
	}
	row := w.newPairRow().MinSize().Height
	return (bottom - top) / row
}

// Tester 3: at 900×600 the stacked window showed the bone list's heading
// and no row. Now a window too short to stack shows the bones and the
// player in turns, each with the whole room; a tall or wide one shows both.
func TestTheBoneListShowsSeveralRowsAtEverySize(t *testing.T) {
	a := test.NewTempApp(t)
	_, walk, mixamo, _ := files(t)
	w := NewWindow(a, walk, "Walk 1", Options{
		Pick:      func(string) (string, error) { return mixamo, nil },
		Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now,
	})
	defer w.Close()
	for _, c := range []struct {
		size  fyne.Size
		rows  float32
		turns bool
	}{
		{fyne.NewSize(900, 600), 5, true},
		{fyne.NewSize(900, 1100), 5, false}, // tall enough to stack
		{fyne.NewSize(1280, 800), 10, false},
	} {
		w.Resize(c.size)
		w.panels.turn(false)
		if got := visibleRows(t, w); got < c.rows {
			t.Errorf("%v: %.1f rows of the bone list show, want %.0f or more", c.size, got, c.rows)
		}
		if turns := w.panels.Box.Objects[0].Visible(); turns != c.turns {
			t.Errorf("%v: the panels take turns: %v, want %v", c.size, turns, c.turns)
		}
		if seen := w.Player.Visible(); seen == c.turns {
			t.Errorf("%v: the player is seen (%v) beside the bones' page", c.size, seen)
		}
		if !c.turns {
			continue
		}
		test.Tap(w.panels.Player)
		if !w.Player.Visible() || w.panels.Box.Objects[1].Visible() {
			t.Errorf("%v: the player's page shows the player (%v) and not the bones (%v)", c.size, w.Player.Visible(), w.panels.Box.Objects[1].Visible())
		}
		if h := w.Player.Size().Height; h < 250 {
			t.Errorf("%v: the player's page gives it %.0f px", c.size, h)
		}
		// The clean-up's smoothing shows whole under it (tester 4: cut).
		var smooth fyne.CanvasObject
		var find func(o fyne.CanvasObject)
		find = func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *kit.Slider:
				if &x.Slider == w.CleanUp.Smooth {
					smooth = x
				}
			case *container.Scroll:
				find(x.Content)
			case *container.Split:
				find(x.Leading)
				find(x.Trailing)
			case *fyne.Container:
				for _, k := range x.Objects {
					find(k)
				}
			}
		}
		find(w.Content())
		if smooth == nil {
			t.Fatal("no smoothing slider")
		}
		d := fyne.CurrentApp().Driver()
		view := scrollAround(w.Content(), smooth)
		if bottom, end := d.AbsolutePositionForObject(smooth).Y+smooth.Size().Height, d.AbsolutePositionForObject(view).Y+view.Size().Height; bottom > end {
			t.Errorf("%v: the smoothing ends at %.0f, its view at %.0f: cut", c.size, bottom, end)
		}
		test.Tap(w.panels.Bones)
	}
}
