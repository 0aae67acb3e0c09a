package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne moves the focus on Tab without scrolling anything, and tells no one
// but the widget that gains it: in a long form Tab walked through
// checkboxes out of sight. The form's own widgets below (and Button) run
// OnFocus when they gain the focus, and the form passes Reveal there.
// Check and Select also draw Button's focus ring: Fyne's focus tint (a
// 16% blue) reads at barely 1.2:1.

// Check is Fyne's checkbox with a focus ring and an OnFocus hook.
// OnEscape, when set, runs on Escape: a dialog closes so. With
// NoClickFocus, a click ticks it and leaves the focus where it was (a
// player's Loop: Space plays on).
type Check struct {
	widget.Check
	OnFocus      func()
	OnEscape     func()
	NoClickFocus bool
	focused      bool
}

// TypedKey runs OnEscape on Escape; other keys are Fyne's.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && c.OnEscape != nil {
		c.OnEscape()
		return
	}
	c.Check.TypedKey(ev)
}

// Tapped ticks or unticks the box, keeping the focus as it was with
// NoClickFocus.
func (c *Check) Tapped(e *fyne.PointEvent) {
	if !c.NoClickFocus {
		c.Check.Tapped(e)
		return
	}
	restore := keepFocus(c)
	c.Check.Tapped(e)
	restore()
}

// NewCheck makes a Check, as widget.NewCheck does.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained draws the ring and runs OnFocus.
func (c *Check) FocusGained() {
	c.focused = true
	c.Check.FocusGained()
	if c.OnFocus != nil {
		c.OnFocus()
	}
}

// FocusLost takes the ring away.
func (c *Check) FocusLost() {
	c.focused = false
	c.Check.FocusLost()
}

// CreateRenderer is Fyne's checkbox with the focus ring.
func (c *Check) CreateRenderer() fyne.WidgetRenderer {
	r := &ringRenderer{WidgetRenderer: c.Check.CreateRenderer(), ring: newRing(), focused: func() bool { return c.focused }, widget: c}
	r.Refresh()
	return r
}

// Select is Fyne's drop-down with a focus ring and an OnFocus hook. With
// NoClickFocus, a click opens its list without giving it the focus (a
// player's choice: Space plays on once a choice is made). OnEscape, when
// set, runs on Escape while it has the focus: a dialog closes so.
type Select struct {
	widget.Select
	OnFocus      func()
	OnEscape     func()
	NoClickFocus bool
	focused      bool
}

// TypedKey runs OnEscape on Escape; other keys are Fyne's.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && s.OnEscape != nil {
		s.OnEscape()
		return
	}
	s.Select.TypedKey(ev)
}

// Tapped opens the list, without taking the focus with NoClickFocus.
func (s *Select) Tapped(e *fyne.PointEvent) {
	if !s.NoClickFocus || s.Disabled() {
		s.Select.Tapped(e)
		return
	}
	s.Select.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // what opens the list without focusing
}

// NewSelect makes a Select, as widget.NewSelect does.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "(Choose one)"
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained draws the ring and runs OnFocus.
func (s *Select) FocusGained() {
	s.focused = true
	s.Select.FocusGained()
	if s.OnFocus != nil {
		s.OnFocus()
	}
}

// FocusLost takes the ring away.
func (s *Select) FocusLost() {
	s.focused = false
	s.Select.FocusLost()
}

// CreateRenderer is Fyne's drop-down with the focus ring.
func (s *Select) CreateRenderer() fyne.WidgetRenderer {
	r := &ringRenderer{WidgetRenderer: s.Select.CreateRenderer(), ring: newRing(), focused: func() bool { return s.focused }, widget: s}
	r.Refresh()
	return r
}

// Entry is Fyne's text field with an OnFocus hook; Fyne's own focus mark
// (a border in the primary colour) already reads at 5:1. OnEscape, when
// set, runs on Escape: a dialog's field cancels it so.
type Entry struct {
	widget.Entry
	OnFocus  func()
	OnEscape func()
}

// TypedKey runs OnEscape on Escape; other keys are Fyne's.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// NewEntry makes a one-line Entry, as widget.NewEntry does.
func NewEntry() *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained runs OnFocus.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocus != nil {
		e.OnFocus()
	}
}

// revealRoom is how much of what comes before and after a focused widget
// stays in sight, about two rows: the next stop of Tab is seen before it is
// reached, the header of an accordion (which has no hook) included.
const revealRoom = 96

// Reveal scrolls s, if obj lies inside it out of sight, just far enough to
// show obj with revealRoom above or below it.
func Reveal(s *Scroll, obj fyne.CanvasObject) {
	if s == nil || obj == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s).Y // in the view
	bottom := top + obj.Size().Height
	view := s.Size().Height
	off := s.Offset
	switch {
	case top < 0:
		off.Y += top - revealRoom
	case bottom > view:
		off.Y += min(bottom-view+revealRoom, top) // never past its top
	default:
		return
	}
	most := max(s.Content.Size().Height-view, 0)
	off.Y = max(0, min(off.Y, most))
	s.ScrollToOffset(off)
}
