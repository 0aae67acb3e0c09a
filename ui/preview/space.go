package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/load"
)

// The choices the space dialog offers, as shown and as load.Options
// takes them.
var (
	upChoices   = []string{"Found from the figure", "Y up", "Z up"}
	upValues    = []string{"auto", "y", "z"}
	unitChoices = []string{"Found from the figure", "Metres", "Centimetres", "Millimetres", "Inches"}
	unitValues  = []string{"auto", "m", "cm", "mm", "in"}
)

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

// askSpace asks for the up axis and unit, then reads the file again.
func (w *Window) askSpace(m *load.Motion) {
	up := widget.NewSelect(upChoices, nil)
	units := widget.NewSelect(unitChoices, nil)
	up.SetSelectedIndex(indexOf(upValues, w.opts.Up))
	units.SetSelectedIndex(indexOf(unitValues, w.opts.Units))
	form := []*widget.FormItem{widget.NewFormItem("Up", up), widget.NewFormItem("Units", units)}
	d := dialog.NewForm("How to read this file", "Read again", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		o := w.opts
		o.Up, o.Units, o.Scale = upValues[up.SelectedIndex()], unitValues[units.SelectedIndex()], 0
		o.Animation = m.Chosen
		w.opts = o
		w.Reopen(o)
	}, w.Window)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	w.spaceDialog = d
}

func indexOf(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i
		}
	}
	return 0
}
