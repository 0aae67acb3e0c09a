// Package ui is Singlecam's desktop front end: windows, panels and widgets.
// It is the only place that touches Fyne. Everything it shows comes from the
// core (through core/engine's calls and events); network, disk and keyring
// work runs on goroutines, and widgets change only on Fyne's goroutine.
package ui

import (
	"context"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"singlecam/core/engine"
	"singlecam/core/paths"
	"singlecam/core/secrets"
	"singlecam/core/ugc"
	"singlecam/ui/character"
	"singlecam/ui/kit"
	"singlecam/ui/welcome"
)

// Options are how the app was started.
type Options struct {
	Demo    bool           // run against the built-in simulator, without an API key
	Files   []string       // videos and .move files to put in the new-take panel
	Version string         // shown in Settings' About
	Picker  kit.FilePicker // native file dialogs; nil in tests that do not pick
	// LastCrash is the crash report the last run left (guard.CatchCrashes),
	// told about at start; "" when it ended well.
	LastCrash string
}

// UI is the running app: one window whose content changes from the first-run
// screen to the main screen.
type UI struct {
	app     fyne.App
	win     fyne.Window
	opts    Options
	session *session
	welcome *welcome.Screen
	// applyWindow is the last "Apply to a character…" window opened.
	applyWindow *character.Window
	main        *MainScreen
	// crash is the notice of the last run's crash, when there was one.
	crash *crashNotice
	// following are the open windows that hold a job's file, told of its
	// job's renames.
	following followers

	// What the UI reaches outside itself. Fields, not package variables, so
	// each test stands in for them on its own UI and tests run in parallel.
	onMain    func(func())                                               // runs f on Fyne's goroutine: the one door for other goroutines
	lookupKey func() (string, secrets.Source, error)                     // the saved key
	saveKey   func(key string) error                                     // keeps a checked key
	forgetKey func() error                                               // Settings' Forget the key
	checkKey  func(ctx context.Context, key string) (ugc.Account, error) // asks Move whose key it is
	dataDir   func() (string, error)                                     // where the journal lives
	// The desktop: opening folders, notifications, timers of status messages.
	openWithSystem         func(path string) error         // the system's opener (Explorer, Finder, xdg-open)
	notificationsAvailable func() bool                     // whether the desktop can show notifications
	after                  func(d time.Duration, f func()) // runs f on the UI goroutine after d

	// shownAddress is the path or address dialog on screen, if any.
	shownAddress *Address

	// quitting is set once the app starts to close (its window closed, or
	// Fyne stopping on a signal): later launches are then not handed to it.
	quitting atomic.Bool
}

// New builds the window; Start decides what it shows first.
func New(a fyne.App, opts Options) *UI {
	u := &UI{app: a, opts: opts, win: a.NewWindow("Singlecam"),
		onMain:    func(f func()) { fyne.Do(f) },
		lookupKey: engine.LookupKey, saveKey: engine.SaveKey, forgetKey: engine.ForgetKey,
		checkKey: func(ctx context.Context, key string) (ugc.Account, error) {
			return engine.CheckKey(ctx, key, "")
		},
		dataDir:        paths.DataDir,
		openWithSystem: openWithSystem, notificationsAvailable: desktopNotifications,
	}
	u.after = func(d time.Duration, f func()) { time.AfterFunc(d, func() { u.onMain(f) }) }
	// A desktop app keeps running beside others: the Go heap may grow to
	// half again its live size between collections, not double (Go's
	// default), for a little more collecting while an export or a
	// clean-up runs. At idle it hardly matters any more (the idle demo:
	// 140-141 MiB with 50 or 100 in .ci/idle-memory) since nothing
	// allocates there and returnStartupMemory gives start-up's garbage
	// back; it saved 7 MB while a spinner left running (kit.Loading)
	// kept the idle window painting.
	if os.Getenv("GOGC") == "" { // a GOGC the user set wins
		debug.SetGCPercent(idleGCPercent)
	}
	u.win.Resize(fyne.NewSize(1100, 720))
	// Closing the window ends the session first, off the UI goroutine, so
	// the window stays responsive while uploads and downloads wind down.
	u.win.SetCloseIntercept(func() {
		u.beginQuit()
		u.closeSession(u.win.Close)
	})
	// SIGTERM and SIGINT make Fyne quit without the intercept.
	a.Lifecycle().SetOnStopped(u.beginQuit)
	return u
}

// beginQuit marks the app as closing: files of later launches are no
// longer taken (OpenLater), so those launches run on their own.
func (u *UI) beginQuit() { u.quitting.Store(true) }

// Window is the app's window.
func (u *UI) Window() fyne.Window { return u.win }

// Start shows the demo, the main screen for a known key, or the first-run
// screen. The keyring is read on a goroutine: an unlock prompt can block.
func (u *UI) Start() {
	u.win.SetContent(kit.Loading(u.win, "Starting…"))
	if u.opts.LastCrash != "" {
		u.crash = u.showCrashNotice(u.opts.LastCrash)
	}
	if u.opts.Demo {
		go u.startDemo()
		return
	}
	inDemo := u.app.Preferences().Bool(kit.PrefInDemo)
	go func() {
		key, source, err := u.lookupKey()
		// Back where the user left: a demo user (after a crash too) comes
		// back to the demo and its jobs, not to the key screen, unless a
		// key was given in the environment for this run.
		if inDemo && (err != nil || source != secrets.FromEnvironment) {
			u.startDemo()
			return
		}
		u.onMain(func() {
			if err != nil {
				u.showWelcome(err)
				return
			}
			u.startWithKey(key, source)
		})
	}()
}

// showWelcome shows the first-run screen, saying why when reason is an
// error (see welcome.Screen's Show).
func (u *UI) showWelcome(reason error) {
	if u.welcome == nil {
		u.welcome = welcome.New(welcome.Host{Win: u.win,
			OnMain:      func(f func()) { u.onMain(f) },
			CheckKey:    func(ctx context.Context, key string) (ugc.Account, error) { return u.checkKey(ctx, key) },
			SaveKey:     func(key string) error { return u.saveKey(key) },
			OpenSession: func(key string, source kit.KeySource) { u.openSession(key, "", source) },
			Say: func(msg string) {
				if u.main != nil {
					u.main.say(msg)
				}
			},
			StartDemo:   u.startDemo,
			OpenAddress: u.openAddress,
		})
	}
	u.welcome.Show(reason)
	u.app.Preferences().SetBool(kit.PrefInDemo, false) // left the demo, or it could not start
	returnStartupMemory()
}

// idleGCPercent is the app's GOGC (see New).
const idleGCPercent = 50

// returnStartupMemory gives the memory that building a screen used and let
// go of back to the system, once the screen has settled: Fyne parses each
// font style it meets (the emoji font with each), and the Go heap keeps
// that garbage until its next collection, which an idle window may not
// reach for minutes (issue 23: 20-odd MB of an idle demo's memory).
func returnStartupMemory() {
	time.AfterFunc(3*time.Second, debug.FreeOSMemory)
}
