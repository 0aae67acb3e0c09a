package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"singlecam/core/engine"
	"singlecam/core/secrets"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/kit"
	"singlecam/ui/welcome"
)

func TestFirstRunPastesAKeyChecksAndSavesIt(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil && e.ui.win.Content() == e.ui.welcome.Content() })
	w := e.ui.welcome
	test.Type(w.Key, simKey)
	w.Key.TypedKey(uitest.ReturnKey()) // Enter checks, as the button does
	e.q.Until(t, "the main screen", func() bool { return e.ui.main != nil && e.ui.win.Content() == e.ui.main.content })
	if key, src, err := e.keys.lookup(); err != nil || key != simKey || src != secrets.FromKeyring {
		t.Errorf("keyring holds %q from %v (%v)", key, src, err)
	}
	e.q.Until(t, "the account name", func() bool { return e.ui.main.Account.Text == "Singlecam Demo Studio" })
	if w.Key.Text != "" {
		t.Error("the key stayed in the entry after saving")
	}
}

func TestARefusedKeyIsSaidPlainlyAndNotSaved(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil })
	w := e.ui.welcome
	test.Type(w.Key, "not-the-right-key-123")
	test.Tap(w.Check)
	e.q.Until(t, "the refusal", func() bool { return strings.Contains(w.Status.Text, "Move refused the API key") })
	if strings.Contains(w.Status.Text, "Settings") {
		t.Errorf("the welcome screen points to Settings, which it does not have: %q", w.Status.Text)
	}
	if w.Check.Disabled() {
		t.Error("Check and save stayed disabled after the answer")
	}
	if _, _, err := e.keys.lookup(); err == nil {
		t.Error("a refused key was saved")
	}
	if strings.Contains(w.Status.Text, "not-the-right-key-123") {
		t.Error("the status repeats the key")
	}
}

func TestATooShortKeyIsRefusedWithoutAsking(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil })
	test.Type(e.ui.welcome.Key, "short")
	test.Tap(e.ui.welcome.Check)
	e.q.Until(t, "the refusal", func() bool { return strings.Contains(e.ui.welcome.Status.Text, "at least 12 characters") })
	if n := e.sim.GraphQLRequests(); n != 0 {
		t.Errorf("%d requests for a key that cannot be one", n)
	}
}

func TestSettingsForgetTheKey(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.signedIn(t)
	e.ui.main.onSettings()
	if e.ui.main.SettingsDialog.ForgetKey == nil {
		t.Fatal("no Forget button in Settings")
	}
	test.Tap(e.ui.main.SettingsDialog.ForgetKey)
	e.q.Settle()
	if _, _, err := e.keys.lookup(); err != nil {
		t.Fatalf("the key was forgotten before the user confirmed: %v", err)
	}
	if e.ui.main.SettingsDialog.Asking == nil || !strings.Contains(e.ui.main.SettingsDialog.Asking.Title, "Forget") {
		t.Fatal("Forget the key did not ask first")
	}
	e.ui.main.SettingsDialog.Asking.Answer(false) // Cancel keeps it
	e.q.Settle()
	if _, _, err := e.keys.lookup(); err != nil || e.ui.win.Content() != e.ui.main.content {
		t.Fatalf("Cancel forgot the key or left the main screen: %v", err)
	}
	e.ui.main.onSettings()
	test.Tap(e.ui.main.SettingsDialog.ForgetKey)
	e.ui.main.SettingsDialog.Asking.Answer(true)
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil && e.ui.win.Content() == e.ui.welcome.Content() })
	if _, _, err := e.keys.lookup(); err == nil {
		t.Error("the key is still in the keyring")
	}
}

// A locked keyring once counted as "no keyring" and the app offered to keep
// the key for the session only. Only a missing keyring offers that; a
// locked one asks to be unlocked.
func TestALockedKeyringAsksToUnlockInsteadOfOfferingASessionKey(t *testing.T) {
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil })
	// The real keyring code (engine.SaveKey) over a keyring that answers as a locked one does.
	// The mock is process-wide: this test does not run in parallel.
	keyring.MockInitWithError(errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"))
	t.Cleanup(keyring.MockInit)
	e.ui.saveKey = engine.SaveKey
	w := e.ui.welcome
	test.Type(w.Key, simKey)
	test.Tap(w.Check)
	e.q.Until(t, "the answer", func() bool { return strings.Contains(w.Status.Text, "keyring is locked") })
	if overlay := e.ui.win.Canvas().Overlays().Top(); overlay != nil {
		t.Error("a dialog (the session-only offer) opened for a locked keyring")
	}
}

// Without a browser, "Make one in your Move account" shows the address to copy.
func TestTheAccountLinkShowsItsAddressWithoutABrowser(t *testing.T) {
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil && e.ui.win.Content() == e.ui.welcome.Content() })
	e.ui.app = noBrowser{e.ui.app}
	e.ui.welcome.MakeKey.OnTapped() // as a tap on its text does
	if e.ui.shownAddress == nil || e.ui.shownAddress.Text != welcome.MoveAccountURL.String() {
		t.Fatalf("no address shown: %+v", e.ui.shownAddress)
	}
	test.Tap(e.ui.shownAddress.Copy)
	if got := e.ui.app.Clipboard().Content(); got != welcome.MoveAccountURL.String() {
		t.Errorf("clipboard %q", got)
	}
}

// noBrowser is an app whose URL opener fails, as on a desktop without one.
type noBrowser struct{ fyne.App }

func (noBrowser) OpenURL(*url.URL) error { return errors.New("no browser") }

// Tester 2: a keyring found locked at start is a calm note, in the text
// colour, without advice meant for a terminal; no grey dot sits beside
// Check and save while nothing is being checked.
func TestALockedKeyringAtStartIsANoteNotAnError(t *testing.T) {
	e := newTestEnv(t)
	e.ui.showWelcome(secrets.ErrKeyringLocked)
	w := e.ui.welcome
	if w.Status.Importance == widget.DangerImportance || !strings.Contains(w.Status.Text, "keyring is locked") || strings.Contains(w.Status.Text, "MOVE_API_KEY") {
		t.Errorf("status (%v) %q", w.Status.Importance, w.Status.Text)
	}
	if w.Busy.Visible() {
		t.Error("the stopped activity shows")
	}
}

// Tester 2: a demo user who quits (or crashes) comes back to the demo and
// its jobs at the next start, not to the key screen; leaving the demo for
// the key screen ends that.
func TestTheAppStartsAgainInTheDemoItLeftIn(t *testing.T) {
	e := newTestEnv(t)
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil })
	test.Tap(e.ui.welcome.Demo)
	e.q.Until(t, "the demo", func() bool { return e.ui.session != nil && e.ui.session.source == kit.KeyDemo })
	e.ui.session.cancel() // the app closes, and starts again
	e.ui.session.shutdown()
	e.ui.session = nil
	e.ui.welcome = nil
	e.ui.Start()
	e.q.Until(t, "the demo again", func() bool { return e.ui.session != nil && e.ui.session.source == kit.KeyDemo })
	if e.ui.welcome != nil {
		t.Error("the key screen was shown on the way back to the demo")
	}
	e.ui.showWelcome(nil) // Settings → Leave the demo
	if e.ui.app.Preferences().Bool(kit.PrefInDemo) {
		t.Error("the app would start in the demo after the user left it")
	}
}

// Tester 4: a MOVE_API_KEY too short to be a key opened the key screen
// with an empty field and "That does not look like a whole Move API key",
// though the user typed nothing: it says the key came from MOVE_API_KEY.
func TestAKeyFromTheEnvironmentThatCannotBeUsedSaysWhereItCameFrom(t *testing.T) {
	e := newTestEnv(t)
	e.ui.lookupKey = func() (string, secrets.Source, error) { return "sim-t4key", secrets.FromEnvironment, nil }
	e.ui.Start()
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil && e.ui.welcome.Status.Text != "" })
	w := e.ui.welcome
	if !strings.HasPrefix(w.Status.Text, "The key in MOVE_API_KEY could not be used: ") || !strings.Contains(w.Status.Text, "Fix MOVE_API_KEY") {
		t.Errorf("status %q", w.Status.Text)
	}
}
