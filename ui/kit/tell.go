package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's own dialogs (ShowInformation, NewCustom) give their Close button
// no focus and answer neither Return nor Escape: only a click or, after a
// Tab, Space closed them. Tell and Inform are those dialogs as on every
// desktop: the close button has the focus, Return, Enter, Space and Escape
// close.

// Tell shows content over win with a button named close, which has the
// focus; more buttons (a Copy, a Preview it) go before it, and Escape on
// any of them that is a Button closes the dialog too.
func Tell(win fyne.Window, title string, content fyne.CanvasObject, close string, more ...fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	hide := func() { d.Hide() }
	b := NewButton(close, nil, hide)
	b.OnEscape = hide
	for _, o := range more {
		if m, ok := o.(*Button); ok && m.OnEscape == nil {
			m.OnEscape = hide
		}
	}
	d.SetButtons(append(more, b))
	d.Show()
	win.Canvas().Focus(b)
	return d
}

// informWidth is how wide a message's text is laid out in Inform.
const informWidth = 400

// Inform shows a message over win with an OK button that has the focus.
func Inform(win fyne.Window, title, message string) *dialog.CustomDialog {
	return Tell(win, title, Wrapped(message, informWidth), "OK")
}

// Wrapped is message as a label wrapped at width: a wrapping label alone in
// a dialog would shrink to one word a line.
func Wrapped(message string, width float32) fyne.CanvasObject {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(width, 0))
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}
