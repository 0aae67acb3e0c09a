// Package welcome is the first-run screen: paste a Move API key (checked
// with Move, then kept in the keyring), or try the demo.
package welcome

import (
	"context"
	"errors"
	"net/url"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// MoveAccountURL is where users make API keys.
var MoveAccountURL, _ = url.Parse("https://app.move.ai/")

// Screen is the first-run screen: paste a key, or try the demo.
type Screen struct {
	content fyne.CanvasObject
	Key     *widget.Entry
	Check   *kit.Button
	Demo    *kit.Button
	Status  *widget.Label
	Busy    *widget.Activity
	MakeKey *widget.Hyperlink

	host Host
}

// Host is what the screen needs of the window around it. Its fields are
// functions, so tests can stand in for them.
type Host struct {
	Win    fyne.Window
	OnMain func(func()) // runs f on Fyne's goroutine
	// CheckKey asks Move whose key it is; SaveKey keeps a checked key.
	CheckKey func(ctx context.Context, key string) (ugc.Account, error)
	SaveKey  func(key string) error
	// OpenSession starts working with a checked key, kept as source says
	// (the keyring, or this session only); Say then tells the user, on the
	// screen that follows.
	OpenSession func(key string, source kit.KeySource)
	Say         func(msg string)
	StartDemo   func() // runs on a goroutine of its own
	OpenAddress func(address *url.URL)
}

// New builds the screen; Show puts it in the window.
func New(host Host) *Screen {
	w := &Screen{host: host, Busy: widget.NewActivity()}
	w.Busy.Hide() // a stopped activity still draws a grey dot beside Check and save
	w.Key = widget.NewPasswordEntry()
	w.Key.SetPlaceHolder("Paste your Move API key")
	w.Key.OnSubmitted = func(string) { w.onCheck() }
	w.Check = kit.NewButton("Check and save", nil, w.onCheck)
	w.Check.Importance = widget.HighImportance
	w.Demo = kit.NewButton("Try the demo", theme.MediaPlayIcon(), w.onDemo)
	w.Status = widget.NewLabel("")
	w.Status.Wrapping = fyne.TextWrapWord
	w.Status.Importance = widget.DangerImportance

	heading := widget.NewLabelWithStyle("Welcome to Singlecam", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel("Turn a video of one person into motion capture (FBX, GLB, BLEND, USD, BVH) with Move AI.\n" +
		"Singlecam needs your Move API key. It is checked with Move, then kept in your system's keyring, never in a file.")
	intro.Wrapping = fyne.TextWrapWord
	w.MakeKey = widget.NewHyperlink("Make one in your Move account", MoveAccountURL)
	w.MakeKey.OnTapped = func() { w.host.OpenAddress(MoveAccountURL) }
	where := container.NewHBox(widget.NewLabel("No key yet?"), w.MakeKey)
	demoNote := widget.NewLabel("Or try everything first, offline, against Singlecam's built-in Move simulator.")
	demoNote.Wrapping = fyne.TextWrapWord

	form := container.NewVBox(
		heading, intro,
		widget.NewLabelWithStyle("API key", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		w.Key,
		container.NewHBox(w.Check, w.Busy),
		w.Status,
		where,
		widget.NewSeparator(),
		demoNote,
		container.NewHBox(w.Demo),
	)
	w.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 460), container.NewPadded(form)))
	return w
}

// Show puts the screen in the window, saying why when reason is an error
// (no keyring, a key that no longer works); nil says nothing.
func (w *Screen) Show(reason error) {
	w.Status.SetText("")
	var env *EnvKeyError
	switch {
	case errors.As(reason, &env):
		// The user typed nothing: say where the key came from, and that
		// it is there, not here, that it needs fixing (tester 4).
		w.Status.Importance = widget.DangerImportance
		w.Status.SetText("The key in MOVE_API_KEY could not be used: " + engine.Explain(env.Err) +
			" Fix MOVE_API_KEY (or unset it) and start Singlecam again, or paste a key here for this time.")
	case errors.Is(reason, secrets.ErrNoKeyring):
		// A fact about this computer, not a mistake: say it calmly.
		w.Status.Importance = widget.MediumImportance
		w.Status.SetText("Note: this computer has no keyring to remember your key in. Paste it each time you start Singlecam: it is kept until you close the app. " + keyringAdvice())
	case errors.Is(reason, secrets.ErrKeyringLocked):
		// Found at start, before the user did anything: a hint, not an
		// error in red, and no terminal advice (an environment variable).
		w.Status.Importance = widget.MediumImportance
		w.Status.SetText("Note: your system's keyring is locked, so Singlecam cannot read a key saved in it. Unlock it (log in to your desktop, or open your keyring app) and start Singlecam again, or paste your key above. The demo needs no key.")
	case reason != nil && !errors.Is(reason, secrets.ErrNoKey):
		w.Status.Importance = widget.DangerImportance
		w.Status.SetText(engine.Explain(reason))
	}
	w.host.Win.SetTitle("Singlecam")
	w.host.Win.SetContent(w.content)
	w.host.Win.Canvas().Focus(w.Key)
}

// EnvKeyError is why the key given in the MOVE_API_KEY environment
// variable could not be used; Show says where the key came from.
type EnvKeyError struct{ Err error }

func (e *EnvKeyError) Error() string { return "the key in MOVE_API_KEY: " + e.Err.Error() }

// Unwrap is the reason itself.
func (e *EnvKeyError) Unwrap() error { return e.Err }

// Content is the screen, to place in a window.
func (w *Screen) Content() fyne.CanvasObject { return w.content }

func (w *Screen) setBusy(busy bool) {
	if busy {
		w.Check.Disable()
		w.Demo.Disable()
		w.Busy.Show()
		w.Busy.Start()
		return
	}
	w.Check.Enable()
	w.Demo.Enable()
	w.Busy.Stop()
	w.Busy.Hide()
}

// onCheck asks Move whose key it is, then saves it in the keyring, all off
// the UI goroutine; the window stays responsive meanwhile.
func (w *Screen) onCheck() {
	key := strings.TrimSpace(w.Key.Text)
	if key == "" {
		w.Status.SetText("Paste your Move API key first.")
		return
	}
	w.setBusy(true)
	w.Status.SetText("Checking the key with Move…")
	w.Status.Importance = widget.MediumImportance
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		account, err := w.host.CheckKey(ctx, key)
		if err != nil {
			w.host.OnMain(func() { w.fail(explainWelcomeKey(err)) })
			return
		}
		saveErr := w.host.SaveKey(key)
		w.host.OnMain(func() {
			w.setBusy(false)
			if errors.Is(saveErr, secrets.ErrNoKeyring) {
				w.offerSessionOnly(key, account.Name)
				return
			}
			if saveErr != nil {
				w.fail(engine.Explain(saveErr))
				return
			}
			w.Key.SetText("")
			w.host.OpenSession(key, kit.KeyKeyring)
			w.host.Say("The key of " + account.Name + " is saved in your system's keyring.")
		})
	}()
}

func (w *Screen) fail(msg string) {
	w.setBusy(false)
	w.Status.Importance = widget.DangerImportance
	w.Status.SetText(msg)
}

// offerSessionOnly handles a desktop without a keyring service.
func (w *Screen) offerSessionOnly(key, account string) {
	message := "The key of " + account + " works, but this computer has no keyring to remember it in.\n\n" +
		"Singlecam can use it until you close the app, without saving it anywhere; next time, paste it again.\n\n" +
		keyringAdvice()
	// The kit's question: its yes has the focus and a ring, Return
	// answers it and Escape says no (Fyne's own confirm answered neither).
	kit.AskEither(w.host.Win, "No keyring on this computer", message, "Use it for now", "Don't use it", 220, func(ok bool) {
		if !ok {
			w.Status.SetText("The key was not kept.")
			return
		}
		w.Key.SetText("")
		w.host.OpenSession(key, kit.KeySessionOnly)
	})
}

// explainWelcomeKey is ExplainKeyCheck as the welcome screen says it: a
// refused key is pasted again here (this screen has no Settings).
func explainWelcomeKey(err error) string {
	if errors.Is(err, ugc.ErrUnauthorized) {
		return "Move refused the API key. Copy it again from your Move account (all of it) and paste it above, or make a new one there."
	}
	return engine.ExplainKeyCheck(err)
}

// keyringAdvice says in plain words how this system gets a keyring.
func keyringAdvice() string {
	switch runtime.GOOS {
	case "windows":
		return "To have Singlecam remember it, sign in to Windows with a user account that has Credential Manager (every normal account does)."
	case "darwin":
		return "To have Singlecam remember it, make sure your login keychain is unlocked (Keychain Access, in Applications › Utilities)."
	}
	return "To have Singlecam remember it, install your desktop's password store (\"GNOME Keyring\" or \"KWallet\", from your software centre), sign out and back in, then start Singlecam again."
}

func (w *Screen) onDemo() {
	w.setBusy(true)
	w.host.Win.SetContent(kit.Loading(w.host.Win, "Starting the demo…"))
	go w.host.StartDemo()
}
