// Command singlecam is a desktop app that turns a video of one person into
// motion capture with Move AI's API. With no arguments (or with files to
// open) it opens the window; with a command (see 'singlecam help') it runs
// in the terminal.
package main

import (
	"context"
	"errors"
	"os"
	"time"

	_ "app.singlecam/earlyenv" // before Fyne's packages initialise: see its doc

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"singlecam/assets"
	"singlecam/core/guard"
	"singlecam/core/instance"
	"singlecam/core/paths"
	"singlecam/ui"
	"singlecam/ui/cli"
	"singlecam/ui/kit"
	"singlecam/ui/native"
)

// version and commit are stamped by the Makefile's builds
// (-ldflags "-X main.version=... -X main.commit=..."); without them the Go
// tool's build information says what the build is.
var (
	version = "dev"
	commit  = "unknown"
)

func main() {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Version: cli.Describe(version, commit)}
	if cli.HasDesktop(os.Getenv) {
		env.NewApp = newApp
		env.PickFile, env.CancelledPick = native.Picker{}.Open, kit.ErrCancelled
	}
	// A window system that cannot start (a DISPLAY where no X server
	// answers) is a sentence, not a Go panic: for the app and for preview.
	defer ui.ExitIfNoWindow(func(why string) { os.Exit(cli.NoDesktop(os.Stderr, why)) })
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(args, env))
	}
	if !cli.HasDesktop(os.Getenv) {
		os.Exit(cli.NoDesktop(os.Stderr, cli.NoDisplaySet))
	}
	demo := len(args) > 0 && args[0] == cli.DemoFlag
	if demo {
		args = args[1:]
	}
	// One copy per user: a later launch hands its files to the running one.
	running, err := instance.ClaimForUser(context.Background(), args)
	if errors.Is(err, instance.ErrHandedOver) {
		return
	}
	defer running.Close() // nil (running alone) when the socket could not be had
	lastCrash := catchCrashes()
	a := newApp()
	u := ui.New(a, ui.Options{Demo: demo, Files: args, Version: appVersion(env.Version, a.Metadata()), Picker: native.Picker{}, LastCrash: lastCrash})
	go running.Serve(u.OpenLater)
	u.Start()
	u.Window().ShowAndRun()
}

// newApp makes the GUI app: for the main window, and for commands that open
// one (singlecam preview). Settings kept under the old app ID move first,
// since Fyne reads them as it makes the app.
// catchCrashes sends any panic that escapes to a report in the data folder
// (the app's stderr goes nowhere a user sees), and returns the last run's
// report, if it left one. Only the one running copy does this: a copy that
// hands its files over never touches the running one's log.
func catchCrashes() string {
	dir, err := paths.DataDir()
	if err != nil {
		return ""
	}
	last, _ := guard.CatchCrashes(dir, time.Now()) // without a log the app still runs
	return last
}

func newApp() fyne.App {
	ui.MigratePreferences() // a failure leaves the old settings where they were
	a := app.NewWithID(ui.AppID)
	a.Settings().SetTheme(kit.ThemeFor(a.Preferences().String(kit.PrefLook))) // Settings → Look
	a.SetIcon(fyne.NewStaticResource("singlecam.png", assets.Icon))
	return a
}

// appVersion is the version the window shows: described (as the terminal
// says it) unless the Makefile stamped none and the Fyne tool embedded
// FyneApp.toml's (the Windows package). Fyne answers "0.0.1" when nothing
// was embedded; its metadata then has no app ID, and that version is no
// version of Singlecam's.
func appVersion(described string, meta fyne.AppMetadata) string {
	if version != "dev" || meta.ID == "" || meta.Version == "" {
		return described
	}
	return meta.Version + " (" + commit + ")"
}
