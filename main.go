// Command singlecam is a desktop app that turns a video of one person into
// motion capture with Move AI's API. With no arguments it opens the window;
// with a command (see 'singlecam help') it runs in the terminal.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"singlecam/ui"
	"singlecam/ui/cli"
	"singlecam/ui/native"
)

// version is stamped by the release build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	cli.Version = version
	args := os.Args[1:]
	if cli.IsCommand(args) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	demo := len(args) > 0 && args[0] == "--demo"
	if demo {
		args = args[1:]
	}
	u := ui.New(app.NewWithID(ui.AppID), ui.Options{
		Demo:    demo,
		Files:   args, // "Open with Singlecam" passes files this way
		Version: version,
		Picker:  native.Picker{},
	})
	u.Start()
	u.Window().ShowAndRun()
}
