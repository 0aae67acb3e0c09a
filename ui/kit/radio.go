package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Radio is a choice of one among a few, side by side: each option is a
// Button with a radio mark, so Tab reaches each, Space or Return chooses
// it, its focus ring shows, and Escape runs OnEscape. Fyne's RadioGroup
// keeps its items (what has the focus) to itself: a dialog could not close
// on Escape while one of them had the focus.
type Radio struct {
	widget.BaseWidget
	// Options are the choices, in order; Buttons their buttons.
	Options []string
	Buttons []*Button
	// Selected is the option chosen.
	Selected string
	// OnChanged runs when the user (or SetSelected) changes the choice.
	OnChanged func(string)
	// OnEscape runs on Escape while one of the options has the focus.
	OnEscape func()
	box      *fyne.Container
}

// NewRadio makes a Radio of options, none chosen.
func NewRadio(options []string, changed func(string)) *Radio {
	r := &Radio{Options: options, OnChanged: changed}
	for _, o := range options {
		b := NewButton(o, theme.RadioButtonIcon(), func() { r.SetSelected(o) })
		b.Importance = widget.LowImportance
		b.OnEscape = func() {
			if r.OnEscape != nil {
				r.OnEscape()
			}
		}
		r.Buttons = append(r.Buttons, b)
	}
	objs := make([]fyne.CanvasObject, len(r.Buttons))
	for i, b := range r.Buttons {
		objs[i] = b
	}
	r.box = container.NewHBox(objs...)
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected chooses option, marks it, and runs OnChanged if it changed.
func (r *Radio) SetSelected(option string) {
	changed := option != r.Selected
	r.Selected = option
	r.Refresh()
	if changed && r.OnChanged != nil {
		r.OnChanged(option)
	}
}

// Disable greys every option: none can be chosen (a preset's fixed
// setting). Enable undoes it.
func (r *Radio) Disable() {
	for _, b := range r.Buttons {
		b.Disable()
	}
}

// Enable lets every option be chosen again.
func (r *Radio) Enable() {
	for _, b := range r.Buttons {
		b.Enable()
	}
}

// Disabled reports whether the options are greyed (Disable).
func (r *Radio) Disabled() bool { return len(r.Buttons) > 0 && r.Buttons[0].Disabled() }

// Refresh marks the chosen option.
func (r *Radio) Refresh() {
	r.mark()
	r.BaseWidget.Refresh()
}

// mark gives the chosen option's button the filled mark.
func (r *Radio) mark() {
	for i, b := range r.Buttons {
		icon := theme.RadioButtonIcon()
		if r.Options[i] == r.Selected {
			icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		}
		b.SetIcon(icon)
	}
}

// CreateRenderer is Fyne's hook for drawing the options.
func (r *Radio) CreateRenderer() fyne.WidgetRenderer {
	r.mark()
	return widget.NewSimpleRenderer(r.box)
}
