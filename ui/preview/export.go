package preview

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/engine"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/export"
	"singlecam/core/motion/load"
	"singlecam/ui/kit"
)

// ExportDialog is the Export for… dialog: a preset, its settings (which
// the user may change under Custom), and the files it will write, shown
// before anything is written.
type ExportDialog struct {
	dialog.Dialog
	Preset  *kit.Select
	About   *widget.Label
	Names   *kit.Select
	Format  *kit.Radio
	Rate    *kit.Select
	Up      *kit.Radio
	Units   *kit.Radio
	TPose   *kit.Check
	InPlace *kit.Check
	// CleanUp is the clean-up run before exporting: the player's when the
	// dialog is opened from it, else clean.Default (what the player starts
	// with), so the file is the motion the user watched.
	CleanUp *CleanUp
	// ToCleanUp scrolls the settings down to the clean-up.
	ToCleanUp *kit.Button
	// Files lists what Export will write, or why it cannot.
	Files *widget.Label
	// Folder is where the files go, from the root, shortened at its
	// separators when long (the whole of it on hover).
	Folder *kit.PathLabel
	Export *kit.Button

	form     *widget.Form
	scroll   *kit.Scroll
	parent   fyne.Window
	folder   *fyne.Container // the Folder line, hidden when nothing can be written
	files    *fyne.Container // "It will write", the folder and the files, under the settings
	hasTPose bool            // some source starts in a T-pose that DropTPose would drop
	sources  []export.Source
	presets  []export.Preset
	chosen   export.Preset
	plan     []export.File
	filling  bool
	do       func(func())
	writer   func(context.Context, []export.File) ([]string, error)
	done     func(written []string, err error)
}

// Names, formats and rates as the dialog shows them.
var (
	formatLabels = []string{"GLB", "BVH", "VRMA"}
	upLabels     = []string{"Y up", "Z up"}
	unitLabels   = []string{"Metres", "Centimetres"}
)

// newExportDialog makes the dialog for sources (read already) over parent;
// done runs on the UI goroutine with the files written, or the error.
// do runs a function on Fyne's goroutine, write writes the files.
// cleanup is the clean-up the dialog starts with.
func newExportDialog(sources []export.Source, cleanup clean.Options, parent fyne.Window, do func(func()), write func(context.Context, []export.File) ([]string, error), done func(written []string, err error)) *ExportDialog {
	d := &ExportDialog{sources: sources, presets: export.Presets(), do: do, writer: write, done: done, parent: parent}
	for _, src := range sources {
		d.hasTPose = d.hasTPose || src.StartsWithTPose()
	}
	custom, _ := export.Lookup(export.Custom)
	d.presets = append(d.presets, custom)
	var titles []string
	for _, p := range d.presets {
		titles = append(titles, p.Title)
	}
	// A click on a drop-down leaves the focus where it was (on Export as
	// the dialog opens), so Escape and Return still answer after a preset
	// is chosen with the mouse (tester 4, t4-84..t4-90).
	d.Preset = kit.NewSelect(titles, func(string) { d.onPreset() })
	d.Preset.NoClickFocus = true
	d.About = widget.NewLabel("")
	d.About.Wrapping = fyne.TextWrapWord
	var names []string
	for _, n := range export.NameChoices() {
		names = append(names, export.NameTitle(n))
	}
	d.Names = kit.NewSelect(names, func(string) { d.onChange() })
	d.Names.NoClickFocus = true
	// The kit's radios and checks hear Escape (Fyne's give every key to
	// themselves): the dialog closes whatever has the focus.
	d.Format = kit.NewRadio(formatLabels, func(string) { d.onChange() })
	var rates []string
	for _, r := range export.Rates {
		rates = append(rates, rateLabel(r))
	}
	d.Rate = kit.NewSelect(rates, func(string) { d.onChange() })
	d.Rate.NoClickFocus = true
	d.Up = kit.NewRadio(upLabels, func(string) { d.onChange() })
	d.Units = kit.NewRadio(unitLabels, func(string) { d.onChange() })
	d.TPose = kit.NewCheck("Drop the T-pose first frame", func(bool) { d.onChange() })
	d.InPlace = kit.NewCheck("In place (remove the root's travel, keep its height)", func(bool) { d.onChange() })
	d.CleanUp = NewCleanUp(cleanup, false)
	d.CleanUp.OnChanged = func(clean.Options) { d.onChange() }
	d.CleanUp.Parent = parent
	d.Files = widget.NewLabel("")
	d.Files.Wrapping = fyne.TextWrapWord
	d.Folder = kit.NewPathLabel(sources[0].Dir)
	d.folder = container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, d.Folder)
	d.Export = kit.NewButton("Export", nil, d.write)
	d.Export.Importance = widget.HighImportance
	cancel := kit.NewButton("Cancel", nil, func() { d.Hide() })
	hide := func() { d.Hide() } // the dialog is made below
	d.Export.OnEscape, cancel.OnEscape = hide, hide

	d.form = widget.NewForm(
		widget.NewFormItem("Preset", d.Preset),
		widget.NewFormItem("", d.About),
		widget.NewFormItem("Bone names", d.Names),
		widget.NewFormItem("Format", d.Format),
		widget.NewFormItem("Frame rate", d.Rate),
		widget.NewFormItem("Up axis", d.Up),
		widget.NewFormItem("Units", d.Units),
		widget.NewFormItem("", d.TPose),
		widget.NewFormItem("", d.InPlace),
	)
	// The clean-up sits last among the settings, below the fold of a short
	// window: a button beside what will be written brings it into sight.
	d.ToCleanUp = kit.NewButton("Change the clean-up", theme.MoveDownIcon(), func() { d.scroll.ScrollToBottom() })
	d.ToCleanUp.Importance = widget.LowImportance
	files := container.NewVBox(
		container.NewBorder(nil, nil, nil, d.ToCleanUp, widget.NewLabelWithStyle("It will write, in", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		d.folder, d.Files)
	section := container.NewVBox(widget.NewLabelWithStyle("Clean up", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.CleanUp.Object())
	// The settings scroll inside the dialog when the window is short, so the
	// dialog keeps a margin and its buttons stay below the text instead of
	// over it; what it will write, and where, stays in sight under them.
	d.scroll = kit.NewVScroll(container.NewVBox(d.form, widget.NewSeparator(), section))
	d.files = files
	for _, o := range []fyne.CanvasObject{d.Preset, d.Names, d.Format, d.Rate, d.Up, d.Units, d.TPose, d.InPlace, section, files} {
		kit.EscapeCloses(o, hide) // a Form is no container: each of its widgets is told
	}
	cd := dialog.NewCustomWithoutButtons("Export for…", container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), files), nil, nil, d.scroll), parent)
	cd.SetButtons([]fyne.CanvasObject{cancel, d.Export})
	d.Dialog = cd
	d.Preset.SetSelectedIndex(0)
	d.fit()
	return d
}

func rateLabel(r float64) string {
	if r == 0 {
		return "As in the file"
	}
	return strconv.FormatFloat(r, 'f', -1, 64) + " fps"
}

// onPreset fills the settings from the chosen preset; only Custom lets
// them change (starting from what was shown).
func (d *ExportDialog) onPreset() {
	i := d.Preset.SelectedIndex()
	if i < 0 {
		return
	}
	p := d.presets[i]
	if p.Name == export.Custom {
		p.Settings = d.settings()
	}
	d.chosen = p
	if p.Name == export.Custom {
		d.About.SetText(p.Why)
	} else {
		d.About.SetText(p.Why + " Choose Custom to change these settings.")
	}
	d.filling = true
	s := p.Settings
	d.Names.SetSelected(export.NameTitle(s.Names))
	format := s.Format
	if format == "" {
		format = d.sources[0].Format
	}
	d.Format.SetSelected(strings.ToUpper(string(format)))
	d.Rate.SetSelected(rateLabel(s.FPS))
	d.Up.SetSelected(upLabels[boolIndex(s.Up == "z")])
	d.Units.SetSelected(unitLabels[boolIndex(s.Units == "cm")])
	d.TPose.SetChecked(s.DropTPose && d.hasTPose)
	d.InPlace.SetChecked(s.InPlace)
	d.filling = false
	for _, w := range []fyne.Disableable{d.Names, d.Format, d.Rate, d.Up, d.Units, d.TPose, d.InPlace} {
		if p.Name == export.Custom {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if !d.hasTPose {
		// An export of an export (or any motion that starts moving at
		// once) has no T-pose: the box is not ticked, as nothing is dropped.
		d.TPose.Text = "Drop the T-pose first frame (this motion has none)"
		d.TPose.Disable()
	}
	d.form.Refresh() // the labels follow their widgets' state
	d.onChange()
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// settings reads the settings the dialog shows.
func (d *ExportDialog) settings() export.Settings {
	s := export.Settings{DropTPose: d.TPose.Checked, InPlace: d.InPlace.Checked, Up: "y", Units: "m"}
	for _, n := range export.NameChoices() {
		if export.NameTitle(n) == d.Names.Selected {
			s.Names = n
		}
	}
	s.Format = export.Format(strings.ToLower(d.Format.Selected))
	if i := d.Rate.SelectedIndex(); i >= 0 {
		s.FPS = export.Rates[i]
	}
	if d.Up.Selected == upLabels[1] {
		s.Up = "z"
	}
	if d.Units.Selected == unitLabels[1] {
		s.Units = "cm"
	}
	return s
}

// onChange plans the files again and shows them, or why there are none.
func (d *ExportDialog) onChange() {
	if d.filling || d.chosen.Name == "" {
		return
	}
	s := d.chosen.Settings
	if d.chosen.Name == export.Custom {
		s = d.settings()
	}
	s.DropTPose = s.DropTPose && d.hasTPose
	s.Clean = d.CleanUp.Options()
	d.showCleanUp(s.Clean)
	plan, err := export.Plan(context.Background(), d.sources, d.chosen.Name, s)
	d.plan = nil
	if err != nil {
		d.Files.Importance = widget.DangerImportance
		d.Files.SetText(export.Explain(err))
		d.folder.Hide()
		d.Export.Disable()
		d.fit()
		return
	}
	d.plan = plan
	var lines []string
	for _, f := range plan {
		c := f.Clip
		lines = append(lines, filepath.Base(f.Path)+"  ("+strconv.Itoa(c.Frames())+" frames at "+strconv.FormatFloat(c.FPS, 'f', -1, 64)+" fps)")
	}
	d.Folder.SetPath(filepath.Dir(plan[0].Path))
	d.folder.Show()
	lines = append(lines, CleanSentence(s.Clean))
	for _, n := range plan[0].Notes {
		// What the export found (a T-pose dropped or kept), as a sentence.
		lines = append(lines, strings.ToUpper(n[:1])+n[1:]+".")
	}
	if s.Up == "z" {
		lines = append(lines, "Import it as Z up, forward −Y (Blender's BVH importer: Up Z, Forward -Y); this player, like any Y-up viewer, shows it lying down.")
	}
	d.Files.Importance = widget.MediumImportance
	d.Files.SetText(strings.Join(lines, "\n"))
	d.Export.Enable()
	d.fit()
}

// showCleanUp tells the numbers of the clean-up o on the first file, or
// that there is none. Clean-up is quick (a minute of capture in a fraction
// of a second), as the planning that shows the files already is.
func (d *ExportDialog) showCleanUp(o clean.Options) {
	if o.None() {
		d.CleanUp.SetMessage("No clean-up: choose what to do with the feet, or some smoothing, to clean up before exporting.")
		return
	}
	// On the figure the file is written from: a character by its mesh's
	// soles, as the player and `singlecam clean` do.
	res, err := d.sources[0].Figure.Clean(context.Background(), d.sources[0].Clip, o)
	if err != nil {
		d.CleanUp.SetMessage(engine.ExplainMotion(err))
		return
	}
	d.CleanUp.SetReports(res.Actors)
}

// fit sizes the dialog to what it shows now: 620 wide (less in a narrow
// window) and as tall as its content, but never closer than 40 px to the
// window's top and bottom; what does not fit scrolls.
func (d *ExportDialog) fit() {
	if d.Dialog == nil {
		return
	}
	win := d.parent.Canvas().Size()
	width, height := float32(620), d.scroll.Content.MinSize().Height
	if win.Width > 2*dialogMargin+300 {
		width = min(width, win.Width-2*dialogMargin)
	}
	if room := win.Height - 2*dialogMargin - dialogChrome - d.files.MinSize().Height; room > 120 {
		height = min(height, room)
	}
	d.scroll.SetMinSize(fyne.NewSize(width-2*theme.Padding(), max(height, 120)))
	d.Resize(fyne.NewSize(width, 0))
}

// dialogMargin is the room left around the dialog; dialogChrome is what
// Fyne's dialog adds to its content: title, padding and the button row.
const (
	dialogMargin = 40
	dialogChrome = 130
)

// write writes the planned files off the UI goroutine.
func (d *ExportDialog) write() {
	plan := d.plan
	if len(plan) == 0 {
		return
	}
	d.Export.Disable()
	d.Files.SetText("Writing…")
	go func() {
		written, err := d.writer(context.Background(), plan)
		d.do(func() {
			d.Hide()
			d.done(written, err)
		})
	}()
}

// Exporter shows the Export for… dialog for motion files.
type Exporter struct {
	// Write writes the planned files (engine.Export: the front ends change
	// the disk through the engine).
	Write func(context.Context, []export.File) ([]string, error)
	// Do runs a function on Fyne's goroutine; nil means fyne.Do.
	Do func(func())
	// Open plays a written file; nil offers no preview.
	Open func(path string)
	// Status shows a line about the result; nil shows none.
	Status func(msg string)
	// Shown, when set, receives each dialog as it opens (for tests).
	Shown func(*ExportDialog)
	// Read, when set, is how to read the files (the player's animation, up
	// axis and unit, as its window shows them); nil reads each as Open
	// finds it.
	Read *load.Options
	// Clean, when set, gives the clean-up the dialog starts with (the
	// player's section, read as the dialog opens); nil starts with
	// clean.Default, as the player does.
	Clean func() clean.Options
}

func (e Exporter) do(f func()) {
	if e.Do != nil {
		e.Do(f)
		return
	}
	fyne.Do(f)
}

// Show reads the motion files at paths (off the UI goroutine), then shows
// the dialog over parent; base names the outputs (a job's name, or
// export.BaseName of the first file when empty). The outcome is told in a
// dialog that offers to play the first file written.
func (e Exporter) Show(paths []string, base string, parent fyne.Window) {
	cleanup := clean.Default
	if e.Clean != nil {
		cleanup = e.Clean()
	}
	go func() {
		var sources []export.Source
		var err error
		for _, p := range paths {
			var src export.Source
			if e.Read != nil {
				var m *load.Motion
				if m, err = load.OpenWith(context.Background(), p, *e.Read); err != nil {
					break
				}
				src, err = export.SourceOf(context.Background(), p, base, m)
			} else {
				src, err = export.Open(context.Background(), p, base)
			}
			if err != nil {
				break
			}
			sources = append(sources, src)
		}
		e.do(func() {
			if err != nil {
				kit.Inform(parent, "Export for…", export.Explain(err))
				return
			}
			d := newExportDialog(sources, cleanup, parent, e.do, e.Write, func(written []string, err error) { e.exported(written, err, parent) })
			d.Show()
			// Export has the focus: Return exports what the dialog shows,
			// Escape cancels.
			parent.Canvas().Focus(d.Export)
			if e.Shown != nil {
				e.Shown(d)
			}
		})
	}()
}

// exported says what an export wrote, and offers to play it.
func (e Exporter) exported(written []string, err error, parent fyne.Window) {
	if err != nil {
		msg := export.Explain(err)
		if !strings.HasPrefix(msg, "Nothing was exported") { // said once, not twice in one sentence
			msg = "Nothing was exported. " + msg
		}
		kit.Inform(parent, "Export for…", msg)
		return
	}
	var names []string
	for _, w := range written {
		names = append(names, filepath.Base(w))
	}
	msg := "Exported " + strings.Join(names, ", ") + " beside the originals."
	if e.Status != nil {
		e.Status(msg)
	}
	var more []fyne.CanvasObject
	var done dialog.Dialog
	if e.Open != nil {
		preview := kit.NewButton("Preview it", nil, func() {
			done.Hide()
			e.Open(written[0])
		})
		preview.Importance = widget.HighImportance
		more = append(more, preview)
	}
	// Close has the focus: Return and Escape close, as after any message.
	done = kit.Tell(parent, "Exported", kit.Wrapped(msg, 420), "Close", more...)
}
