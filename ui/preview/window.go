package preview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion/load"
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
	// Apply is "Apply to a character…", shown once OfferApply is called.
	Apply  *widget.Button
	motion *load.Motion
	// actions are the opener's other buttons (Export for…), at the top right.
	actions []fyne.CanvasObject
	choice  fyne.CanvasObject // the animation's label and select, or nil
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
	var top fyne.CanvasObject
	if w.choice != nil || len(buttons) > 0 {
		top = container.NewPadded(container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), w.choice))
	}
	w.SetContent(container.NewBorder(top, nil, nil, nil, w.Player))
}

// NewWindow makes a window playing m, titled after the file name; call
// Show. Closing the window stops the player's clock.
func NewWindow(a fyne.App, m *load.Motion, name string, choose func(animation int)) *Window {
	w := &Window{Window: a.NewWindow(name + " — Singlecam preview"), Choose: choose}
	w.Resize(fyne.NewSize(960, 640))
	w.SetMotion(m)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { w.Player.TypedKey(ev) })
	w.SetOnClosed(func() { w.Player.Stop() })
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
}

// SetMotion shows m in place of what the window played.
func (w *Window) SetMotion(m *load.Motion) {
	if w.Player != nil {
		w.Player.Stop()
	}
	w.motion = m
	w.Player = NewPlayer(m.Clip)
	w.Animations = nil
	w.choice = nil
	if len(m.Animations) > 1 && w.Choose != nil {
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
			if i := w.Animations.SelectedIndex(); i != m.Chosen {
				w.Choose(i)
			}
		}
		w.choice = container.NewBorder(nil, nil, widget.NewLabel("Animation"), nil, w.Animations)
	}
	w.layout()
}
