// Package cli is Singlecam's terminal front end: subcommands for scripts,
// power users and demos. It calls the same core packages as the GUI and
// holds no logic the GUI would need too.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
)

// Env is what main gives the terminal front end: where to write, the
// version to tell, and, when there is a desktop, how to open a window and
// the system's file dialog. One value, so each caller (main, every test)
// says what it gives, and nothing is left set for the next.
type Env struct {
	Stdout, Stderr io.Writer
	Version        string // the app's version, as 'singlecam --version' says it
	// NewApp makes the GUI app, for commands that open a window; nil means
	// no window can open here (see HasDesktop). This package never needs a
	// display driver of its own, so its tests run without one.
	NewApp func() fyne.App
	// PickFile opens the system's file dialog for one file (kit.FilePicker's
	// Open), so the player offers "Apply to a character…"; it returns
	// CancelledPick when nothing is chosen. nil without a desktop.
	PickFile      func(title, kind string, extensions []string, dir string) (string, error)
	CancelledPick error
}

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, env Env) int
}

// plain runs a command that only writes to the terminal.
func plain(run func(args []string, stdout, stderr io.Writer) int) func([]string, Env) int {
	return func(args []string, env Env) int { return run(args, env.Stdout, env.Stderr) }
}

var commands = map[string]command{
	"submit":   {"upload videos (MP4, MOV, AVI), make Move jobs, wait and save their outputs", plain(runSubmit)},
	"jobs":     {"list your recent jobs", plain(runJobs)},
	"download": {"save a finished job's outputs", plain(runDownload)},
	"probe":    {"check videos (MP4, MOV, AVI) against Move's limits, before any upload", plain(runProbe)},
	"simulate": {"run the Move API simulator in the foreground", plain(runSimulate)},
	"preview":  {"open a window that plays a motion file", runPreview},
	"retarget": {"put motion files on your rigged character (GLB, glTF or VRM) and save GLBs", plain(runRetarget)},
	"export":   {"write motion files again so they import cleanly into Blender, Unity, Unreal...", plain(runExport)},
	"clean":    {"plant the feet and smooth the jitter of motion files, written beside them", plain(runClean)},
}

// commandOrder is how usage lists the commands.
var commandOrder = []string{"submit", "probe", "jobs", "download", "preview", "clean", "retarget", "export", "simulate"}

// DemoFlag opens the GUI in demo mode.
const DemoFlag = "--demo"

// IsCommand reports whether args are for the terminal front end rather than
// the GUI: a command, help, the version, or a first word that is neither
// --demo nor an existing file to open (which Run reports as unknown, instead
// of a window opening on a file that is not there).
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "help", "-h", "-help", "--help", "--version", "-version":
		return true
	case DemoFlag:
		return false
	}
	if _, ok := commands[args[0]]; ok {
		return true
	}
	_, err := os.Stat(args[0])
	return err != nil
}

// Run runs the subcommand in args and returns the process exit code.
func Run(args []string, env Env) int {
	stdout, stderr := env.Stdout, env.Stderr
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "--version", "-version":
		fmt.Fprintln(stdout, "singlecam", env.Version)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		what := "command"
		if strings.HasPrefix(args[0], "-") {
			what = "flag"
		}
		fmt.Fprintf(stderr, "singlecam: unknown %s %q, and no file by that name to open.\n\n", what, args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(args[1:], env)
}

// HasDesktop reports whether a window can open here: always on macOS and
// Windows; elsewhere only inside an X11 or Wayland session.
func HasDesktop(getenv func(string) string) bool {
	switch runtime.GOOS {
	case "darwin", "windows":
		return true
	}
	return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
}

// NoDisplaySet is why there is no desktop session when HasDesktop says so.
const NoDisplaySet = "no DISPLAY or WAYLAND_DISPLAY is set"

// NoDesktop tells, in one line, that the window needs a desktop session
// (and why there is none) and what works in a terminal instead, and returns
// the exit code.
func NoDesktop(stderr io.Writer, why string) int {
	var terminal []string
	for _, name := range commandOrder {
		if !windowCommands[name] {
			terminal = append(terminal, name)
		}
	}
	fmt.Fprintf(stderr, "singlecam: the app's window needs a desktop session (%s); "+
		"in a terminal use 'singlecam %s' (see 'singlecam help').\n", why, strings.Join(terminal, "', '"))
	return 1
}

// windowCommands open a window, so they are not offered without a display.
var windowCommands = map[string]bool{"preview": true}

func usage(w io.Writer) {
	fmt.Fprintf(w, `Singlecam: motion capture from one camera, with Move AI.

Usage:
  singlecam                 open the app
  singlecam --demo          open the app in demo mode (no API key needed)
  singlecam COMMAND [flags] run a command in the terminal

Commands:
`)
	defer fmt.Fprintf(w, "\nThe API key comes from MOVE_API_KEY, else from the one saved in the app.\n"+
		"MOVE_UGC_ENDPOINT_URL points the commands at another endpoint, such as 'singlecam simulate'.\n")
	for _, name := range commandOrder {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintf(w, "\nMotion files (preview, clean, retarget, export): GLB, glTF, VRM, VRMA (VRM Animation),\n"+
		"BVH, a ZIP of BVHs, Move's MOTION_DATA JSON, or a ZIP of MOTION_DATA JSON files.\n")
	fmt.Fprintf(w, "\nRun 'singlecam COMMAND --help' for a command's flags.\n")
}

// exitOn prints err for a person and returns the exit code for it.
func exitOn(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "singlecam:", err)
	return 1
}
