package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
)

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
		about = "You are in demo mode: no key is used and nothing leaves this computer. The demo's jobs are kept between runs, in Singlecam's data folder."
		actions = append(actions, &widget.Button{Text: "Leave the demo and enter a key…", OnTapped: func() { d.Hide(); m.ui.showWelcome(nil) }})
		m.ResetDemo = &widget.Button{Text: "Reset the demo…", Icon: theme.ViewRefreshIcon(), OnTapped: func() {
			d.Hide()
			m.confirm("Reset the demo?", "The demo forgets its jobs and starts empty, as on the first run. Files it saved in the download folder stay.",
				"Reset the demo", m.ui.resetDemo)
		}}
		actions = append(actions, m.ResetDemo)
	case keyEnvironment:
		about = "The API key comes from the MOVE_API_KEY environment variable, which takes precedence over a saved key. Unset it to use a key saved in Singlecam."
	case keySessionOnly:
		about = "The API key is kept in memory for this session only: this computer has no keyring to save it in."
		actions = append(actions, replace)
	default:
		about = "The API key is saved in your system's keyring (service \"" + secrets.KeyringService + "\")."
		forget := &widget.Button{Text: "Forget the key…", OnTapped: func() {
			d.Hide()
			m.confirm("Forget the API key?", "Singlecam removes the key from your system's keyring and goes back to the first screen. Your jobs stay in your Move account; to use them again, paste the key (or a new one from your Move account).",
				"Forget the key", func() {
					go func() {
						err := m.ui.forgetKey()
						m.ui.onMain(func() {
							if err != nil {
								dialog.ShowInformation("Could not forget the key", engine.Explain(err), m.ui.win)
								return
							}
							m.ui.showWelcome(nil)
						})
					}()
				})
		}}
		m.ForgetKey = forget
		actions = append(actions, replace, forget)
	}
	text := widget.NewLabel(about)
	text.Wrapping = fyne.TextWrapWord
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	body := container.NewVBox(
		bold("API key"), text, container.NewHBox(actions...),
		widget.NewSeparator(),
		bold("Downloads"), m.downloadSettings(),
		widget.NewSeparator(),
		bold("Cost"), m.costSettings(),
		widget.NewSeparator(),
		bold("Advanced"), m.endpointSetting(),
		widget.NewSeparator(),
		bold("About"), widget.NewLabel(m.about()),
	)
	// As tall as the window allows (title and Close button take about 150
	// px): at 900×600 a fixed 520 px pushed Close over the About line.
	height := fyne.Min(520, fyne.Max(240, m.ui.win.Canvas().Size().Height-150))
	d = dialog.NewCustom("Settings", "Close", container.NewGridWrap(fyne.NewSize(560, height), container.NewVScroll(body)), m.ui.win)
	d.Show()
}

// downloadSettings: the folder (native picker), automatic downloads and
// notifications. Preferences hold these; never the key.
func (m *MainScreen) downloadSettings() fyne.CanvasObject {
	prefs := m.ui.app.Preferences()
	demo := m.ui.session != nil && m.ui.session.source == keyDemo
	folder := widget.NewLabel(downloadFolderText(downloadDir(m.ui.app), demo))
	folder.Wrapping = fyne.TextWrapBreak
	choose := &widget.Button{Text: "Choose folder…", OnTapped: func() {
		if m.ui.opts.Picker == nil {
			return
		}
		go func() {
			dir, err := m.ui.opts.Picker.Folder("Where should Singlecam save jobs?", downloadDir(m.ui.app))
			m.ui.onMain(func() {
				if err != nil {
					return
				}
				prefs.SetString(prefDownloadDir, dir)
				folder.SetText(downloadFolderText(dir, demo))
				m.say("New jobs are saved in " + dir + " from the next start.")
			})
		}()
	}}
	auto := widget.NewCheck("Download finished jobs automatically", func(on bool) {
		prefs.SetBool(prefAutoDownload, on)
		if s := m.ui.session; s != nil {
			s.eng.SetAutoDownload(on)
		}
	})
	auto.SetChecked(prefs.BoolWithFallback(prefAutoDownload, true))
	notes := widget.NewCheck("Notify me when a job is ready or fails", func(on bool) { prefs.SetBool(prefNotifications, on) })
	notes.SetChecked(prefs.BoolWithFallback(prefNotifications, true))
	return container.NewVBox(container.NewBorder(nil, nil, nil, choose, folder), auto, notes)
}

// endpointSetting lets a tester point the app at 'singlecam simulate'.
func (m *MainScreen) endpointSetting() fyne.CanvasObject {
	prefs := m.ui.app.Preferences()
	entry := widget.NewEntry()
	entry.SetPlaceHolder("Move's endpoint (leave empty)")
	entry.SetText(prefs.String(prefEndpoint))
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return ugc.CheckEndpoint(strings.TrimSpace(s))
	}
	entry.OnChanged = func(s string) {
		if entry.Validate() == nil {
			prefs.SetString(prefEndpoint, strings.TrimSpace(s))
		}
	}
	note := widget.NewLabel("For testing against 'singlecam simulate'. Used from the next start.")
	note.TextStyle.Italic = true
	return container.NewVBox(entry, note)
}

// confirm asks before an action that cannot be undone; the question is kept
// so tests can answer it.
func (m *MainScreen) confirm(title, message, yes string, onYes func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.ConfirmDialog
	answer := func(ok bool) {
		m.Asking = nil
		if ok {
			onYes()
		}
	}
	d = dialog.NewCustomConfirm(title, yes, "Cancel", container.NewGridWrap(fyne.NewSize(380, 110), text), answer, m.ui.win)
	m.Asking = &question{title: title, dialog: d, answer: func(ok bool) { d.Hide(); answer(ok) }}
	d.Show()
}

func (m *MainScreen) about() string {
	text := "Singlecam " + m.ui.opts.Version
	if m.account != "" {
		text += " · account: " + m.account
	}
	return text
}

// downloadFolderText is the download folder as Settings shows it: the path
// on a line of its own (the label breaks it anywhere, so a sentence after
// it would break mid-word), and in the demo where its jobs go.
func downloadFolderText(dir string, demo bool) string {
	if !demo {
		return dir
	}
	return dir + "\nThe demo's jobs go in its Demo folder."
}
