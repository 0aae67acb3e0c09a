package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"singlecam/ui/kit"
)

// CrashTitle opens the notice shown when the last run ended in a crash.
const CrashTitle = "Singlecam closed unexpectedly last time"

// crashNotice is the notice at start after a crash: where its report is,
// and a button that copies the report, so it can be pasted into a message
// to whoever helps.
type crashNotice struct {
	dialog *dialog.CustomDialog
	copy   *widget.Button
	copied *widget.Label
	path   *kit.PathLabel
}

// showCrashNotice tells the user the last run crashed, with the report's
// path and a Copy button. The report is read when Copy is pressed.
func (u *UI) showCrashNotice(report string) *crashNotice {
	n := &crashNotice{copied: widget.NewLabel(""), path: kit.NewPathLabel(report)}
	n.copy = &widget.Button{Text: "Copy the report", OnTapped: func() {
		data, err := os.ReadFile(report)
		if err != nil {
			n.copied.SetText("The report cannot be read: it may have been moved.")
			return
		}
		u.app.Clipboard().SetContent(string(data))
		n.copied.SetText("Copied: paste it into your message.")
	}}
	text := widget.NewLabel("What went wrong is written in this report. If it happens again, " +
		"send the report with what you were doing (the file you opened, the button you pressed).")
	text.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(text, n.path, container.NewHBox(n.copy, n.copied))
	n.dialog = kit.Tell(u.win, CrashTitle, content, "Close")
	n.dialog.Resize(fyne.NewSize(560, 220))
	return n
}
