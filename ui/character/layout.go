package character

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// panels lays out the bone panel and the player side by side when the
// window is wide enough for both at their smallest (1,180 px by default).
// When it is not, the player's row of controls (720 px) leaves a bone list
// beside it too narrow to read, so the panels stack, the bone panel above,
// if the window is tall enough for the bone list to show several rows above
// the player. If not (a 900×600 screen: the player needs 350 of the 460 px
// the panels get, and the bone list showed no row at all), they take turns:
// a switch above them shows one at a time, each with the whole room.
// Each panel scrolls what does not fit.
type panels struct {
	// share is the bone panel's share of the width (side by side) or of
	// the height (stacked), when the other panel has room left for its own.
	share float32
	// want is the bone panel's height that shows its heading and several
	// rows of the list.
	want func() float32
	// Box holds the switch between the panels (shown when they take
	// turns), the bone panel and the player, laid out by panels.
	Box *fyne.Container
	// Bones and Player are the switch's buttons; the one shown is filled.
	Bones, Player *widget.Button
	// showPlayer is the page shown when they take turns.
	showPlayer bool
	// playerShown is told each time the player starts or stops being
	// seen, so its clock runs only while it is.
	playerShown func(bool)
	shown, told bool      // what playerShown was last told, and whether it was
	playerMin   fyne.Size // the player's least size when last seen
}

// newPanels lays out the bone panel and the player; playerShown is told
// when the player starts or stops being seen.
func newPanels(share float32, want func() float32, bones, player fyne.CanvasObject, playerShown func(bool)) *panels {
	p := &panels{share: share, want: want, playerShown: playerShown}
	p.Bones = &widget.Button{Text: "Bones", Icon: theme.ListIcon(), OnTapped: func() { p.turn(false) }}
	p.Player = &widget.Button{Text: "Player", Icon: theme.MediaPlayIcon(), OnTapped: func() { p.turn(true) }}
	p.mark()
	p.Box = container.New(p, container.NewHBox(p.Bones, p.Player), bones, player)
	return p
}

// turn shows the player's page (or the bones') when the panels take turns.
func (p *panels) turn(player bool) {
	p.showPlayer = player
	p.mark()
	p.Box.Refresh()
}

// mark fills the button of the page shown.
func (p *panels) mark() {
	p.Bones.Importance, p.Player.Importance = widget.HighImportance, widget.MediumImportance
	if p.showPlayer {
		p.Bones.Importance, p.Player.Importance = widget.MediumImportance, widget.HighImportance
	}
	p.Bones.Refresh()
	p.Player.Refresh()
}

// MinSize is the smallest the panels can be: taking turns, the switch
// above the taller panel, as wide as the wider one.
func (p *panels) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s, a, b := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(max(s.Width, a.Width, b.Width), s.Height+theme.Padding()+max(a.Height, b.Height))
}

// Layout places the switch (objs[0]), the bone panel (objs[1]) and the
// player (objs[2]).
func (p *panels) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pages, bones, player := objs[0], objs[1], objs[2]
	a, b := bones.MinSize(), player.MinSize()
	pad := theme.Padding()
	// The bone panel is a scroll: its own minimum is a row; 300 px reads.
	const readable = 300
	// A player hidden by its page has no size of its own: it is as big as
	// when last seen, or the layout would flip between its modes.
	if p.shown {
		p.playerMin = b
	} else {
		b = b.Max(p.playerMin)
	}
	switch {
	case size.Width >= readable+b.Width+pad:
		w := max(a.Width, min(size.Width*p.share, size.Width-b.Width-pad))
		pages.Hide()
		place(bones, fyne.NewPos(0, 0), fyne.NewSize(w, size.Height))
		place(player, fyne.NewPos(w+pad, 0), fyne.NewSize(size.Width-w-pad, size.Height))
		p.tell(true)
	case size.Height >= p.want()+b.Height+pad:
		h := max(p.want(), min(size.Height*p.share, size.Height-b.Height-pad))
		pages.Hide()
		place(bones, fyne.NewPos(0, 0), fyne.NewSize(size.Width, h))
		place(player, fyne.NewPos(0, h+pad), fyne.NewSize(size.Width, size.Height-h-pad))
		p.tell(true)
	default:
		s := pages.MinSize()
		place(pages, fyne.NewPos(0, 0), s)
		shown, hidden := bones, player
		if p.showPlayer {
			shown, hidden = player, bones
		}
		place(shown, fyne.NewPos(0, s.Height+pad), fyne.NewSize(size.Width, size.Height-s.Height-pad))
		hidden.Hide()
		p.tell(p.showPlayer)
	}
}

// place shows o at pos, size big.
func place(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	o.Move(pos)
	o.Resize(size)
	if !o.Visible() {
		o.Show()
	}
}

// tell says whether the player is seen, when that changed.
func (p *panels) tell(seen bool) {
	if p.told && p.shown == seen {
		return
	}
	p.told, p.shown = true, seen
	if p.playerShown != nil {
		p.playerShown(seen)
	}
}

// shorter lets its one object be shorter than its least height, down to
// height: a player squeezed by the controls under it shows a smaller
// picture rather than push them out of sight.
type shorter struct{ height float32 }

// MinSize is the object's width, and height.
func (s shorter) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, s.height)
}

// Layout gives the object all the room.
func (s shorter) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}
