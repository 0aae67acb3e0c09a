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
	switch x := o.(type) {
	case *Button:
		if x.OnEscape == nil {
			x.OnEscape = close
		}
	case *Check:
		if x.OnEscape == nil {
			x.OnEscape = close
		}
	case *Entry:
		if x.OnEscape == nil {
			x.OnEscape = close
		}
	case *Radio:
		if x.OnEscape == nil {
			x.OnEscape = close
		}
	case *Select:
		if x.OnEscape == nil {
			x.OnEscape = close
		}
	case *Scroll:
		EscapeCloses(x.Content, close)
	case *container.Scroll:
		EscapeCloses(x.Content, close)
	case *fyne.Container:
		for _, c := range x.Objects {
			EscapeCloses(c, close)
		}
	}
}
