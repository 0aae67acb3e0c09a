// Package kit is what every screen of Singlecam's window uses: the theme,
// the preferences' names, a path that shortens itself, a form that scrolls
// under the wheel, small labels, confirmations, and the file dialogs' port.
// The screens themselves live in rooms of their own (ui/newtake, ui/jobs,
// ui/settings, ui/welcome, ui/preview, ui/character); ui puts them in one
// window.
package kit

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FilePicker opens the OS's file dialogs. It blocks until the user chooses,
// so call it off the UI goroutine.
type FilePicker interface {
	// Open asks for one file of the given kind ("Videos", with extensions
	// like "mp4"), starting in dir; it returns ErrCancelled if none is chosen.
	Open(title, kind string, extensions []string, dir string) (string, error)
	// Folder asks for a folder.
	Folder(title, dir string) (string, error)
}

// ErrCancelled: the user closed a dialog without choosing.
var ErrCancelled = errors.New("cancelled")

// Caption is a small explanation under a field, wrapped to the panel's
// width (a form item's own hint is one line, which widens the panel, and
// pale).
func Caption(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
}

// Small is a wrapped line of the given importance (a warning, an error).
func Small(text string, importance widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	return l
}

// Quote names a job in a sentence: “Backflip”, or "this job" when it has
// no name.
func Quote(name string) string {
	if strings.TrimSpace(name) == "" {
		return "this job"
	}
	return "“" + name + "”"
}

// Question is a confirmation on screen, kept so tests can answer it.
type Question struct {
	Title  string
	Dialog dialog.Dialog
	// Answer closes the dialog as the user's yes (true) or no would.
	Answer func(ok bool)
}

// Ask shows a confirmation of height px over win. Answered either way, it
// runs answered first (where the caller forgets the question), then, on
// yes, onYes.
func Ask(win fyne.Window, title, message, yes, no string, height float32, answered, onYes func()) *Question {
	return AskEither(win, title, message, yes, no, height, func(ok bool) {
		answered()
		if ok {
			onYes()
		}
	})
}

// AskEither shows a confirmation of height px over win and tells answer
// the user's choice, whichever it is. The yes button has the focus, so
// Return confirms; Escape says no, as does closing.
func AskEither(win fyne.Window, title, message, yes, no string, height float32, answer func(ok bool)) *Question {
	return ask(win, title, message, yes, no, height, false, answer)
}

// AskToPay is AskEither for a question whose yes costs money: the no
// button (keep what there is, cancel) is the blue default with the focus,
// so a Return pressed out of habit pays for nothing; Escape says no too.
func AskToPay(win fyne.Window, title, message, pay, keep string, height float32, answer func(ok bool)) *Question {
	return ask(win, title, message, pay, keep, height, true, answer)
}

func ask(win fyne.Window, title, message, yes, no string, height float32, safeDefault bool, answer func(ok bool)) *Question {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	done := false // the user's answer is given once
	var d *dialog.CustomDialog
	reply := func(ok bool) {
		if done {
			return
		}
		done = true
		d.Hide()
		answer(ok)
	}
	yesButton, noButton := NewButton(yes, nil, func() { reply(true) }), NewButton(no, nil, func() { reply(false) })
	yesButton.OnEscape, noButton.OnEscape = func() { reply(false) }, func() { reply(false) }
	first := yesButton
	if safeDefault {
		first = noButton
	}
	first.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(380, height), text), win)
	d.SetButtons([]fyne.CanvasObject{noButton, yesButton})
	d.SetOnClosed(func() { reply(false) })
	d.Show()
	win.Canvas().Focus(first)
	return &Question{Title: title, Dialog: d, Answer: reply}
}
