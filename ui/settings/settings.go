// Package settings is the Settings dialog: where the key comes from (and
// replacing or forgetting it, or leaving the demo), downloads and
// notifications, the confirmation before costly jobs, the endpoint for
// testing, and About.
package settings

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
	"singlecam/ui/kit"
)

// Dialog is Settings. Its controls are fields while it is open, so tests
// can use them.
type Dialog struct {
	// ForgetKey is the Forget button, while it is open.
	ForgetKey *kit.Button
	// ResetDemo is the Reset the demo button (demo only).
	ResetDemo *kit.Button
	// ConfirmCost and ConfirmAbove are the confirmation before costly jobs.
	ConfirmCost  *kit.Check
	ConfirmAbove *kit.Entry
	// Asking is the confirmation on screen (Forget, Reset), if any.
	Asking *kit.Question
	// Look chooses light, dark or the system's look.
	Look *kit.Radio

	host   Host
	escape func() // closes Settings while it is open
}

// Host is what Settings needs of the window around it. Its fields are
// functions, so the window can change what they reach (a new session) and
// tests can stand in for them.
type Host struct {
	App     fyne.App
	Win     fyne.Window
	OnMain  func(func()) // runs f on Fyne's goroutine
	Say     func(msg string)
	Picker  kit.FilePicker // nil in tests that do not pick
	Version string
	// Session is the running session's engine and where its key came
	// from; eng is nil between sessions.
	Session     func() (eng *engine.Engine, source kit.KeySource)
	Account     func() string // the key's owner, "" until known
	ShowWelcome func()        // back to the first screen, for another key
	ResetDemo   func()
	ForgetKey   func() error
}

// New makes Settings; Show opens it.
func New(host Host) *Dialog { return &Dialog{host: host} }

// Show opens Settings over the window: where the key comes from, with
// replacing or forgetting it (or leaving the demo), and the preferences.
func (m *Dialog) Show() {
	eng, source := m.host.Session()
	if eng == nil {
		return
	}
	var about string
	var actions []fyne.CanvasObject
	var d dialog.Dialog
	// Escape in a field closes Settings, as it does on Close (each change is
	// kept as it is typed).
	m.escape = func() {
		if d != nil {
			d.Hide()
		}
	}
	replace := kit.NewButton("Use another key…", nil, func() { d.Hide(); m.host.ShowWelcome() })
	switch source {
	case kit.KeyDemo:
		about = "You are in demo mode: no key is used and nothing leaves this computer. The demo's jobs are kept between runs, in Singlecam's data folder."
		actions = append(actions, kit.NewButton("Leave the demo and enter a key…", nil, func() { d.Hide(); m.host.ShowWelcome() }))
		m.ResetDemo = kit.NewButton("Reset the demo…", theme.ViewRefreshIcon(), func() {
			d.Hide()
			m.confirm("Reset the demo?", "The demo forgets its jobs and starts empty, as on the first run. Files it saved in the download folder stay.",
				"Reset the demo", m.host.ResetDemo)
		})
		actions = append(actions, m.ResetDemo)
	case kit.KeyEnvironment:
		about = "The API key comes from the MOVE_API_KEY environment variable, which takes precedence over a saved key. Unset it to use a key saved in Singlecam."
	case kit.KeySessionOnly:
		about = "The API key is kept in memory for this session only: this computer has no keyring to save it in."
		actions = append(actions, replace)
	default:
		about = "The API key is saved in your system's keyring (service \"" + secrets.KeyringService + "\")."
		forget := kit.NewButton("Forget the key…", nil, func() {
			d.Hide()
			m.confirm("Forget the API key?", "Singlecam removes the key from your system's keyring and goes back to the first screen. Your jobs stay in your Move account; to use them again, paste the key (or a new one from your Move account).",
				"Forget the key", func() {
					go func() {
						err := m.host.ForgetKey()
						m.host.OnMain(func() {
							if err != nil {
								kit.Inform(m.host.Win, "Could not forget the key", engine.Explain(err))
								return
							}
							m.host.ShowWelcome()
						})
					}()
				})
		})
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
		bold("Look"), m.lookSetting(),
		widget.NewSeparator(),
		bold("Advanced"), m.endpointSetting(),
		widget.NewSeparator(),
		bold("About"), widget.NewLabel(m.about()),
	)
	// As tall as the window allows (title and Close button take about 150
	// px): at 900×600 a fixed 520 px pushed Close over the About line.
	height := fyne.Min(520, fyne.Max(240, m.host.Win.Canvas().Size().Height-150))
	// Escape closes Settings whatever has the focus (each change is kept
	// as it is made), as Return or Escape on Close, which has the focus.
	kit.EscapeCloses(body, m.escape)
	d = kit.Tell(m.host.Win, "Settings", container.NewGridWrap(fyne.NewSize(560, height), kit.NewVScroll(body)), "Close")
}

// lookLabels are the looks as Settings offers them, in kit's Look order.
var lookLabels = []string{"As the system", "Light", "Dark"}

// lookSetting chooses light or dark, or the system's choice: the app
// changes at once, and starts so next time.
func (m *Dialog) lookSetting() fyne.CanvasObject {
	looks := []string{kit.LookSystem, kit.LookLight, kit.LookDark}
	prefs := m.host.App.Preferences()
	m.Look = kit.NewRadio(lookLabels, func(label string) {
		for i, l := range lookLabels {
			if l == label {
				prefs.SetString(kit.PrefLook, looks[i])
				m.host.App.Settings().SetTheme(kit.ThemeFor(looks[i]))
			}
		}
	})
	current := prefs.String(kit.PrefLook)
	for i, l := range looks {
		if l == current {
			m.Look.Selected = lookLabels[i]
		}
	}
	return m.Look
}

// downloadSettings: the folder (native picker), automatic downloads and
// notifications. Preferences hold these; never the key.
func (m *Dialog) downloadSettings() fyne.CanvasObject {
	prefs := m.host.App.Preferences()
	eng, source := m.host.Session()
	demo := eng != nil && source == kit.KeyDemo
	folder := widget.NewLabel(downloadFolderText(kit.DownloadDir(m.host.App), demo))
	folder.Wrapping = fyne.TextWrapBreak
	choose := kit.NewButton("Choose folder…", nil, func() {
		if m.host.Picker == nil {
			return
		}
		go func() {
			dir, err := m.host.Picker.Folder("Where should Singlecam save jobs?", kit.DownloadDir(m.host.App))
			m.host.OnMain(func() {
				if err != nil {
					return
				}
				prefs.SetString(kit.PrefDownloadDir, dir)
				folder.SetText(downloadFolderText(dir, demo))
				m.host.Say("New jobs are saved in " + dir + " from the next start.")
			})
		}()
	})
	auto := kit.NewCheck("Download finished jobs automatically", func(on bool) {
		prefs.SetBool(kit.PrefAutoDownload, on)
		if eng, _ := m.host.Session(); eng != nil {
			eng.SetAutoDownload(on)
		}
	})
	auto.SetChecked(prefs.BoolWithFallback(kit.PrefAutoDownload, true))
	notes := kit.NewCheck("Notify me when a job is ready or fails", func(on bool) { prefs.SetBool(kit.PrefNotifications, on) })
	notes.SetChecked(prefs.BoolWithFallback(kit.PrefNotifications, true))
	return container.NewVBox(container.NewBorder(nil, nil, nil, choose, folder), auto, notes)
}

// endpointSetting lets a tester point the app at 'singlecam simulate'.
func (m *Dialog) endpointSetting() fyne.CanvasObject {
	prefs := m.host.App.Preferences()
	entry := kit.NewEntry()
	entry.OnEscape = m.escape
	entry.SetPlaceHolder("Move's endpoint (leave empty)")
	entry.SetText(prefs.String(kit.PrefEndpoint))
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return ugc.CheckEndpoint(strings.TrimSpace(s))
	}
	entry.OnChanged = func(s string) {
		if entry.Validate() == nil {
			prefs.SetString(kit.PrefEndpoint, strings.TrimSpace(s))
		}
	}
	note := widget.NewLabel("For testing against 'singlecam simulate'. Used from the next start.")
	note.TextStyle.Italic = true
	return container.NewVBox(entry, note)
}

// confirm asks before an action that cannot be undone; the question is kept
// in Asking while it is open. Cancel has the focus, as before a payment: a
// Return pressed out of habit forgets no key and resets no demo (tester 4:
// "Reset the demo" was the focused default).
func (m *Dialog) confirm(title, message, yes string, onYes func()) {
	m.Asking = kit.AskToPay(m.host.Win, title, message, yes, "Cancel", 110, func(ok bool) {
		m.Asking = nil
		if ok {
			onYes()
		}
	})
}

func (m *Dialog) about() string {
	text := "Singlecam " + m.host.Version
	if account := m.host.Account(); account != "" {
		text += " · account: " + account
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
