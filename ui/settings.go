package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/secrets"
)

// forgetKey is a variable so tests can use a mocked keyring.
var forgetKey = secrets.Forget

// onSettings shows where the key comes from and lets the user replace or
// forget it (or leave the demo).
func (m *MainScreen) onSettings() {
	s := m.ui.session
	if s == nil {
		return
	}
	var about string
	var actions []fyne.CanvasObject
	var d dialog.Dialog
	replace := &widget.Button{Text: "Use another key…", OnTapped: func() { d.Hide(); m.ui.showWelcome(nil) }}
	switch s.source {
	case keyDemo:
		about = "You are in demo mode: no key is used and nothing leaves this computer."
		actions = append(actions, &widget.Button{Text: "Leave the demo and enter a key…", OnTapped: func() { d.Hide(); m.ui.showWelcome(nil) }})
	case keyEnvironment:
		about = "The API key comes from the MOVE_API_KEY environment variable, which takes precedence over a saved key. Unset it to use a key saved in Singlecam."
	case keySessionOnly:
		about = "The API key is kept in memory for this session only: this computer has no keyring to save it in."
		actions = append(actions, replace)
	default:
		about = "The API key is saved in your system's keyring (service \"" + secrets.KeyringService + "\")."
		forget := &widget.Button{Text: "Forget the key", OnTapped: func() {
			d.Hide()
			go func() {
				err := forgetKey()
				onMain(func() {
					if err != nil {
						dialog.ShowInformation("Could not forget the key", engine.Explain(err), m.ui.win)
						return
					}
					m.ui.showWelcome(nil)
				})
			}()
		}}
		m.ForgetKey = forget
		actions = append(actions, replace, forget)
	}
	text := widget.NewLabel(about)
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(widget.NewLabelWithStyle("API key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), text, container.NewHBox(actions...))
	d = dialog.NewCustom("Settings", "Close", container.NewGridWrap(fyne.NewSize(460, 160), body), m.ui.win)
	d.Show()
}
