package motion

import (
	"errors"
	"math"
	"testing"
	"time"
)

// chain is a 3-joint chain along +Y, one unit apart, rotated at its root.
func chain(r Quat) *Clip {
	s := &Skeleton{Joints: []Joint{
		{Name: "a", Parent: -1, Rest: at(0, 0, 0)},
		{Name: "b", Parent: 0, Rest: at(0, 1, 0)},
		{Name: "c", Parent: 1, Rest: at(0, 1, 0)},
	}}
	a := &Actor{Skeleton: s, Frames: 2, Tracks: make([]Track, 3)}
	a.Tracks[0].R = []Quat{Identity, r}
	return &Clip{FPS: 10, Actors: []*Actor{a}}
}

func TestWorldPositionsOfARotatedChain(t *testing.T) {
	tests := []struct {
		axis Vec3
		want Vec3 // where the chain's tip ends after 90°
	}{
		{Vec3{1, 0, 0}, Vec3{0, 0, 2}},
		{Vec3{0, 1, 0}, Vec3{0, 2, 0}},
		{Vec3{0, 0, 1}, Vec3{-2, 0, 0}},
	}
	for _, tt := range tests {
		c := chain(AxisAngle(tt.axis, math.Pi/2))
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		p := c.WorldPositions(0, 0, nil)
		if !near(p[2], Vec3{0, 2, 0}, 1e-12) {
			t.Errorf("frame 0 tip %v", p[2])
		}
		p = c.WorldPositions(0, 1, p)
		if !near(p[2], tt.want, 1e-12) || !near(p[1], tt.want.Scale(0.5), 1e-12) {
			t.Errorf("axis %v: %v, want tip %v", tt.axis, p, tt.want)
		}
		// Past the last frame the last pose holds.
		if q := c.WorldPositions(0, 99, nil); !near(q[2], tt.want, 1e-12) {
			t.Errorf("frame 99 tip %v", q[2])
		}
	}
}

func TestScaleAndTranslationPassDownTheChain(t *testing.T) {
	c := chain(Identity)
	c.Actors[0].Tracks[0].T = []Vec3{{5, 0, 0}, {5, 0, 0}}
	c.Actors[0].Tracks[0].S = []Vec3{{2, 2, 2}, {2, 2, 2}}
	if p := c.WorldPositions(0, 0, nil); !near(p[2], Vec3{5, 4, 0}, 1e-12) {
		t.Errorf("tip %v, want (5,4,0)", p[2])
	}
}

func TestClipTiming(t *testing.T) {
	c := DemoClip(1, 90)
	// 90 keys at 30 fps: the last is at 89/30 s, where the motion ends (as
	// in Blender, Unity and three.js), not at 3 s.
	if c.Frames() != 90 || c.Duration() != c.TimeOf(89) || Hundredths(c.Duration()) != 2970*time.Millisecond {
		t.Errorf("frames %d duration %v", c.Frames(), c.Duration())
	}
	if one := DemoClip(1, 1); one.Duration() != 0 {
		t.Errorf("one frame lasts %v", one.Duration())
	}
	if c.FrameAt(time.Second) != 30 || c.FrameAt(time.Hour) != 89 || c.FrameAt(-time.Second) != 0 {
		t.Errorf("FrameAt: %d %d %d", c.FrameAt(time.Second), c.FrameAt(time.Hour), c.FrameAt(-time.Second))
	}
	if c.TimeOf(15) != 500*time.Millisecond {
		t.Errorf("TimeOf(15) = %v", c.TimeOf(15))
	}
}

func TestDemoClipStandsOnTheFloor(t *testing.T) {
	c := DemoClip(2, 60)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Actors) != 2 {
		t.Fatalf("%d actors", len(c.Actors))
	}
	floor := c.FloorHeight()
	if floor < -0.05 || floor > 0.1 {
		t.Errorf("floor at %g m, want near 0", floor)
	}
	b := c.Bounds()
	if h := b.Max.Y - floor; h < 1.5 || h > 2 {
		t.Errorf("height %g m, want an adult's", h)
	}
	if b.Size().Z < 2 {
		t.Errorf("the walk covers %g m, want it to travel", b.Size().Z)
	}
	p := c.WorldPositions(0, 10, nil)
	if head, hips := p[c.Actors[0].Skeleton.Index("Head")], p[0]; head.Y <= hips.Y {
		t.Errorf("head %v below hips %v", head, hips)
	}
}

func TestValidateRefusesBrokenClips(t *testing.T) {
	good := func() *Clip { return chain(Identity) }
	tests := map[string]func(c *Clip){
		"no fps":         func(c *Clip) { c.FPS = 0 },
		"no actors":      func(c *Clip) { c.Actors = nil },
		"child first":    func(c *Clip) { c.Actors[0].Skeleton.Joints[1].Parent = 2 },
		"short channel":  func(c *Clip) { c.Actors[0].Tracks[0].R = c.Actors[0].Tracks[0].R[:1] },
		"missing tracks": func(c *Clip) { c.Actors[0].Tracks = c.Actors[0].Tracks[:2] },
		"nan":            func(c *Clip) { c.Actors[0].Tracks[0].R[1].X = math.NaN() },
		"no frames":      func(c *Clip) { c.Actors[0].Frames = 0 },
	}
	for name, breakIt := range tests {
		c := good()
		breakIt(c)
		err := c.Validate()
		if !errors.Is(err, ErrBadClip) && !errors.Is(err, ErrBadSkeleton) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func BenchmarkWorldPositions2x60(b *testing.B) {
	c := DemoClip(2, 300)
	// Grow each skeleton to 60 joints with a chain of fingers under a hand.
	for _, a := range c.Actors {
		s := &Skeleton{Joints: append([]Joint(nil), a.Skeleton.Joints...)}
		for len(s.Joints) < 60 {
			s.Joints = append(s.Joints, Joint{Name: "f", Parent: len(s.Joints) - 1, Rest: at(0.02, 0, 0)})
			a.Tracks = append(a.Tracks, Track{R: make([]Quat, a.Frames)})
			for f := range a.Tracks[len(a.Tracks)-1].R {
				a.Tracks[len(a.Tracks)-1].R[f] = AxisAngle(Vec3{0, 0, 1}, 0.1)
			}
		}
		a.Skeleton = s
	}
	dst := make([][]Vec3, 2)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		for k := range c.Actors {
			dst[k] = c.WorldPositions(k, i%300, dst[k])
		}
	}
}

// BenchmarkBounds60s120fps2x60 frames a whole 60 s, 120 fps clip of two
// 60-joint actors, as the player does when it opens one.
func BenchmarkBounds60s120fps2x60(b *testing.B) {
	c := DemoClip(2, 7200)
	c.FPS = 120
	for _, a := range c.Actors {
		s := &Skeleton{Joints: append([]Joint(nil), a.Skeleton.Joints...)}
		for len(s.Joints) < 60 {
			s.Joints = append(s.Joints, Joint{Name: "f", Parent: len(s.Joints) - 1, Rest: at(0.02, 0, 0)})
			a.Tracks = append(a.Tracks, Track{})
		}
		a.Skeleton = s
	}
	b.ReportAllocs()
	for b.Loop() {
		if c.Bounds().Empty() {
			b.Fatal("empty")
		}
	}
}
