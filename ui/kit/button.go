package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Button is Fyne's button that Return and Enter press too, as on every
// desktop (Fyne's own answers only Space): the main flow works from the
// keyboard. OnEscape, when set, runs on Escape while the button has the
// focus: a dialog's buttons close it so. OnFocus, when set, runs when the
// button gains the focus: a form scrolls it into sight.
//
// A focused Button is drawn with a black (light theme) or white (dark) ring
// along its edge.
// Fyne marks focus by tinting the button with the focus colour, which on a
// blue (primary) button is blue on blue: Start and Open folder showed no
// focus at all. The ring reads at 3:1 or more against the button and
// against the window, in both themes (the test measures the pixels).
type Button struct {
	widget.Button
	OnEscape func()
	OnFocus  func()
	// FlatWhenDisabled draws the disabled button without its body, as
	// text and icon in the disabled colour: Fyne draws a disabled button
	// on a grey body that, in the light theme, looked like any other
	// button (tester 4: a disabled Start looked clickable).
	FlatWhenDisabled bool

	focused bool
	// importance is the button's own while FlatWhenDisabled flattens it.
	importance widget.Importance
	flattened  bool
}

// Disable turns the button off (flat, with FlatWhenDisabled).
func (b *Button) Disable() {
	if b.FlatWhenDisabled && !b.flattened {
		b.importance, b.flattened = b.Importance, true
		b.Importance = widget.LowImportance
	}
	b.Button.Disable()
}

// Enable turns the button on, with its own importance again.
func (b *Button) Enable() {
	if b.flattened {
		b.Importance, b.flattened = b.importance, false
	}
	b.Button.Enable()
}

// focusRingWidth is the ring's stroke, in Fyne units.
const focusRingWidth = 2

// NewButton makes a Button; set its Icon and Importance as on Fyne's.
func NewButton(text string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Return and Enter, and runs OnEscape on
// Escape; other keys are Fyne's.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// FocusGained draws the ring and runs OnFocus.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
	if b.OnFocus != nil {
		b.OnFocus()
	}
}

// FocusLost takes the ring away.
func (b *Button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// Focused says whether the button has the focus (and so its ring).
func (b *Button) Focused() bool { return b.focused }

// CreateRenderer is Fyne's button with the focus ring laid over it.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	r := &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), ring: newRing(), focused: b.Focused, widget: b}
	r.Refresh()
	return r
}

func newRing() *canvas.Rectangle {
	ring := canvas.NewRectangle(color.Transparent)
	ring.Hide()
	return ring
}

// ringRenderer lays a focus ring over a widget's own renderer.
type ringRenderer struct {
	fyne.WidgetRenderer
	ring    *canvas.Rectangle
	focused func() bool
	widget  interface{ Theme() fyne.Theme }
}

// Objects are the widget's own, then the ring on top; the widget's list
// may change (an icon added), so it is asked each time.
func (r *ringRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

// Layout lays out the widget and puts the ring along its edge.
func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.Position{})
	r.ring.Resize(size)
}

// ringColor is black on a light window, white on a dark one: Fyne's own
// text colours are greys (#565656 light) that a blue button swallows
// (1.5:1), while black reads at 4:1 on it and white at 5:1.
func ringColor(background color.Color) color.Color {
	if Contrast(color.Black, background) >= Contrast(color.White, background) {
		return color.Black
	}
	return color.White
}

// Refresh shows the ring in black or white of the current theme while the
// widget has the focus.
func (r *ringRenderer) Refresh() {
	th := r.widget.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.StrokeColor = ringColor(th.Color(theme.ColorNameBackground, v))
	r.ring.StrokeWidth = focusRingWidth
	r.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)
	if r.focused() {
		r.ring.Show()
	} else {
		r.ring.Hide()
	}
	r.WidgetRenderer.Refresh()
	r.ring.Refresh()
}
