package preview

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/clean"
)

// CleanUp is the Clean up section of the player and of the Export and
// Apply dialogs: what to do with the feet, how much to smooth, and the
// numbers that judge the result. Its widgets are fields so tests drive them.
type CleanUp struct {
	Feet   *widget.Select
	Smooth *widget.Slider
	// Show switches the player between the motion before and after
	// clean-up; nil in the dialogs.
	Show *widget.RadioGroup
	// Numbers tells the result's numbers, before → after.
	Numbers *widget.Label
	// Help says what the numbers mean, folded until opened.
	Help *widget.Accordion
	// OnChanged runs when the feet or the smoothing change.
	OnChanged func(clean.Options)

	smoothValue *widget.Label
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
	c.Feet = widget.NewSelect(feetLabels, func(string) { c.changed() })
	c.Smooth = &widget.Slider{Min: 0, Max: 1, Step: 0.05, Orientation: widget.Horizontal}
	c.smoothValue = widget.NewLabel("")
	c.Numbers = widget.NewLabel("")
	c.Numbers.Wrapping = fyne.TextWrapWord
	c.set(o)
	c.Feet.OnChanged = func(string) { c.changed() }
	c.Smooth.OnChangeEnded = func(float64) { c.changed() }
	c.Smooth.OnChanged = func(v float64) { c.smoothValue.SetText(smoothText(v)) }
	feet := container.NewGridWrap(fyne.NewSize(270, c.Feet.MinSize().Height), c.Feet)
	var parts []fyne.CanvasObject
	if toggle {
		// The player: one row, the feet's choice at its own width, the
		// smoothing taking the rest, so the player keeps its height.
		parts = append(parts, container.NewBorder(nil, nil,
			container.NewHBox(widget.NewLabel("Feet"), feet, widget.NewLabel("Smoothing")), c.smoothValue, c.Smooth))
	} else {
		// A dialog's side panel is narrow: the smoothing gets a row of its
		// own, its whole width, rather than what the feet leave of one.
		parts = append(parts,
			container.NewHBox(widget.NewLabel("Feet"), feet),
			container.NewBorder(nil, nil, widget.NewLabel("Smoothing"), c.smoothValue, c.Smooth))
	}
	if toggle {
		c.Show = widget.NewRadioGroup([]string{ShowBefore, ShowAfter}, nil)
		c.Show.Horizontal = true
		c.Show.Selected = ShowBefore
		parts = append(parts, container.NewHBox(widget.NewLabel("Show"), c.Show,
			widget.NewLabel("(after: the original is the faint ghost; green marks are planted feet)")))
	}
	help := widget.NewLabel(NumbersHelp)
	help.Wrapping = fyne.TextWrapWord
	c.Help = widget.NewAccordion(widget.NewAccordionItem("What the numbers mean", help))
	parts = append(parts, c.Numbers)
	if toggle {
		// The player only shows the clean-up: say where it is kept.
		parts = append(parts, widget.NewLabelWithStyle(KeepHint, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	parts = append(parts, c.Help)
	c.content = container.NewVBox(parts...)
	return c
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

// SetReports shows the numbers of a clean-up, one line per actor with legs
// (or why there are none).
func (c *CleanUp) SetReports(reps []clean.Report) {
	c.Numbers.SetText(Describe(reps))
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

// KeepHint tells, under the player's clean-up, how to keep the motion as
// After shows it.
const KeepHint = "Export for… and Apply to a character… write the motion as After shows it, with these settings."

// NumbersHelp says what each number means, in plain words, in the order
// Describe gives them: the player shows it folded under the numbers.
const NumbersHelp = `Foot skate: how far feet slide while they should stand still, in centimetres per second of standing. Lower is better; 0 means planted feet stay put.
Jitter: how much the joints shake from frame to frame (how fast their acceleration changes, in m/s³), and its change after clean-up: −50 % is half the shake.
Planted feet: how far feet that stand on the ground are from the floor, lowest to highest, in centimetres: below it (−) they sink, above it (+) they float. 0.0 means every planted foot is on the floor.
Lowest foot: the deepest any foot goes below the floor, at any moment (−: below).
Joints moved: the most any joint outside the legs moved from the capture (moving the whole body onto the floor aside). Small means the motion is still the capture's.
Swing kept: how much of the swing of wrists and ankles is kept (100 % = all of it). Strong smoothing lowers it.`
