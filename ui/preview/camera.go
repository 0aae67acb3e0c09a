package preview

// The camera's maths: pure, no Fyne, so tests and benchmarks see all of it.

import (
	"math"

	"singlecam/core/motion"
)

// Camera is an orbit camera around a target point, Y up: the user turns it
// by dragging, moves it closer by the wheel and slides the target by dragging
// with Shift held.
type Camera struct {
	Target   motion.Vec3 // the point the camera looks at and turns around
	Yaw      float64     // radians about the vertical axis; 0 looks along -Z from +Z
	Pitch    float64     // radians above the horizon
	Distance float64     // from the target, in the motion's units
	FOV      float64     // vertical field of view, radians
}

// Camera limits: never under the floor by much, never over the pole (the
// view would flip), never inside the target.
const (
	minPitch   = -0.35
	maxPitch   = 1.5
	defaultFOV = 40 * math.Pi / 180
	nearPlane  = 1e-3 // fraction of the distance in front of the eye that is drawn
)

// FrameBounds returns a camera that shows the whole box from slightly above,
// as a person standing back would see it, for a view of the given aspect
// ratio (width / height): every corner of the box is in view, with a little
// room around. It looks from the front and a little to the side (Y-up
// captures face +Z), or from the side when the motion travels along Z so
// far that it fills the view better that way.
func FrameBounds(b motion.Box, aspect float64) Camera {
	if size := b.Size(); size.Z > 3*size.X && size.Z > 3*size.Y {
		return frameFrom(b, aspect, math.Pi/2-0.45)
	}
	return frameFrom(b, aspect, 0.45)
}

func frameFrom(b motion.Box, aspect, yaw float64) Camera {
	c := Camera{Target: b.Center(), Yaw: yaw, Pitch: 0.25, FOV: defaultFOV, Distance: 1}
	if !(aspect > 0) || math.IsInf(aspect, 0) {
		aspect = 1
	}
	const room = 0.9 // of the view's half-width and half-height
	ty := math.Tan(c.FOV/2) * room
	tx := ty * aspect
	v := c.View(1, 1)
	// A corner at camera offset (x, y, z) from the target is in view from
	// distance d when |x| / (d + z) ≤ tx and |y| / (d + z) ≤ ty.
	d := 0.0
	for i := range 8 {
		corner := b.Min
		if i&1 != 0 {
			corner.X = b.Max.X
		}
		if i&2 != 0 {
			corner.Y = b.Max.Y
		}
		if i&4 != 0 {
			corner.Z = b.Max.Z
		}
		o := corner.Sub(c.Target)
		x, y, z := o.Dot(v.right), o.Dot(v.up), o.Dot(v.forward)
		d = math.Max(d, math.Max(math.Abs(x)/tx, math.Abs(y)/ty)-z)
	}
	if !(d > 0) || math.IsInf(d, 0) {
		d = 3
	}
	c.Distance = d
	return c
}

// Eye is where the camera is.
func (c Camera) Eye() motion.Vec3 {
	cp := math.Cos(c.Pitch)
	return c.Target.Add(vec(cp*math.Sin(c.Yaw), math.Sin(c.Pitch), cp*math.Cos(c.Yaw)).Scale(c.Distance))
}

// Orbit turns the camera by a drag of dx, dy pixels.
func (c *Camera) Orbit(dx, dy float64) {
	const perPixel = 0.008
	c.Yaw -= dx * perPixel
	c.Pitch = clamp(c.Pitch+dy*perPixel, minPitch, maxPitch)
}

// Zoom moves the camera closer (steps > 0) or further, by wheel steps; the
// distance stays between limits set by the motion's size.
func (c *Camera) Zoom(steps, near, far float64) {
	c.Distance = clamp(c.Distance*math.Pow(0.87, steps), near, far)
}

// Pan slides the target so that the scene follows a drag of dx, dy pixels
// in a view height pixels tall.
func (c *Camera) Pan(dx, dy, height float64) {
	v := c.View(1, height)
	perPixel := c.Distance / v.focal
	c.Target = c.Target.Add(v.right.Scale(-dx * perPixel)).Add(v.up.Scale(dy * perPixel))
}

// View is a camera fixed for one picture of a given size: it turns world
// points into pixels.
type View struct {
	eye, right, up, forward motion.Vec3
	focal                   float64 // pixels per unit at distance 1
	cx, cy                  float64
	near                    float64
}

// View fixes the camera for a picture width × height pixels.
func (c Camera) View(width, height float64) View {
	eye := c.Eye()
	forward := c.Target.Sub(eye).Normalize()
	right := forward.Cross(vec(0, 1, 0)).Normalize()
	up := right.Cross(forward)
	return View{eye: eye, right: right, up: up, forward: forward,
		focal: height / 2 / math.Tan(c.FOV/2), cx: width / 2, cy: height / 2,
		near: c.Distance * nearPlane}
}

// Point is a projected point: pixel position, depth along the view and
// pixels per unit of length there (for sizes that shrink with distance).
type Point struct {
	X, Y, Depth, Scale float64
}

// Camera space: x right, y up, z depth.
func (v *View) toCamera(p motion.Vec3) motion.Vec3 {
	d := p.Sub(v.eye)
	return vec(d.Dot(v.right), d.Dot(v.up), d.Dot(v.forward))
}

func (v *View) fromCamera(q motion.Vec3) Point {
	s := v.focal / q.Z
	return Point{X: v.cx + q.X*s, Y: v.cy - q.Y*s, Depth: q.Z, Scale: s}
}

// Project turns a world point into a pixel; ok is false when the point is
// behind the camera.
func (v *View) Project(p motion.Vec3) (pt Point, ok bool) {
	q := v.toCamera(p)
	if q.Z < v.near {
		return Point{}, false
	}
	return v.fromCamera(q), true
}

// ProjectSegment projects a segment, cut where it passes behind the camera;
// ok is false when none of it is in front.
func (v *View) ProjectSegment(a, b motion.Vec3) (pa, pb Point, ok bool) {
	qa, qb := v.toCamera(a), v.toCamera(b)
	if qa.Z < v.near && qb.Z < v.near {
		return Point{}, Point{}, false
	}
	if qa.Z < v.near {
		qa = qa.Add(qb.Sub(qa).Scale((v.near - qa.Z) / (qb.Z - qa.Z)))
	} else if qb.Z < v.near {
		qb = qb.Add(qa.Sub(qb).Scale((v.near - qb.Z) / (qa.Z - qb.Z)))
	}
	return v.fromCamera(qa), v.fromCamera(qb), true
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func vec(x, y, z float64) motion.Vec3 { return motion.Vec3{X: x, Y: y, Z: z} }
