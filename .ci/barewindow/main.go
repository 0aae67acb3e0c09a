// Command barewindow is the yardstick of .ci/idle-memory: a bare Fyne
// window with one label, built and run the way Singlecam is, so the app's
// idle memory is compared with what Fyne itself takes on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("app.singlecam.barewindow")
	w := a.NewWindow("Bare")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
