package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tester 4: Tab reached the jobs list with no sign of it. The list shows
// the ring while it has the focus, and not after.
func TestAListShowsItHasTheFocus(t *testing.T) {
	test.NewTempApp(t)
	l := NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("row") }, func(widget.ListItemID, fyne.CanvasObject) {})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 200))
	ring := test.WidgetRenderer(l).(*ringRenderer).ring
	if ring.Visible() {
		t.Fatal("a ring before the list has the focus")
	}
	w.Canvas().Focus(l)
	if !ring.Visible() {
		t.Error("no ring while the list has the focus")
	}
	w.Canvas().Unfocus()
	if ring.Visible() {
		t.Error("the ring stays after the focus left")
	}
}
