package motion

import "math"

// Box is an axis-aligned box. An empty box has Min greater than Max.
type Box struct{ Min, Max Vec3 }

// EmptyBox is the box that holds nothing; adding a point makes it that point.
var EmptyBox = Box{
	Min: Vec3{math.Inf(1), math.Inf(1), math.Inf(1)},
	Max: Vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)},
}

// Add returns the smallest box holding b and p.
func (b Box) Add(p Vec3) Box {
	// Plain comparisons: math.Min's NaN and signed-zero care costs a
	// quarter of framing a long clip, and positions are finite.
	if p.X < b.Min.X {
		b.Min.X = p.X
	}
	if p.Y < b.Min.Y {
		b.Min.Y = p.Y
	}
	if p.Z < b.Min.Z {
		b.Min.Z = p.Z
	}
	if p.X > b.Max.X {
		b.Max.X = p.X
	}
	if p.Y > b.Max.Y {
		b.Max.Y = p.Y
	}
	if p.Z > b.Max.Z {
		b.Max.Z = p.Z
	}
	return b
}

// Empty reports whether the box holds no point.
func (b Box) Empty() bool { return b.Min.X > b.Max.X }

// Center returns the middle of the box.
func (b Box) Center() Vec3 { return b.Min.Add(b.Max).Scale(0.5) }

// Size returns the box's extent along each axis.
func (b Box) Size() Vec3 { return b.Max.Sub(b.Min) }

// Bounds returns the box holding every joint of every actor on every frame:
// what a camera must see to frame the whole motion.
func (c *Clip) Bounds() Box {
	b := EmptyBox
	var pos []Vec3
	for _, a := range c.Actors {
		for f := range a.Frames {
			pos = a.WorldPositions(f, pos)
			for _, p := range pos {
				b = b.Add(p)
			}
		}
	}
	return b
}

// FloorHeight returns the height (Y) of the floor the motion stands on: the
// lowest any joint of any actor reaches on any frame. Joints sit inside the
// body, so the true floor is a little lower, by about an ankle's height.
func (c *Clip) FloorHeight() float64 {
	return c.Bounds().Min.Y
}
