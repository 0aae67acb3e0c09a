package preview

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/figure"
	"singlecam/core/motion/load"
	"singlecam/ui/kit"
)

// Window is a window with just the player, and a choice of animation when
// the file holds several.
type Window struct {
	fyne.Window
	Player     *Player
	Animations *widget.Select // nil when the file holds one animation or none
	// Choose asks for another of the file's animations (by index); the
	// opener reads it and calls SetMotion. Nil offers no choice.
	Choose func(animation int)
	// Reopen reads the file again with other options (an animation, the
	// up axis, the unit) and calls SetMotion; when set it is used instead
	// of Choose and the window offers to change how the file was read.
	Reopen func(o load.Options)
	// SpaceNote says how the file was read ("Read as Z up, centimetres"),
	// with ChangeSpace beside it when Reopen is set.
	SpaceNote   *widget.Label
	ChangeSpace *widget.Button
	opts        load.Options
	spaceDialog dialog.Dialog
	// SpaceAsk is the Change… dialog's widgets while it is open.
	SpaceAsk *SpaceAsk
	// found is the space the figure gave when the file was read with
	// nothing told (foundKnown), for the Change… dialog to say.
	found      load.Space
	foundKnown bool
	// Apply is "Apply to a character…", shown once OfferApply is called.
	Apply *widget.Button
	// CleanUp is the Clean up section under the player.
	CleanUp *CleanUp
	// Do runs a function on Fyne's goroutine; nil means fyne.Do.
	Do func(func())
	// OnClosed, when set, runs once the window closed (its opener forgets it).
	OnClosed func()
	motion   *load.Motion
	// cleaning counts clean-ups asked for: a result for an older one is
	// dropped (the options changed while it ran).
	cleaning int
	// figure is what clean-up stands the motion on (a character's mesh
	// soles, as `singlecam clean` and Export do), found once per motion;
	// nil until then.
	figure *figure.Figure
	// shown is set once the window has been shown: the first clean-up
	// runs then, not for a window never seen.
	shown bool
	// actions are the opener's other buttons (Export for…), at the top right.
	actions []fyne.CanvasObject
	choice  fyne.CanvasObject // the animation's label and select, or nil
	space   fyne.CanvasObject // how the file was read, and Change…
}

// Options are the reading options of the motion shown (its animation, up
// axis and unit as told), for an export of what the window plays.
func (w *Window) Options() load.Options {
	o := w.opts
	if w.motion != nil {
		o.Animation = w.motion.Chosen
	}
	return o
}

// OfferReopen lets the window read the file again with other options
// (animation, up axis, unit): reopen reads it and calls SetMotion. opts
// are the options the shown motion was read with.
func (w *Window) OfferReopen(opts load.Options, reopen func(o load.Options)) {
	w.opts, w.Reopen = opts, reopen
	w.SetMotion(w.motion)
}

// OfferApply shows an "Apply to a character…" button that calls apply.
func (w *Window) OfferApply(apply func()) {
	w.Apply = &widget.Button{Text: "Apply to a character…", Icon: theme.AccountIcon(), OnTapped: apply}
	w.layout()
}

// SetActions puts the opener's buttons (Export for…) at the top right.
func (w *Window) SetActions(buttons ...fyne.CanvasObject) {
	w.actions = buttons
	w.layout()
}

// layout puts the choice of animation and the buttons above the player.
func (w *Window) layout() {
	buttons := append([]fyne.CanvasObject(nil), w.actions...)
	if w.Apply != nil {
		buttons = append([]fyne.CanvasObject{w.Apply}, buttons...)
	}
	left := w.space
	if w.choice != nil {
		left = container.NewVBox(w.choice, w.space)
	}
	top := container.NewPadded(container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), left))
	// The section's title is on its first row (NewCleanUp), to leave
	// the player its height.
	bottom := container.NewPadded(container.NewVBox(widget.NewSeparator(), w.CleanUp.Object()))
	w.SetContent(kit.NewBorder(top, bottom, nil, nil, w.Player)) // Tab in reading order: the buttons above the player first
}

// quickClean bounds the clips (frames × joints) cleaned on the UI
// goroutine as a window opens: a minute at 120 fps of a 60-joint rig takes
// a fifth of a second, less than the window takes to appear.
const quickClean = 120 * 60 * 60

// clean runs the clean-up the section asks for and gives the result to the
// player: at once when sync holds and the clip is short, else off the UI
// goroutine.
func (w *Window) clean(o clean.Options, sync bool) {
	w.cleaning++
	gen, m, p := w.cleaning, w.motion, w.Player
	clip := m.Clip
	if w.figure == nil && !figure.Reads(m) {
		w.figure = figure.Joints(clip) // a motion file: nothing to read
	} else if w.figure == nil && sync && figure.Quick(m) {
		// A small character file reads again in milliseconds; a large
		// one is read with the clean-up, off this goroutine.
		if f, err := figure.Of(context.Background(), m); err == nil {
			w.figure = f.Light()
		}
	}
	fig := w.figure
	if o.None() {
		p.SetCleaned(nil)
		w.CleanUp.SetMessage("Nothing to clean up: choose what to do with the feet, or some smoothing.")
		return
	}
	show := func(res *clean.Result, err error) {
		if gen != w.cleaning {
			return
		}
		if err != nil {
			w.CleanUp.SetMessage(engine.ExplainMotion(err))
			return
		}
		p.SetCleaned(res)
		w.CleanUp.SetReports(res.Actors)
	}
	if sync && fig != nil && clip.Frames()*len(clip.Actors[0].Skeleton.Joints)*len(clip.Actors) <= quickClean {
		show(fig.Clean(context.Background(), clip, o))
		return
	}
	w.CleanUp.SetMessage("Cleaning up…")
	do := w.Do
	if do == nil {
		do = fyne.Do
	}
	go func() {
		ctx := context.Background()
		found := fig == nil
		if found {
			// A character file is read again for its mesh's soles.
			f, err := figure.Of(ctx, m)
			if err != nil {
				do(func() { show(nil, err) })
				return
			}
			fig = f.Light()
		}
		res, err := fig.Clean(ctx, clip, o)
		do(func() {
			if found && w.motion == m {
				w.figure = fig
			}
			show(res, err)
		})
	}()
}

// auto reports whether o leaves the up axis and the unit to be found.
func auto(o load.Options) bool {
	up, units := strings.ToLower(o.Up), strings.ToLower(o.Units)
	return (up == "" || up == "auto") && (units == "" || units == "auto") && o.Scale == 0
}

// NewWindow makes a window playing m, titled after the file name; call
// Show. Closing the window stops the player's clock.
func NewWindow(a fyne.App, m *load.Motion, name string, choose func(animation int)) *Window {
	w := &Window{Window: a.NewWindow(name + " — Singlecam preview"), Choose: choose}
	w.Resize(fyne.NewSize(960, 720))
	w.SetMotion(m)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.Player.TypedKey(ev) })
	w.SetOnClosed(func() {
		w.Player.Stop()
		if w.OnClosed != nil {
			w.OnClosed()
		}
	})
	// Ctrl+W (Cmd+W on a Mac) closes the player, as a document window
	// closes on every desktop.
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
	return w
}

// Hide hides the window and stops the player's clock while it is hidden.
func (w *Window) Hide() {
	w.Player.Hide()
	w.Window.Hide()
}

// Show shows the window, playing on if the player was playing.
func (w *Window) Show() {
	w.Window.Show()
	w.Player.Show()
	w.firstClean()
}

// ShowAndRun shows the window and runs the app (the terminal's preview).
func (w *Window) ShowAndRun() {
	w.firstClean()
	w.Window.ShowAndRun()
}

// firstClean runs the first clean-up once the window shows.
func (w *Window) firstClean() {
	if !w.shown {
		w.shown = true
		w.clean(w.CleanUp.Options(), true)
	}
}

// SetMotion shows m in place of what the window played. Playing goes on
// (reading the file another way, or choosing another animation, is no
// reason to stop), at the same frame when m is the same animation read
// again.
func (w *Window) SetMotion(m *load.Motion) {
	playing, frame := false, 0
	if w.Player != nil {
		playing, frame = w.Player.Playing(), w.Player.Frame()
		w.Player.Stop()
		if w.motion == nil || w.motion.Chosen != m.Chosen || w.motion.Clip.Frames() != m.Clip.Frames() {
			frame = 0
		}
	}
	if w.Reopen != nil && auto(w.opts) {
		w.found, w.foundKnown = m.Space, true
	}
	if m != w.motion {
		w.figure = nil
	}
	w.motion = m
	w.Player = NewPlayer(m.Clip)
	if frame > 0 {
		w.Player.Seek(frame)
	}
	if playing {
		w.Player.Play()
	}
	w.CleanUp = NewCleanUp(clean.Default, true)
	w.CleanUp.OnChanged = func(o clean.Options) { w.clean(o, false) }
	w.CleanUp.Parent = w.Window
	w.CleanUp.Show.OnChanged = func(v string) { w.Player.ShowCleaned(v == ShowAfter) }
	if w.shown {
		defer w.clean(w.CleanUp.Options(), true)
	}
	w.Animations = nil
	w.choice = nil
	if len(m.Animations) > 1 && (w.Choose != nil || w.Reopen != nil) {
		names := make([]string, len(m.Animations))
		for i, a := range m.Animations {
			name := a.Name
			if name == "" {
				name = fmt.Sprintf("Animation %d", i+1)
			}
			names[i] = fmt.Sprintf("%s (%s)", name, clock(a.Duration))
		}
		w.Animations = widget.NewSelect(names, nil)
		w.Animations.SetSelectedIndex(m.Chosen)
		w.Animations.OnChanged = func(string) {
			i := w.Animations.SelectedIndex()
			switch {
			case i == m.Chosen:
			case w.Reopen != nil:
				o := w.opts
				o.Animation = i
				w.opts = o
				w.Reopen(o)
			default:
				w.Choose(i)
			}
		}
		w.choice = container.NewBorder(nil, nil, widget.NewLabel("Animation"), nil, w.Animations)
	}
	w.space = w.spaceLine(m)
	w.layout()
}
