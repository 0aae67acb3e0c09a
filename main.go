// Command singlecam is a desktop app that turns a video of one person into
// motion capture with Move AI's API. With no arguments it opens the window;
// with a command (see 'singlecam help') it runs in the terminal.
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"singlecam/assets"
	"singlecam/ui"
	"singlecam/ui/cli"
	"singlecam/ui/native"
)

// version and commit are stamped by the Makefile's builds
// (-ldflags "-X main.version=... -X main.commit=...").
var (
	version = "dev"
	commit  = "unknown"
)

func main() {
	cli.Version = version + " (" + commit + ")"
	cli.NewApp = newApp
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	demo := len(args) > 0 && args[0] == "--demo"
	if demo {
		args = args[1:]
	}
	a := newApp()
	if v := a.Metadata().Version; version == "dev" && v != "" && v != "0.0.0" {
		// Built by the Fyne tool (the Windows package): it embeds FyneApp.toml's version.
		cli.Version = v + " (" + commit + ")"
	}
	u := ui.New(a, ui.Options{
		Demo:    demo,
		Files:   args, // "Open with Singlecam" passes files this way
		Version: cli.Version,
		Picker:  native.Picker{},
	})
	u.Start()
	u.Window().ShowAndRun()
}

// newApp makes the GUI app: for the main window, and for commands that open
// one (singlecam preview).
func newApp() fyne.App {
	a := app.NewWithID(ui.AppID)
	a.SetIcon(fyne.NewStaticResource("singlecam.png", assets.Icon))
	return a
}
