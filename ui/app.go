// Package ui is Singlecam's desktop front end: windows, panels and widgets.
// It is the only place that touches Fyne; everything it shows comes from
// the core packages, through their calls and events.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// AppID is Singlecam's reverse-DNS application ID. Fyne keys preferences and
// storage by it, so it must never change.
const AppID = "app.singlecam.desktop"

// Options are how the app was started.
type Options struct {
	Demo bool // run against the built-in simulator, without an API key
}

// MainWindow is the app's one window.
type MainWindow struct {
	Window fyne.Window
	Status *widget.Label
}

// NewMainWindow builds the main window. Until the submit and jobs screens
// land it shows what Singlecam is and how to try the simulator.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	title := "Singlecam"
	if opts.Demo {
		title += " — Demo"
	}
	w := a.NewWindow(title)
	heading := widget.NewLabelWithStyle("Singlecam", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	tagline := widget.NewLabelWithStyle("Motion capture from one camera, solved by Move AI.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	status := widget.NewLabelWithStyle(
		"The screens for new takes and for your jobs are on their way.\n"+
			"Meanwhile, 'singlecam simulate' runs the Move API simulator in a terminal.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	status.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(container.NewVBox(
		layout.NewSpacer(), heading, tagline, widget.NewSeparator(), status, layout.NewSpacer(),
	)))
	w.Resize(fyne.NewSize(720, 480))
	return &MainWindow{Window: w, Status: status}
}
