package preview

import (
	"math"
	"testing"

	"singlecam/core/motion"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestTheTargetIsInTheMiddleAndRightIsRight(t *testing.T) {
	for _, yaw := range []float64{0, 0.45, 2, -3} {
		c := Camera{Target: vec(1, 2, 3), Yaw: yaw, Pitch: 0.3, Distance: 5, FOV: defaultFOV}
		v := c.View(800, 600)
		mid, ok := v.Project(c.Target)
		if !ok || !near(mid.X, 400, 1e-9) || !near(mid.Y, 300, 1e-9) || !near(mid.Depth, 5, 1e-9) {
			t.Fatalf("yaw %v: target at %+v, want the middle at depth 5", yaw, mid)
		}
		right, _ := v.Project(c.Target.Add(v.right.Scale(0.5)))
		up, _ := v.Project(c.Target.Add(vec(0, 0.5, 0)))
		if right.X <= 400 || !near(right.Y, 300, 1e-9) {
			t.Errorf("yaw %v: a point to the right is drawn at %+v", yaw, right)
		}
		if up.Y >= 300 {
			t.Errorf("yaw %v: a point above is drawn at %+v, not higher up", yaw, up)
		}
		if _, ok := v.Project(c.Eye().Sub(v.forward)); ok {
			t.Errorf("yaw %v: a point behind the camera is drawn", yaw)
		}
	}
}

func TestFramingShowsEveryCornerAndFillsTheView(t *testing.T) {
	boxes := []motion.Box{
		{Min: vec(-0.3, 0, -0.2), Max: vec(0.3, 1.8, 0.2)},      // a person standing
		{Min: vec(-1, 0, -0.3), Max: vec(0.3, 1.9, 4)},          // two walking away
		{Min: vec(-30, 0, -20), Max: vec(30, 180, 20)},          // centimetres
		{Min: vec(5, 5, 5), Max: vec(5, 5, 5)},                  // a point
		{Min: vec(-100, -0.01, -100), Max: vec(100, 0.01, 100)}, // flat and wide
	}
	for _, b := range boxes {
		for _, size := range [][2]float64{{800, 600}, {400, 900}, {1600, 300}} {
			w, h := size[0], size[1]
			c := FrameBounds(b, w/h)
			v := c.View(w, h)
			edge := 0.0 // how far out the furthest corner is, 1 at the view's edge
			for i := range 8 {
				p := b.Min
				if i&1 != 0 {
					p.X = b.Max.X
				}
				if i&2 != 0 {
					p.Y = b.Max.Y
				}
				if i&4 != 0 {
					p.Z = b.Max.Z
				}
				q, ok := v.Project(p)
				if !ok || q.X < 0 || q.X > w || q.Y < 0 || q.Y > h {
					t.Fatalf("box %v in %vx%v: corner %v drawn at %+v, outside", b, w, h, p, q)
				}
				edge = math.Max(edge, math.Max(math.Abs(q.X-w/2)/(w/2), math.Abs(q.Y-h/2)/(h/2)))
			}
			if b.Min != b.Max && edge < 0.85 {
				t.Errorf("box %v in %vx%v: the motion fills only %.0f%% of the view", b, w, h, edge*100)
			}
		}
	}
}

func TestOrbitZoomAndPan(t *testing.T) {
	c := Camera{Target: vec(0, 1, 0), Yaw: 0, Pitch: 0.2, Distance: 4, FOV: defaultFOV}
	c.Orbit(100, 0)
	if c.Distance != 4 || c.Target != vec(0, 1, 0) || c.Yaw >= 0 {
		t.Errorf("a drag to the right should turn the camera about the target, got %+v", c)
	}
	c.Orbit(0, 1e6)
	if c.Pitch != maxPitch {
		t.Errorf("pitch %v: a long drag should stop above the pole at %v", c.Pitch, maxPitch)
	}
	c.Orbit(0, -1e6)
	if c.Pitch != minPitch {
		t.Errorf("pitch %v: should stop a little under the floor at %v", c.Pitch, minPitch)
	}

	c.Zoom(1, 1, 10)
	if !near(c.Distance, 3.48, 1e-9) {
		t.Errorf("one wheel step in: distance %v, want 3.48", c.Distance)
	}
	c.Zoom(100, 1, 10)
	c2 := c
	c2.Zoom(-1000, 1, 10)
	if c.Distance != 1 || c2.Distance != 10 {
		t.Errorf("zoom limits: %v and %v, want 1 and 10", c.Distance, c2.Distance)
	}

	// What was under the pointer follows it.
	c = Camera{Target: vec(0, 1, 0), Yaw: 0.7, Pitch: 0.3, Distance: 4, FOV: defaultFOV}
	old := c.Target
	c.Pan(40, -25, 600)
	v := c.View(800, 600)
	q, _ := v.Project(old)
	if !near(q.X, 440, 1e-6) || !near(q.Y, 275, 1e-6) {
		t.Errorf("after a pan of (40, -25) the old target is at (%.2f, %.2f), want (440, 275)", q.X, q.Y)
	}
}

func TestASegmentPassingBehindTheCameraIsCut(t *testing.T) {
	c := Camera{Target: vec(0, 0, 0), Yaw: 0, Pitch: 0, Distance: 2, FOV: defaultFOV}
	v := c.View(800, 600)
	// From in front of the target to far behind the eye (the eye is at z = 2).
	a, b, ok := v.ProjectSegment(vec(0.5, -0.5, 0), vec(0.5, -0.5, 10))
	if !ok || !near(b.Depth, v.near, 1e-9) || !near(a.Depth, 2, 1e-9) {
		t.Fatalf("got %+v %+v %v: want the far end cut at the near plane", a, b, ok)
	}
	if _, _, ok := v.ProjectSegment(vec(0, 0, 3), vec(1, 0, 5)); ok {
		t.Error("a segment wholly behind the camera is drawn")
	}
}

func TestNiceSteps(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{0.3, 0.2}, {0.5, 0.5}, {0.9, 1}, {1.2, 1}, {40, 50}, {75, 100}, {0, 1}, {math.NaN(), 1},
	} {
		if got := niceStep(c.in); !near(got, c.want, 1e-12) {
			t.Errorf("niceStep(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestALongWalkAlongZIsSeenFromTheSide(t *testing.T) {
	walk := motion.Box{Min: vec(-0.8, 0, -0.3), Max: vec(0.8, 1.75, 26)}
	if c := FrameBounds(walk, 1.5); math.Abs(c.Yaw) < 0.8 {
		t.Errorf("yaw %v: a 26 m walk along Z should be seen from the side", c.Yaw)
	}
	stand := motion.Box{Min: vec(-0.8, 0, -0.3), Max: vec(0.8, 1.75, 0.5)}
	if c := FrameBounds(stand, 1.5); c.Yaw != 0.45 {
		t.Errorf("yaw %v: a person in place should be seen from the front", c.Yaw)
	}
}
