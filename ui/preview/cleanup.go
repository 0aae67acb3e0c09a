package preview

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/clean"
	"singlecam/ui/kit"
)

// CleanUp is the Clean up section of the player and of the Export and
// Apply dialogs: what to do with the feet, how much to smooth, and the
// numbers that judge the result. Its widgets are fields so tests drive them.
type CleanUp struct {
	Feet   *widget.Select
	Smooth *widget.Slider
	// Show switches the player between the motion before and after
	// clean-up; nil in the dialogs.
	Show *kit.Radio
	// Table shows each number under its name, before → after, one row per
	// actor; hidden while there are none.
	Table *fyne.Container
	// Intro says, above the table, what the file written holds (in the
	// Apply window); hidden while empty.
	Intro *widget.Label
	// Numbers says in words what the table does not: a message in place of
	// the numbers (nothing to clean, cleaning up, why it could not), an
	// actor whose legs are not found, and any number that got worse.
	// Hidden while it has nothing to say.
	Numbers *widget.Label
	// Help says what the numbers mean: in a dialog over Parent, or (no
	// Parent) by showing and hiding HelpText under the section.
	Help     *kit.Button
	HelpText *widget.Label
	Parent   fyne.Window
	// OnChanged runs when the feet or the smoothing change.
	OnChanged func(clean.Options)

	smoothValue *widget.Label
	table       *fyne.Container // Table's cells
	keep        *widget.Label   // the player's KeepHint, where Numbers shows when it has words
	perRow      int             // numbers side by side in the table
	text        string          // all of it in words, as Text gives it
	content     fyne.CanvasObject
}

// The feet modes as the section offers them, in clean.FeetModes' order.
var feetLabels = []string{
	"Auto: planted, slides kept",
	"Lock: planted feet stay put",
	"Ground: feet may glide",
	"Off: as captured",
}

// The player's two views.
const (
	ShowBefore = "Before"
	ShowAfter  = "After"
)

// NewCleanUp makes the section showing o; toggle adds the Before/After
// switch (the player's).
func NewCleanUp(o clean.Options, toggle bool) *CleanUp {
	c := &CleanUp{}
	// A click on the section's controls leaves the focus where it was
	// (kit's NoClickFocus): Space goes on playing and pausing the player.
	feetSelect := kit.NewSelect(feetLabels, func(string) { c.changed() })
	feetSelect.NoClickFocus = true
	c.Feet = &feetSelect.Select
	smooth := kit.NewSlider(0, 1)
	smooth.Step = 0.05
	c.Smooth = &smooth.Slider
	c.smoothValue = widget.NewLabel("")
	c.Numbers = widget.NewLabel("")
	c.Numbers.Wrapping = fyne.TextWrapWord
	c.Numbers.Hide()
	c.Intro = widget.NewLabel("")
	c.Intro.Wrapping = fyne.TextWrapWord
	c.Intro.Hide()
	// The player's window has room for every number in a row; a dialog's
	// panel for half of them.
	c.perRow = len(numberNames)
	if !toggle {
		c.perRow = len(numberNames) / 2
	}
	c.table = container.New(&tableLayout{cols: c.perRow})
	// A window too narrow for every column scrolls it rather than cut it.
	c.Table = container.NewStack(container.NewHScroll(c.table))
	c.Table.Hide()
	c.set(o)
	c.Feet.OnChanged = func(string) { c.changed() }
	c.Smooth.OnChangeEnded = func(float64) { c.changed() }
	c.Smooth.OnChanged = func(v float64) { c.smoothValue.SetText(smoothText(v)) }
	feet := container.NewGridWrap(fyne.NewSize(270, c.Feet.MinSize().Height), feetSelect)
	c.HelpText = widget.NewLabel(NumbersHelp)
	c.HelpText.Wrapping = fyne.TextWrapWord
	c.HelpText.Hide()
	c.Help = kit.NewButton("What the numbers mean", theme.QuestionIcon(), c.toggleHelp)
	c.Help.Importance = widget.LowImportance
	var parts []fyne.CanvasObject
	if toggle {
		// The player: its title, the feet's choice at its own width and
		// the smoothing taking the rest on one row, so the player keeps
		// its height.
		title := widget.NewLabelWithStyle("Clean up", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		parts = append(parts, kit.NewBorder(nil, nil, // Tab in reading order: the feet, then the smoothing
			container.NewHBox(title, widget.NewLabel("Feet"), feet, widget.NewLabel("Smoothing")), c.smoothValue, smooth))
		c.Show = kit.NewRadio([]string{ShowBefore, ShowAfter}, nil)
		c.Show.Selected = ShowBefore
		parts = append(parts, container.NewHBox(widget.NewLabel("Show"), c.Show,
			widget.NewLabel("After: the original is the faint ghost, green marks are planted feet. Numbers: before \u2192 after.")))
	} else {
		// A dialog's side panel is narrow: the smoothing gets a row of its
		// own, its whole width, rather than what the feet leave of one.
		parts = append(parts,
			container.NewHBox(widget.NewLabel("Feet"), feet),
			container.NewBorder(nil, nil, widget.NewLabel("Smoothing"), c.smoothValue, smooth))
	}
	if toggle {
		// The player only shows the clean-up: say where it is kept, and
		// what the numbers mean, on one row; what got worse (or a message)
		// takes the hint's place there, so the player does not jump while
		// it plays as a clean-up's words come and go.
		c.keep = widget.NewLabelWithStyle(KeepHint, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		c.keep.Truncation = fyne.TextTruncateEllipsis
		parts = append(parts, c.Intro, c.Table, container.NewBorder(nil, nil, nil, c.Help, container.NewStack(c.keep, c.Numbers)))
	} else {
		parts = append(parts, c.Intro, c.Table, c.Numbers, container.NewHBox(c.Help))
	}
	parts = append(parts, c.HelpText)
	c.content = container.NewVBox(parts...)
	return c
}

// toggleHelp shows or hides what the numbers mean.
func (c *CleanUp) toggleHelp() {
	if c.Parent != nil {
		// Over the window, so the player keeps its height.
		width := min(float32(560), c.Parent.Canvas().Size().Width-120)
		// A blank line between the numbers, not a wall of text.
		kit.Tell(c.Parent, "What the numbers mean", kit.Wrapped(strings.ReplaceAll(NumbersHelp, "\n", "\n\n"), max(width, 280)), "Close")
		return
	}
	if c.HelpText.Visible() {
		c.HelpText.Hide()
	} else {
		c.HelpText.Show()
	}
}

// Object is the section, to put in a dialog or a window.
func (c *CleanUp) Object() fyne.CanvasObject { return c.content }

// set shows o without calling OnChanged.
func (c *CleanUp) set(o clean.Options) {
	feet := o.Feet
	if feet == "" {
		feet = clean.Off
	}
	for i, m := range clean.FeetModes {
		if m == feet {
			c.Feet.Selected = feetLabels[i]
		}
	}
	c.Feet.Refresh()
	c.Smooth.Value = o.Smooth
	c.Smooth.Refresh()
	c.smoothValue.SetText(smoothText(o.Smooth))
}

// CleanSentence says what a clean-up does to the file written, in the words
// of the section, so a dialog makes plain whether the file is cleaned.
func CleanSentence(o clean.Options) string {
	if o.None() {
		return "Not cleaned up: the motion is written as captured."
	}
	feet := o.Feet
	if feet == "" {
		feet = clean.Off
	}
	label := ""
	for i, m := range clean.FeetModes {
		if m == feet {
			label = feetLabels[i]
		}
	}
	smooth := "no smoothing"
	if o.Smooth > 0 {
		smooth = "smoothing " + strconv.FormatFloat(o.Smooth, 'f', 2, 64)
	}
	return "Cleaned up before writing: feet \u201c" + label + "\u201d, " + smooth + "."
}

func smoothText(v float64) string {
	if v == 0 {
		return "off "
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// Options returns the clean-up the section shows.
func (c *CleanUp) Options() clean.Options {
	o := clean.Options{Feet: clean.Off, Smooth: c.Smooth.Value}
	if i := c.Feet.SelectedIndex(); i >= 0 {
		o.Feet = clean.FeetModes[i]
	}
	return o
}

func (c *CleanUp) changed() {
	if c.OnChanged != nil {
		c.OnChanged(c.Options())
	}
}

// SetReports shows the numbers of a clean-up: a row of the table per
// actor with legs, and in words an actor without them and any number that
// got worse.
func (c *CleanUp) SetReports(reps []clean.Report) { c.SetReportsAfter("", reps) }

// SetReportsAfter is SetReports with a sentence before the numbers (what
// the file written holds).
func (c *CleanUp) SetReportsAfter(intro string, reps []clean.Report) {
	c.table.Objects = nil
	var words []string
	show(c.Intro, intro)
	many := len(reps) > 1
	var rows [][]string // each actor's cells, Actor N first when there are several
	for i, r := range reps {
		who := ""
		if many {
			who = fmt.Sprintf("Actor %d: ", i+1)
		}
		if !r.Legs {
			words = append(words, fmt.Sprintf("%sIts legs are not found, so it is only smoothed: jitter %s.", who, clean.ShowChange(r.Before.Jitter, r.After.Jitter)))
		} else {
			cells := numberCells(r)
			if many {
				cells[0] = fmt.Sprintf("Actor %d  ", i+1) + cells[0]
			}
			rows = append(rows, cells)
		}
		for _, f := range r.Worse() {
			words = append(words, who+f.Sentence())
		}
		if r.Legs && r.InPlace && c.Options().Feet == clean.Auto {
			// Auto leaves a treadmill walk's feet: say so, or its skate
			// reads as clean-up failing.
			words = append(words, who+InPlaceNote)
		}
	}
	// The names over their numbers, a band of c.perRow at a time.
	for start := 0; len(rows) > 0 && start < len(numberNames); start += c.perRow {
		end := min(start+c.perRow, len(numberNames))
		for _, n := range numberNames[start:end] {
			h := widget.NewLabel(n)
			h.Importance = widget.LowImportance
			c.table.Add(h)
		}
		for _, cells := range rows {
			for _, v := range cells[start:end] {
				c.table.Add(widget.NewLabel(v))
			}
		}
	}
	c.text = strings.TrimPrefix(intro+"\n"+Describe(reps), "\n")
	if w := strings.Join(words, "\n"); strings.Contains(w, InPlaceNote) {
		c.text += "\n" + InPlaceNote
	}
	if len(c.table.Objects) > 0 {
		c.Table.Show()
	} else {
		c.Table.Hide()
	}
	c.table.Refresh()
	c.say(strings.Join(words, "\n"))
}

// SetMessage shows msg in place of the numbers: nothing to clean, cleaning
// up, why it could not.
func (c *CleanUp) SetMessage(msg string) {
	c.table.Objects = nil
	c.Table.Hide()
	show(c.Intro, "")
	c.text = msg
	c.say(msg)
}

// Text is what the section tells, in words: the message, or the sentence
// and the numbers (Describe's), as the terminal prints them.
func (c *CleanUp) Text() string { return c.text }

func (c *CleanUp) say(s string) {
	show(c.Numbers, s)
	if c.keep != nil {
		c.keep.Hidden = s != ""
		c.keep.Refresh()
	}
}

// show sets l's text, and hides it while there is none.
func show(l *widget.Label, s string) {
	l.SetText(s)
	if s == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// numberNames head the table's columns, in numberCells' order: the names
// Describe and NumbersHelp give them.
var numberNames = []string{"Foot skate", "Jitter", "Planted feet, from the floor", "Lowest foot", "Joints moved", "Swing kept"}

// numberCells are r's numbers as the table shows them, before → after
// where both count, with a true minus sign.
func numberCells(r clean.Report) []string {
	b, a := r.Before, r.After
	minus := func(s string) string { return strings.ReplaceAll(s, "-", "\u2212") }
	return []string{
		clean.Show(b.Skate, 1) + " \u2192 " + clean.Show(a.Skate, 1) + " cm/s",
		// The change alone: m/s³ tell an animator nothing (Text keeps them).
		minus(clean.ShowChange(b.Jitter, a.Jitter)),
		minus(clean.ShowPlanted(b) + " \u2192 " + clean.ShowPlanted(a) + " cm"),
		minus(clean.ShowSigned(b.Lowest, 1) + " \u2192 " + clean.ShowSigned(a.Lowest, 1) + " cm"),
		clean.Show(a.Fidelity, 1) + " cm at most",
		clean.Show(a.SwingKept, 0) + " %",
	}
}

// Describe tells a clean-up's numbers, before → after, one line per actor,
// and then, in plain words, any number that got worse.
func Describe(reps []clean.Report) string {
	var lines []string
	for i, r := range reps {
		who := ""
		if len(reps) > 1 {
			who = fmt.Sprintf("Actor %d: ", i+1)
		}
		b, a := r.Before, r.After
		if !r.Legs {
			lines = append(lines, fmt.Sprintf("%sIts legs are not found, so it is only smoothed: jitter %s.", who, clean.ShowChange(b.Jitter, a.Jitter)))
		} else {
			// clean.Show: no "-0.0" for a number that rounds to nothing.
			lines = append(lines, fmt.Sprintf("%sFoot skate %s → %s cm/s · jitter %s · planted feet %s → %s cm · lowest foot %s → %s cm · joints moved %s cm at most · swing kept %s %%",
				who, clean.Show(b.Skate, 1), clean.Show(a.Skate, 1), clean.ShowChange(b.Jitter, a.Jitter),
				clean.ShowPlanted(b), clean.ShowPlanted(a),
				clean.ShowSigned(b.Lowest, 1), clean.ShowSigned(a.Lowest, 1), clean.Show(a.Fidelity, 1), clean.Show(a.SwingKept, 0)))
		}
		for _, f := range r.Worse() {
			lines = append(lines, who+f.Sentence())
		}
	}
	return strings.Join(lines, "\n")
}

// InPlaceNote says why Auto leaves the feet of a walk cycle in place
// (clean.Report.InPlace) sliding.
const InPlaceNote = "A walk cycle in place: its feet slide by design. Lock plants them where a stride turns."

// KeepHint tells, under the player's clean-up, how to keep the motion as
// After shows it.
const KeepHint = "Export for… and Apply to a character… write the motion as After shows it, with these settings."

// NumbersHelp says what each number means, in plain words, in the order
// Describe gives them: What the numbers mean shows it (in a dialog over
// the player and Export for…, under the Apply window's numbers), and
// `singlecam clean --help` prints it.
const NumbersHelp = `Foot skate: how far feet slide while they should stand still, in centimetres per second of standing. Lower is better; 0 means planted feet stay put.
Jitter: how much the joints shake from frame to frame (how fast their acceleration changes, in m/s³), and its change after clean-up: −50 % is half the shake.
Planted feet: how far feet that stand on the ground are from the floor, lowest to highest, in centimetres: below it (−) they sink, above it (+) they float. 0.0 means every planted foot is on the floor.
Lowest foot: the deepest any foot goes below the floor, at any moment (−: below).
Joints moved: the most any joint outside the legs moved from the capture (moving the whole body onto the floor aside). Small means the motion is still the capture's.
Swing kept: how much of the swing of wrists and ankles is kept (100 % = all of it). Strong smoothing lowers it.`
