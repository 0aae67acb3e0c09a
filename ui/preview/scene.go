package preview

// Preparing one picture: which segments and dots to draw, where, how thick
// and in which order. Pure maths, no Fyne.

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"singlecam/core/motion"
)

// Figure is one actor's pose at one instant: world positions of its joints
// and the parent each joint's bone comes from (-1 for none).
type Figure struct {
	Parents []int
	Joints  []motion.Vec3
	Hidden  []bool // joints not drawn (nodes above a skin); nil for none
	// Ghost draws the figure faint and thin, without a shadow: the motion
	// before clean-up, behind the motion after it.
	Ghost bool
}

// Stage is what does not change from frame to frame: the floor, the size of
// a person in the motion's units, and the actors' colours.
type Stage struct {
	Floor  float64     // height of the floor
	Bounds motion.Box  // of the whole motion, every frame and actor
	Unit   float64     // the motion's units in a metre, about: sizes scale with it
	Grid   float64     // spacing of the floor's lines
	Extent float64     // the grid reaches this far from its centre
	Centre motion.Vec3 // of the grid, on the floor
}

// NewStage lays the floor under a motion with these bounds and floor
// height; unitsPerMetre is 0 when the motion's units are unknown.
func NewStage(b motion.Box, floor, unitsPerMetre float64) Stage {
	unit := unitsPerMetre
	if !(unit > 0) || math.IsInf(unit, 0) {
		height := b.Max.Y - floor
		if !(height > 0) || math.IsInf(height, 0) {
			height = b.Max.Sub(b.Min).Len()
		}
		if !(height > 0) || math.IsInf(height, 0) {
			height = 1.8
		}
		unit = height / 1.8 // most captures are of one standing adult
	}
	span := math.Max(b.Max.X-b.Min.X, b.Max.Z-b.Min.Z)
	extent := math.Max(span/2+1.5*unit, 2.5*unit)
	grid := niceStep(extent / 6)
	c := b.Center()
	return Stage{Floor: floor, Bounds: b, Unit: unit, Grid: grid,
		Extent: math.Ceil(extent/grid) * grid,
		Centre: vec(math.Round(c.X/grid)*grid, floor, math.Round(c.Z/grid)*grid)}
}

// niceStep is 1, 2 or 5 times a power of ten, near x.
func niceStep(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	switch f := x / p; {
	case f < 1.5:
		return p
	case f < 3.5:
		return 2 * p
	case f < 7.5:
		return 5 * p
	}
	return 10 * p
}

// Stroke is a segment with round ends (a dot when both ends meet), in pixels.
type Stroke struct {
	X0, Y0, X1, Y1 float64
	Radius         float64
	Color          color.NRGBA
	depth          float64
}

// Picture is one frame ready to draw: the floor's lines, the shadows (drawn
// as one soft layer) and the bones and joints, far to near.
type Picture struct {
	Width, Height int
	Grid          []Stroke
	Shadows       []Stroke
	Figures       []Stroke
}

// ActorColors tell actors apart: bright on the dark stage, distinct for
// the colour-blind in the first few.
var ActorColors = []color.NRGBA{
	{0xff, 0x9f, 0x1c, 0xff}, // orange
	{0x2e, 0xc4, 0xf0, 0xff}, // sky blue
	{0xf0, 0x5d, 0xc8, 0xff}, // pink
	{0x9b, 0xe5, 0x64, 0xff}, // green
	{0xff, 0xe1, 0x4d, 0xff}, // yellow
	{0xb3, 0x9d, 0xff, 0xff}, // lavender
}

// Colours of the stage.
var (
	gridColor   = color.NRGBA{0xd0, 0xd4, 0xdc, 0x38}
	axisColor   = color.NRGBA{0xd0, 0xd4, 0xdc, 0x70}
	shadowColor = color.NRGBA{0x00, 0x00, 0x00, 0x78}
	ghostColor  = color.NRGBA{0xe8, 0xec, 0xf4, 0x50}
	// Where feet were planted (footprints on the floor), and a foot
	// planted on the frame shown.
	printColor   = color.NRGBA{0x6c, 0xe0, 0x9a, 0x60}
	plantedColor = color.NRGBA{0x6c, 0xe0, 0x9a, 0xe0}
)

// FloorMarks adds marks on the floor at points (footprints, drawn with the
// floor's lines) or, when planted, bright discs (drawn over the figures'
// shadows).
func FloorMarks(pic *Picture, st *Stage, cam Camera, points []motion.Vec3, planted bool, pixelScale float64) {
	v := cam.View(float64(pic.Width), float64(pic.Height))
	for _, p := range points {
		q, ok := v.Project(onFloor(p, st.Floor))
		if !ok {
			continue
		}
		if planted {
			s := stroke(q, q, 0.045*st.Unit, 4*pixelScale, plantedColor)
			s.depth = math.Inf(1) // under every figure
			pic.Figures = append([]Stroke{s}, pic.Figures...)
		} else {
			pic.Grid = append(pic.Grid, stroke(q, q, 0.03*st.Unit, 2.5*pixelScale, printColor))
		}
	}
}

// Prepare projects figures seen by cam into a picture width × height
// pixels, with strokes pixelScale times thicker than on a plain screen (2
// on a high-density one). It reuses pic's slices, so a player preparing
// frame after frame allocates nothing.
func Prepare(pic *Picture, st *Stage, cam Camera, figs []Figure, width, height int, pixelScale float64) {
	pic.Width, pic.Height = width, height
	pic.Grid, pic.Shadows, pic.Figures = pic.Grid[:0], pic.Shadows[:0], pic.Figures[:0]
	v := cam.View(float64(width), float64(height))
	st.grid(pic, &v, pixelScale)

	boneRadius, jointRadius, shadowRadius := 0.014*st.Unit, 0.026*st.Unit, 0.03*st.Unit
	actor := 0
	for _, f := range figs {
		c := ActorColors[actor%len(ActorColors)]
		light := mix(c, color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.55)
		bone, joint := boneRadius, jointRadius
		if f.Ghost {
			c, light = ghostColor, ghostColor
			bone, joint = 0.7*boneRadius, 0.7*jointRadius
		} else {
			actor++
		}
		for j, p := range f.Joints {
			if f.Hidden != nil && f.Hidden[j] {
				continue
			}
			pa := f.Parents[j]
			if pa >= 0 && pa < len(f.Joints) && f.Ghost {
				if b0, b1, ok := v.ProjectSegment(f.Joints[pa], p); ok {
					pic.Figures = append(pic.Figures, stroke(b0, b1, bone, 1.0*pixelScale, c))
				}
			} else if pa >= 0 && pa < len(f.Joints) {
				// The shadow falls straight down, as from a lamp overhead.
				s0, s1, ok := v.ProjectSegment(onFloor(f.Joints[pa], st.Floor), onFloor(p, st.Floor))
				if ok {
					pic.Shadows = append(pic.Shadows, stroke(s0, s1, shadowRadius, 1.5*pixelScale, shadowColor))
				}
				b0, b1, ok := v.ProjectSegment(f.Joints[pa], p)
				if ok {
					pic.Figures = append(pic.Figures, stroke(b0, b1, bone, 1.3*pixelScale, c))
				}
			}
			if q, ok := v.Project(p); ok {
				pic.Figures = append(pic.Figures, stroke(q, q, joint, 2.2*pixelScale, light))
			}
		}
	}
	// Far to near, so that what is closer covers what is behind it.
	slices.SortStableFunc(pic.Figures, func(a, b Stroke) int { return cmp.Compare(b.depth, a.depth) })
}

// grid adds the floor's lines, the two through the centre a little brighter.
func (st *Stage) grid(pic *Picture, v *View, pixelScale float64) {
	n := int(math.Round(st.Extent / st.Grid))
	for i := -n; i <= n; i++ {
		c := gridColor
		if i == 0 {
			c = axisColor
		}
		o := float64(i) * st.Grid
		lines := [2][2]motion.Vec3{
			{st.Centre.Add(vec(o, 0, -st.Extent)), st.Centre.Add(vec(o, 0, st.Extent))},
			{st.Centre.Add(vec(-st.Extent, 0, o)), st.Centre.Add(vec(st.Extent, 0, o))},
		}
		for _, l := range lines {
			if a, b, ok := v.ProjectSegment(l[0], l[1]); ok {
				s := Stroke{X0: a.X, Y0: a.Y, X1: b.X, Y1: b.Y, Radius: 0.6 * pixelScale, Color: c}
				pic.Grid = append(pic.Grid, s)
			}
		}
	}
}

func onFloor(p motion.Vec3, floor float64) motion.Vec3 { return vec(p.X, floor, p.Z) }

// stroke makes a stroke whose thickness shrinks with distance, never
// thinner than minRadius pixels (to stay visible) nor blobby.
func stroke(a, b Point, radius, minRadius float64, c color.NRGBA) Stroke {
	r0, r1 := radius*a.Scale, radius*b.Scale
	r := clamp((r0+r1)/2, minRadius, 6*minRadius)
	return Stroke{X0: a.X, Y0: a.Y, X1: b.X, Y1: b.Y, Radius: r, Color: c, depth: (a.Depth + b.Depth) / 2}
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}
