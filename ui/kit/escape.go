package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// EscapeCloses makes Escape run close on every widget of o that can take
// the focus and hears Escape (Button, Check, Entry, Radio, Select), unless one has
// its own Escape already. Fyne gives a key to the focused widget alone, and
// a dialog has no say in it: a dialog that closes on Escape whatever has
// the focus must tell each of its widgets. Widgets of other kinds inside o
// do not hear Escape; use the kit's.
func EscapeCloses(o fyne.CanvasObject, close func()) {
	var onEscape *func() // the widget's own OnEscape, for a kind that hears Escape
	switch x := o.(type) {
	case *Button:
		onEscape = &x.OnEscape
	case *Check:
		onEscape = &x.OnEscape
	case *Entry:
		onEscape = &x.OnEscape
	case *Radio:
		onEscape = &x.OnEscape
	case *Select:
		onEscape = &x.OnEscape
	case *Scroll:
		EscapeCloses(x.Content, close)
	case *container.Scroll:
		EscapeCloses(x.Content, close)
	case *fyne.Container:
		for _, c := range x.Objects {
			EscapeCloses(c, close)
		}
	}
	if onEscape != nil && *onEscape == nil {
		*onEscape = close
	}
}
