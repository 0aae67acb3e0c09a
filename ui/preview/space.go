package preview

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/load"
)

// The choices the space dialog offers, as load.Options takes them; the
// first of each ("auto") is shown with what was found.
var (
	upChoices   = []string{"", "Y up", "Z up"}
	upValues    = []string{"auto", "y", "z"}
	unitChoices = []string{"", "Metres", "Centimetres", "Millimetres", "Inches", "Metres per unit…"}
	unitValues  = []string{"auto", "m", "cm", "mm", "in", "scale"}
	unitMetres  = map[string]float64{"m": 1, "cm": 0.01, "mm": 0.001, "in": 0.0254}
)

// SpaceAsk is the open "How to read this file" dialog's widgets, kept for
// tests: what was found, the choices, a custom scale, and the figure's
// height under the chosen reading.
type SpaceAsk struct {
	Found, Size *widget.Label
	Up, Units   *widget.Select
	Scale       *widget.Entry // metres per unit, for the last of Units
	Apply       func()        // reads the file again as chosen (Read again)
}

// spaceLine says how the file was read ("Z up, centimetres") with a
// Change… button when the opener can read it again another way.
func (w *Window) spaceLine(m *load.Motion) fyne.CanvasObject {
	text := "Read as " + m.Space.Describe()
	if m.Space.UpFound || m.Space.UnitsFound {
		text += " (found from the figure)"
	}
	w.SpaceNote = widget.NewLabel(text)
	if w.Reopen == nil {
		return w.SpaceNote
	}
	w.ChangeSpace = widget.NewButton("Change…", func() { w.askSpace(m) })
	return container.NewHBox(w.SpaceNote, w.ChangeSpace)
}

// askSpace asks for the up axis and unit (or a scale), saying what was
// found and how tall the figure would be, then reads the file again.
func (w *Window) askSpace(m *load.Motion) {
	found, known := w.found, w.foundKnown
	if !known {
		found = m.Space // read as told: what was found is not known
	}
	ask := &SpaceAsk{Found: widget.NewLabel(""), Size: widget.NewLabel("")}
	ask.Found.Wrapping = fyne.TextWrapWord
	ask.Size.Wrapping = fyne.TextWrapWord
	ups := append([]string{"As found: " + found.Up + " up"}, upChoices[1:]...)
	units := append([]string{"As found: " + load.UnitName(found.MetresPerUnit)}, unitChoices[1:]...)
	foundTitle := "Found from the figure"
	if !found.UpFound && !found.UnitsFound {
		foundTitle = "As the file gives it" // glTF's metres, a Y-up figure
	}
	ask.Found.SetText(found.Up + " up, " + load.UnitName(found.MetresPerUnit))
	if !known {
		foundTitle = "Read as told"
		ups[0], units[0] = "Find from the figure", "Find from the figure"
	}
	ask.Up = widget.NewSelect(ups, nil)
	ask.Units = widget.NewSelect(units, nil)
	ask.Scale = widget.NewEntry()
	ask.Scale.SetPlaceHolder("such as 0.056444 for CMU's captures")
	ask.Up.SetSelectedIndex(indexOf(upValues, strings.ToLower(w.opts.Up)))
	ask.Units.SetSelectedIndex(indexOf(unitValues, strings.ToLower(w.opts.Units)))
	if w.opts.Scale > 0 {
		ask.Units.SetSelectedIndex(len(unitValues) - 1)
		ask.Scale.SetText(strconv.FormatFloat(w.opts.Scale, 'f', -1, 64))
	}
	// The rest height in the file's own units, to say how tall each
	// reading makes the figure (0: not a figure Singlecam measures).
	units0 := 0.0
	if m.Space.MetresPerUnit > 0 {
		units0 = m.Space.Height / m.Space.MetresPerUnit
	}
	metres := func() (float64, bool) {
		switch v := unitValues[max(ask.Units.SelectedIndex(), 0)]; v {
		case "auto":
			return found.MetresPerUnit, true
		case "scale":
			s, err := strconv.ParseFloat(strings.TrimSpace(ask.Scale.Text), 64)
			return s, err == nil && s > 0 && s < 1e6
		default:
			return unitMetres[v], true
		}
	}
	ask.Scale.Validator = func(string) error {
		if unitValues[max(ask.Units.SelectedIndex(), 0)] != "scale" {
			return nil
		}
		if _, ok := metres(); !ok {
			return fmt.Errorf("give the size of one unit in metres")
		}
		return nil
	}
	update := func() {
		custom := unitValues[max(ask.Units.SelectedIndex(), 0)] == "scale"
		if custom {
			ask.Scale.Enable()
		} else {
			ask.Scale.Disable()
		}
		ask.Scale.Validate()
		u, ok := metres()
		switch {
		case !ok:
			ask.Size.SetText("Give the size of one of the file's units in metres.")
			ask.Size.Importance = widget.MediumImportance
		case units0 <= 0:
			ask.Size.SetText("")
		case !load.Plausible(units0 * u):
			ask.Size.SetText("The figure would be " + height(units0*u) + " tall, not a person's size: check the unit.")
			ask.Size.Importance = widget.DangerImportance
		default:
			ask.Size.SetText("The figure will be " + height(units0*u) + " tall.")
			ask.Size.Importance = widget.MediumImportance
		}
		ask.Size.Refresh()
	}
	ask.Units.OnChanged = func(string) { update() }
	ask.Scale.OnChanged = func(string) { update() }
	update()
	ask.Apply = func() {
		o := w.opts
		o.Up, o.Units, o.Scale = upValues[max(ask.Up.SelectedIndex(), 0)], unitValues[max(ask.Units.SelectedIndex(), 0)], 0
		if o.Units == "scale" {
			u, ok := metres()
			if !ok {
				return
			}
			o.Units, o.Scale = "", u
		}
		o.Animation = m.Chosen
		w.opts = o
		w.Reopen(o)
	}
	form := []*widget.FormItem{
		widget.NewFormItem(foundTitle, ask.Found),
		widget.NewFormItem("Up", ask.Up),
		widget.NewFormItem("Units", ask.Units),
		{Text: "Metres per unit", Widget: ask.Scale, HintText: "the length of one of the file's units, in metres"},
		widget.NewFormItem("", ask.Size),
	}
	d := dialog.NewForm("How to read this file", "Read again", "Cancel", form, func(ok bool) {
		if ok {
			ask.Apply()
		}
	}, w.Window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.spaceDialog, w.SpaceAsk = d, ask
}

// height says a figure's height as people do: 26 cm, 1.75 m.
func height(m float64) string {
	if m < 1 {
		return fmt.Sprintf("%.0f cm", m*100)
	}
	return fmt.Sprintf("%.2f m", m)
}

func indexOf(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return 0
}
