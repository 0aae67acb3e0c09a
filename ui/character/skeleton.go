package character

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Skeleton is a small front view of the character's rest skeleton, one
// line per bone, the selected bone (and the joint it ends at) drawn bold in
// the theme's primary colour, so a person sees which bone a row of the list
// is about.
type Skeleton struct {
	widget.BaseWidget
	pts      [][2]float64 // joint → (across, up) in the picture's unit square
	parent   []int
	selected int // the joint shown, or -1
	lines    []*canvas.Line
	dot      *canvas.Circle
}

// NewSkeleton draws s seen from the front (as roles.Find says the figure
// faces; its rest world's X and Y when it finds no figure).
func NewSkeleton(s *motion.Skeleton) *Skeleton {
	k := &Skeleton{selected: -1, dot: canvas.NewCircle(theme.Color(theme.ColorNamePrimary))}
	world := s.RestWorld()
	across, up := motion.Vec3{X: -1}, motion.Vec3{Y: 1}
	if h, err := roles.Find(s); err == nil {
		// Seen from the front, the figure's left is on the right.
		across, up = h.Left.Scale(-1), h.Up
	}
	lo, hi := [2]float64{1e300, 1e300}, [2]float64{-1e300, -1e300}
	for i, j := range s.Joints {
		p := world[i].Translation()
		q := [2]float64{p.Dot(across), p.Dot(up)}
		k.pts = append(k.pts, q)
		k.parent = append(k.parent, j.Parent)
		if j.Kind != motion.Node {
			lo = [2]float64{min(lo[0], q[0]), min(lo[1], q[1])}
			hi = [2]float64{max(hi[0], q[0]), max(hi[1], q[1])}
		}
	}
	size := max(hi[0]-lo[0], hi[1]-lo[1], 1e-9)
	for i := range k.pts {
		// Centred across, feet at the bottom.
		k.pts[i] = [2]float64{0.5 + (k.pts[i][0]-(lo[0]+hi[0])/2)/size, (k.pts[i][1] - lo[1]) / size}
		if s.Joints[i].Kind == motion.Node {
			k.parent[i] = -1 // an armature node draws nothing
		}
		if p := k.parent[i]; p >= 0 && s.Joints[p].Kind == motion.Node {
			k.parent[i] = -1
		}
	}
	for range k.pts {
		k.lines = append(k.lines, canvas.NewLine(theme.Color(theme.ColorNameDisabled)))
	}
	k.ExtendBaseWidget(k)
	return k
}

// Select shows joint j (-1 for none).
func (k *Skeleton) Select(j int) {
	k.selected = j
	k.Refresh()
}

// Selected is the joint shown, or -1.
func (k *Skeleton) Selected() int { return k.selected }

// CreateRenderer is Fyne's hook for drawing the picture.
func (k *Skeleton) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, 0, len(k.lines)+1)
	for _, l := range k.lines {
		objs = append(objs, l)
	}
	objs = append(objs, k.dot)
	return &skeletonRenderer{k: k, objs: objs}
}

type skeletonRenderer struct {
	k    *Skeleton
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *skeletonRenderer) Layout(size fyne.Size) {
	r.size = size
	r.Refresh()
}

func (r *skeletonRenderer) MinSize() fyne.Size { return fyne.NewSize(90, 110) }

func (r *skeletonRenderer) Refresh() {
	k, size := r.k, r.size
	side := min(size.Width, size.Height) - 8
	ox, oy := (size.Width-side)/2, (size.Height-side)/2
	at := func(i int) fyne.Position {
		return fyne.NewPos(ox+float32(k.pts[i][0])*side, oy+side-float32(k.pts[i][1])*side)
	}
	normal, bold := theme.Color(theme.ColorNameDisabled), theme.Color(theme.ColorNamePrimary)
	for i, l := range k.lines {
		p := k.parent[i]
		if p < 0 {
			l.Hide()
			continue
		}
		l.Show()
		l.Position1, l.Position2 = at(p), at(i)
		l.StrokeColor, l.StrokeWidth = normal, 1.5
		if i == k.selected {
			l.StrokeColor, l.StrokeWidth = bold, 4
		}
		l.Refresh()
	}
	if k.selected >= 0 && k.selected < len(k.pts) {
		c := at(k.selected)
		r.objs[len(r.objs)-1].Show()
		k.dot.FillColor = bold
		k.dot.Position1, k.dot.Position2 = c.Subtract(fyne.NewPos(4, 4)), c.Add(fyne.NewPos(4, 4))
		k.dot.Refresh()
	} else {
		k.dot.Hide()
	}
}

func (r *skeletonRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *skeletonRenderer) Destroy()                     {}
