package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
				err := m.ui.forgetKey()
				m.ui.onMain(func() {
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
	d = dialog.NewCustom("Settings", "Close", container.NewGridWrap(fyne.NewSize(560, 520), container.NewVScroll(body)), m.ui.win)
	d.Show()
}

// downloadSettings: the folder (native picker), automatic downloads and
// notifications. Preferences hold these; never the key.
func (m *MainScreen) downloadSettings() fyne.CanvasObject {
	prefs := m.ui.app.Preferences()
	folder := widget.NewLabel(downloadDir(m.ui.app))
	folder.Wrapping = fyne.TextWrapBreak
	if s := m.ui.session; s != nil && s.source == keyDemo {
		folder.SetText(downloadDir(m.ui.app) + " (the demo's jobs go in its Demo folder)")
	}
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
				folder.SetText(dir)
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

func (m *MainScreen) about() string {
	text := "Singlecam " + m.ui.opts.Version
	if m.account != "" {
		text += " · account: " + m.account
	}
	return text
}
