package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
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

// PickFile opens the system's file dialog for one file (ui.FilePicker's
// Open); main sets it with NewApp so the player offers "Apply to a
// character…". It returns CancelledPick when nothing is chosen.
var (
	PickFile      func(title, kind string, extensions []string, dir string) (string, error)
	CancelledPick error
)

// NewApp makes the GUI app, for commands that open a window. main sets it
// when there is a desktop session (see HasDesktop), so that this package
// never needs a display driver (and its tests run without one); nil means
// no window can open here.
var NewApp func() fyne.App

// runPreview opens a window playing a motion file.
func runPreview(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := addSourceFlags(fs, false)
	paused := fs.Bool("paused", false, "open paused on the first frame instead of playing")
	stats := fs.Bool("stats", false, "print how many frames were drawn every 10 seconds (to measure the player)")
	char := fs.String("character", "", "open \"Apply to a character…\" with this GLB or VRM character instead of the player")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam preview [--animation NAME|N] [--list] [--paused] [--stats] [--character FILE.glb|.vrm]\n"+
			"                        [--source-units m|cm|mm|in|auto] [--source-scale N] [--source-up y|z|auto] FILE\n\n"+
			"Opens a window that plays the skeleton in a GLB, glTF, VRM, VRMA or BVH file, Move's motion data\n"+
			"JSON, or a ZIP of BVH or JSON files, standing up at its size (the up axis and unit are found from\n"+
			"the figure unless given).\n"+
			"Space plays and pauses, the arrows step, drag to turn, wheel to zoom, Shift-drag to pan.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := sf.check(); err != nil {
		fmt.Fprintln(stderr, "singlecam preview:", err)
		return 2
	}
	if strings.EqualFold(strings.TrimSpace(*sf.animation), "all") {
		fmt.Fprintln(stderr, "singlecam preview: the player plays one animation at a time: name one, or give its number (--list names them).")
		return 2
	}
	if *sf.list && fs.NArg() > 0 {
		if err := sf.listAnimations(context.Background(), fs.Args(), stdout); err != nil {
			fmt.Fprintln(stderr, "singlecam preview:", preview.Explain(err))
			return 1
		}
		return 0
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	if *char != "" {
		return previewOnCharacter(path, *char, stderr)
	}
	ms, err := sf.open(context.Background(), "preview", path, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "singlecam preview:", preview.Explain(err))
		return 1
	}
	m := ms[0].Motion
	if NewApp == nil {
		return NoDesktop(stderr, NoDisplaySet)
	}
	a := NewApp()
	var w *preview.Window
	w = preview.NewWindow(a, m, filepath.Base(path), func(i int) {
		go func() {
			m, err := load.OpenWith(context.Background(), path, sf.options(i))
			fyne.Do(func() {
				if err != nil {
					fmt.Fprintln(stderr, "singlecam preview:", preview.Explain(err))
					return
				}
				w.SetMotion(m)
			})
		}()
	})
	if PickFile != nil {
		w.OfferApply(func() {
			character.NewWindow(a, path, retarget.MotionName(path), character.Options{
				Pick: func(dir string) (string, error) {
					return PickFile("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), dir)
				},
				Cancelled: CancelledPick, Prefs: a.Preferences(),
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

// previewOnCharacter opens "Apply to a character…" for the motion at path
// with the character file char already chosen.
func previewOnCharacter(path, char string, stderr io.Writer) int {
	if !retarget.IsCharacterFile(char) {
		fmt.Fprintln(stderr, "singlecam preview:", character.Explain(retarget.ErrNotCharacter))
		return 1
	}
	if NewApp == nil {
		return NoDesktop(stderr, NoDisplaySet)
	}
	a := NewApp()
	opt := character.Options{Prefs: a.Preferences()}
	if PickFile != nil {
		opt.Cancelled = CancelledPick
		opt.Pick = func(dir string) (string, error) {
			return PickFile("Choose your character", "Characters (GLB, VRM)", retarget.PickerExtensions(), dir)
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
					fmt.Fprintln(stderr, "singlecam preview:", preview.Explain(err))
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
		preview.Exporter{Write: engine.Export, Open: open}.Show([]string{path}, "", w)
	}}
}
