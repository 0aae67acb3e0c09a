package synth

import (
	"math"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
)

func TestEveryKindIsAPlausibleMotion(t *testing.T) {
	rig := rigs.Move()
	for _, k := range []Kind{Walk, Jump, Wave} {
		c, err := Clip(rig, Options{Kind: k, FPS: 30, Seconds: 4, Name: "take"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Frames() != 121 || c.FPS != 30 {
			t.Fatalf("%s: %d frames at %v fps", k, c.Frames(), c.FPS)
		}
		a := c.Actors[0]
		s := a.Skeleton
		// Frame 0 is the rest T-pose, exactly.
		rest := s.RestWorld()
		p0 := c.WorldPositions(0, 0, nil)
		for j := range p0 {
			if p0[j].Sub(rest[j].Translation()).Len() > 1e-12 {
				t.Fatalf("%s: frame 0 is not the T-pose at %s", k, s.Joints[j].Name)
			}
		}
		hips, head := s.Index("_1:Hips"), s.Index("_1:Head")
		feet := []int{s.Index("_1:LeftToeBase"), s.Index("_1:RightToeBase")}
		lowest, highestFoot, travel := math.Inf(1), 0.0, 0.0
		var p []motion.Vec3
		for f := 1; f < c.Frames(); f++ {
			p = c.WorldPositions(0, f, p)
			if p[head].Y < p[hips].Y+0.3 {
				t.Fatalf("%s frame %d: head %v not above hips %v", k, f, p[head], p[hips])
			}
			low := math.Min(p[feet[0]].Y, p[feet[1]].Y)
			lowest = math.Min(lowest, low)
			highestFoot = math.Max(highestFoot, low)
			travel = math.Max(travel, p[hips].Z)
			// Hands hang below the shoulders unless waving.
			if k == Walk && p[s.Index("_1:LeftHand")].Y > p[s.Index("_1:LeftArm")].Y {
				t.Fatalf("walk frame %d: left hand raised", f)
			}
		}
		if lowest < -0.03 || lowest > 0.05 {
			t.Errorf("%s: the lower foot reaches %g m, want the floor", k, lowest)
		}
		switch k {
		case Walk:
			if travel < 4 {
				t.Errorf("walk travels %g m in 4 s", travel)
			}
		case Jump:
			if highestFoot < 0.08 {
				t.Errorf("jump: both feet never leave the floor (best %g m)", highestFoot)
			}
		case Wave:
			p = c.WorldPositions(0, 40, p)
			if p[s.Index("_1:RightHand")].Y < p[head].Y {
				t.Errorf("wave: right hand %v below the head %v", p[s.Index("_1:RightHand")], p[head])
			}
		}
	}
}

func TestKindFor(t *testing.T) {
	if KindFor("My JUMP take", "x") != Jump || KindFor("wave hello", "x") != Wave {
		t.Error("the name's word is not used")
	}
	first := KindFor("take", "job-1")
	for range 3 {
		if KindFor("take", "job-1") != first {
			t.Error("not stable")
		}
	}
	seen := map[Kind]bool{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		seen[KindFor("", id)] = true
	}
	if len(seen) < 2 {
		t.Error("every id gets the same motion")
	}
}

func TestRefusesImpossibleClips(t *testing.T) {
	for _, o := range []Options{{FPS: 0, Seconds: 1}, {FPS: 30, Seconds: 0}, {FPS: 240, Seconds: 1e6}, {FPS: math.NaN(), Seconds: 1}} {
		if _, err := Clip(rigs.Move(), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
