package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is Fyne's list with Button's focus ring around it while it has the
// keyboard focus. Fyne marks the row the arrows are on with its hover tint
// (about 1.1:1), and on the selected row with nothing at all: Tab reached
// the jobs list with no sign (tester 4).
type List struct {
	widget.List
	focused bool
}

// NewList makes a List, as widget.NewList does.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained draws the ring.
func (l *List) FocusGained() {
	l.focused = true
	l.List.FocusGained()
	l.Refresh()
}

// FocusLost takes the ring away.
func (l *List) FocusLost() {
	l.focused = false
	l.List.FocusLost()
	l.Refresh()
}

// CreateRenderer is Fyne's list with the focus ring laid over it.
func (l *List) CreateRenderer() fyne.WidgetRenderer {
	r := &ringRenderer{WidgetRenderer: l.List.CreateRenderer(), ring: newRing(), focused: func() bool { return l.focused }, widget: l}
	r.Refresh()
	return r
}
