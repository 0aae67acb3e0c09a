package kit

import (
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
	form **container.Scroll // the form's scroller, which may be made after the field
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
func ScrollsForm(field fyne.CanvasObject, form **container.Scroll) fyne.CanvasObject {
	pass := &wheelPass{form: form}
	pass.ExtendBaseWidget(pass)
	return container.NewStack(field, pass)
}
