package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/ui/character"
	"singlecam/ui/preview"
)

// runPreview opens a window playing a motion file.
func runPreview(args []string, env Env) int {
	stdout, stderr := env.Stdout, env.Stderr
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := addSourceFlags(fs, false)
	paused := fs.Bool("paused", false, "open paused on the first frame instead of playing")
	stats := fs.Bool("stats", false, "print how many frames were drawn every 10 seconds (to measure the player)")
	char := fs.String("character", "", "open \"Apply to a character…\" with this GLB or VRM character `FILE` instead of the player")
	fs.Usage = func() {
		fmt.Fprintf(stderr, previewUsage+"\n"+
			"Opens a window that plays the skeleton in a GLB, glTF, VRM, VRMA or BVH file, Move's motion data\n"+
			"JSON, or a ZIP of BVH or JSON files, standing up at its size (the up axis and unit are found from\n"+
			"the figure unless given).\n"+
			"Space plays and pauses, the arrows step, drag to turn, wheel to zoom, Shift-drag to pan.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := sf.check(); err != nil {
		say(stderr, "preview", err.Error())
		return 2
	}
	if strings.EqualFold(strings.TrimSpace(*sf.animation), "all") {
		say(stderr, "preview", "The player plays one animation at a time: name one, or give its number (--list names them)")
		return 2
	}
	if *sf.list && fs.NArg() > 0 {
		if err := sf.listAnimations(context.Background(), fs.Args(), stdout); err != nil {
			say(stderr, "preview", err.Error())
			return 1
		}
		return 0
	}
	if fs.NArg() == 0 {
		return missing(stderr, "preview", "Name the motion file to play.", previewUsage)
	}
	if fs.NArg() > 1 {
		return missing(stderr, "preview", "The player plays one file at a time: name one.", previewUsage)
	}
	path := fs.Arg(0)
	if *char != "" {
		return previewOnCharacter(path, *char, env)
	}
	ms, err := sf.open(context.Background(), "preview", path, stderr)
	if err != nil {
		say(stderr, "preview", motionProblem(path, err))
		return 1
	}
	m := ms[0].Motion
	path = absPath(path)
	if env.NewApp == nil {
		return NoDesktop(stderr, NoDisplaySet)
	}
	a := env.NewApp()
	w := preview.NewWindow(a, m, filepath.Base(path), nil)
	w.OfferReopen(sf.options(m.Chosen), func(o load.Options) {
		go func() {
			m, err := load.OpenWith(context.Background(), path, o)
			fyne.Do(func() {
				if err != nil {
					fmt.Fprintln(stderr, "singlecam preview:", engine.ExplainMotion(err))
					return
				}
				w.SetMotion(m)
			})
		}()
	})
	if env.PickFile != nil {
		w.OfferApply(func() {
			cleanup := w.CleanUp.Options() // the player's, so the file saved is what was watched
			character.NewWindow(a, path, retarget.MotionName(path), character.Options{
				Clean: &cleanup,
				Pick: func(dir string) (string, error) {
					return env.PickFile("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), startDir(dir, path))
				},
				Cancelled: env.CancelledPick, Prefs: a.Preferences(),
			}).Show()
		})
	}
	w.SetActions(exportButton(a, w, path, stderr))
	if !*paused {
		w.Player.Play()
	}
	if *stats {
		go printStats(stderr, func() (drawn, ticks uint64) {
			fyne.DoAndWait(func() { drawn, ticks = w.Player.FramesDrawn(), w.Player.Ticks() })
			return drawn, ticks
		}, m.Clip.FPS)
	}
	w.ShowAndRun()
	return 0
}

// previewUsage is the preview command's short usage: what it takes.
const previewUsage = `Usage: singlecam preview [--animation NAME|N] [--list] [--paused] [--stats] [--character FILE.glb|.vrm]
                        [--source-units m|cm|mm|in|auto] [--source-scale METRES] [--source-up y|z|auto] FILE
`

// startDir is where the character dialog opens: the folder of the last
// character chosen, else the motion's own, never GTK's empty "Recent".
func startDir(dir, motion string) string {
	if dir != "" {
		return dir
	}
	return filepath.Dir(motion)
}

// absPath is path from the root: the windows say where they save files
// beside it ("in /home/ann/mocap"), never "in ." for a file named from the
// current folder.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// previewOnCharacter opens "Apply to a character…" for the motion at path
// with the character file char already chosen.
func previewOnCharacter(path, char string, env Env) int {
	stderr := env.Stderr
	if !retarget.IsCharacterFile(char) {
		say(stderr, "preview", engine.ExplainCharacter(retarget.ErrNotCharacter))
		return 1
	}
	for _, f := range []string{char, path} {
		if _, err := os.Stat(f); err != nil {
			say(stderr, "preview", engine.ExplainMotionFile(f, err)) // before any window
			return 1
		}
	}
	path = absPath(path)
	if env.NewApp == nil {
		return NoDesktop(stderr, NoDisplaySet)
	}
	a := env.NewApp()
	opt := character.Options{Prefs: a.Preferences()}
	if env.PickFile != nil {
		opt.Cancelled = env.CancelledPick
		opt.Pick = func(dir string) (string, error) {
			return env.PickFile("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), startDir(dir, path))
		}
	}
	w := character.NewWindow(a, path, retarget.MotionName(path), opt)
	w.Open(char)
	w.ShowAndRun()
	return 0
}

// printStats prints the frames drawn and the display's ticks in each 10
// seconds, for ever.
func printStats(stderr io.Writer, count func() (drawn, ticks uint64), fps float64) {
	lastDrawn, lastTicks := count()
	for range time.Tick(10 * time.Second) {
		drawn, ticks := count()
		fmt.Fprintf(stderr, "in 10 s: %d frames drawn, %d display ticks (clip at %g fps)\n", drawn-lastDrawn, ticks-lastTicks, fps)
		lastDrawn, lastTicks = drawn, ticks
	}
}

// exportButton is the preview window's Export for… button; an exported
// file opens in a window of its own, with the same button.
func exportButton(a fyne.App, w *preview.Window, path string, stderr io.Writer) fyne.CanvasObject {
	open := func(p string) {
		go func() {
			m, err := load.Open(context.Background(), p, -1)
			fyne.Do(func() {
				if err != nil {
					fmt.Fprintln(stderr, "singlecam preview:", engine.ExplainMotion(err))
					return
				}
				nw := preview.NewWindow(a, m, filepath.Base(p), nil)
				nw.SetActions(exportButton(a, nw, p, stderr))
				nw.Show()
				nw.Player.Play()
			})
		}()
	}
	return &widget.Button{Text: "Export for…", Icon: theme.DocumentSaveIcon(), OnTapped: func() {
		o := w.Options() // what the window plays: its animation, axis and unit
		preview.Exporter{Write: engine.Export, Open: open, Read: &o, Clean: w.CleanUp.Options}.Show([]string{path}, "", w)
	}}
}
