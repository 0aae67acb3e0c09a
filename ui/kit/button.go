package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is Fyne's button that Return and Enter press too, as on every
// desktop (Fyne's own answers only Space): the main flow works from the
// keyboard. OnEscape, when set, runs on Escape while the button has the
// focus: a dialog's buttons close it so.
type Button struct {
	widget.Button
	OnEscape func()
}

// NewButton makes a Button; set its Icon and Importance as on Fyne's.
func NewButton(text string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Return and Enter, and runs OnEscape on
// Escape; other keys are Fyne's.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}
