package uitest

import (
	"singlecam/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Texts gathers every label's and button's text under o.
func Texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *kit.Button:
			b.WriteString("[" + w.Text + "]\n")
		}
	})
	return b.String()
}

// Button finds the button labelled text under o, inside widgets too
// (a dialog's buttons sit in its renderer).
func Button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		if b, ok := o.(*kit.Button); ok && b.Text == text && found == nil {
			found = &b.Button
		}
	})
	if found == nil {
		t.Fatalf("no %q button in:\n%s", text, Texts(o))
	}
	return found
}

func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch w := o.(type) {
	case *kit.Button:
		return // its renderer is Fyne's button's, with nothing to find inside
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, visit)
		}
	case *container.Scroll:
		walk(w.Content, visit)
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walk(c, visit)
		}
	}
}

// ReturnKey is the Return key, as a key event.
func ReturnKey() *fyne.KeyEvent { return &fyne.KeyEvent{Name: fyne.KeyReturn} }
