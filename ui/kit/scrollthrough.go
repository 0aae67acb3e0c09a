package kit

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// A single-line Entry keeps its text in a scroller of its own, and Fyne
// gives a wheel event to the innermost scrollable object under the pointer:
// over a text field the wheel moved nothing, however long the form. Fyne
// picks the last scrollable object it meets, so a transparent layer laid
// over the field, scrollable and nothing else, takes the wheel and hands it
// to the form's scroller; taps, typing and the pointer's shape still go to
// the field, which this layer does not claim.

// wheelPass is the transparent layer that passes the wheel to the form.
type wheelPass struct {
	widget.BaseWidget
	form **Scroll // the form's scroller, which may be made after the field
}

// Scrolled moves the form instead of the field underneath.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.form != nil && *w.form != nil {
		(*w.form).Scrolled(ev)
	}
}

// CreateRenderer draws nothing.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MinSize is none: the field underneath sets the size.
func (w *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// ScrollsForm lays a wheelPass over field, so the wheel scrolls the form
// wherever the pointer is.
func ScrollsForm(field fyne.CanvasObject, form **Scroll) fyne.CanvasObject {
	pass := &wheelPass{form: form}
	pass.ExtendBaseWidget(pass)
	return container.NewStack(field, pass)
}

// Fyne moves a scroller 25 px a wheel notch on Linux and Windows, about a
// line and a half: a long form took 40 notches from top to bottom, where
// desktop apps move three lines (some 60 px). macOS sends fine-grained
// deltas (trackpads), already at the system's speed, so they are left as
// they are.
var wheelFactor = map[bool]float32{true: 1, false: 2.4}[runtime.GOOS == "darwin"]

// Scroll is a vertical scroller that the wheel moves three lines a notch.
type Scroll struct {
	container.Scroll
}

// NewVScroll makes a Scroll over content.
func NewVScroll(content fyne.CanvasObject) *Scroll {
	s := &Scroll{}
	s.Direction = container.ScrollVerticalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled moves the content by the wheel's delta, wheelFactor times.
func (s *Scroll) Scrolled(ev *fyne.ScrollEvent) {
	faster := *ev
	faster.Scrolled.DX *= wheelFactor
	faster.Scrolled.DY *= wheelFactor
	s.Scroll.Scrolled(&faster)
}
