package character

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// panels lays out the bone panel and the player side by side when the
// window is wide enough for both at their smallest (1,180 px by default),
// and the bone panel above the player when it is not (a 900×600 screen):
// the player's row of controls is 720 px wide, which leaves a bone list
// beside it too narrow to read. Each panel scrolls what does not fit.
type panels struct {
	// share is the bone panel's share of the width (side by side) or of
	// the height (stacked), when the other panel has room left for its own.
	share float32
}

// MinSize is the stacked layout's: the wider panel's width, both heights.
func (p panels) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height+theme.Padding())
}

// Layout places the bone panel (objs[0]) and the player (objs[1]).
func (p panels) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	pad := theme.Padding()
	// The bone panel is a scroll: its own minimum is a row; 300 px reads.
	const readable = 300
	if size.Width >= readable+b.Width+pad {
		w := max(a.Width, min(size.Width*p.share, size.Width-b.Width-pad))
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(w, size.Height))
		objs[1].Move(fyne.NewPos(w+pad, 0))
		objs[1].Resize(fyne.NewSize(size.Width-w-pad, size.Height))
		return
	}
	h := max(a.Height, min(size.Height*p.share, size.Height-b.Height-pad))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, h+pad))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-h-pad))
}
