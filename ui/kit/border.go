package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
)

// NewBorder is container.NewBorder keeping its objects in reading order:
// top, left, the middle, right, bottom. Tab follows the order objects were
// added in, not where they show, and Fyne's NewBorder puts the middle
// first: Tab reached a player before the buttons above it, and the main
// window's Settings (top right) after everything else.
func NewBorder(top, bottom, left, right fyne.CanvasObject, middle ...fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, left} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	objs = append(objs, middle...)
	for _, o := range []fyne.CanvasObject{right, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return &fyne.Container{Layout: layout.NewBorderLayout(top, bottom, left, right), Objects: objs}
}
