package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives the keyboard focus to a slider, checkbox or drop-down that is
// clicked, and leaves it there. In a player that is wrong: after a click on
// the smoothing or on Loop, Space went to that control (a slider ignores
// it, a checkbox toggles, a drop-down opens) instead of playing or pausing,
// as it does in every media player. A player's controls are made so that a
// click uses them and leaves the focus where it was; Tab still reaches
// them, and the keyboard works on them then.

// Slider is Fyne's slider that a click does not take the focus to.
type Slider struct {
	widget.Slider
}

// NewSlider makes a horizontal Slider from min to max, as widget.NewSlider.
func NewSlider(min, max float64) *Slider {
	s := &Slider{}
	s.Min, s.Max, s.Step, s.Orientation = min, max, 1, widget.Horizontal
	s.ExtendBaseWidget(s)
	return s
}

// Tapped moves the slider where it was clicked, leaving the focus as it was.
func (s *Slider) Tapped(e *fyne.PointEvent) {
	restore := keepFocus(s)
	s.Slider.Tapped(e)
	restore()
}

// keepFocus notes what has the focus in o's window, for the returned func
// to give it back (nothing, when nothing had it).
func keepFocus(o fyne.CanvasObject) func() {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return func() {}
	}
	before := c.Focused()
	return func() {
		if c.Focused() == before {
			return
		}
		if before == nil {
			c.Unfocus()
		} else {
			c.Focus(before)
		}
	}
}
