package fix

import (
	"math"
	"testing"
	"time"

	"singlecam/core/motion"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// walk is 2 s of Move One's walk at 30 fps, T-pose first.
func walk(t *testing.T) *motion.Clip {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 2})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// positions returns every frame's world positions of actor 0.
func positions(c *motion.Clip) [][]motion.Vec3 {
	out := make([][]motion.Vec3, c.Frames())
	for f := range out {
		out[f] = c.WorldPositions(0, f, nil)
	}
	return out
}

func same(t *testing.T, what string, got, want [][]motion.Vec3, eps float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d frames, want %d", what, len(got), len(want))
	}
	for f := range got {
		for j := range got[f] {
			if got[f][j].Sub(want[f][j]).Len() > eps {
				t.Fatalf("%s: frame %d joint %d at %v, want %v", what, f, j, got[f][j], want[f][j])
			}
		}
	}
}

func TestRenameByAMapKeepsUnnamedBonesAndTheInput(t *testing.T) {
	src := walk(t)
	m, _ := rigs.LoadMap("mixamo")
	out := Rename(src, rigs.Move().NamesFor(m))
	s := out.Actors[0].Skeleton
	if s.Index("mixamorig:Hips") < 0 || s.Index("_1:heel.02.L") < 0 || s.Index("_1:Hips") >= 0 {
		t.Errorf("renamed joints: %v", s.Joints[:3])
	}
	if src.Actors[0].Skeleton.Index("_1:Hips") < 0 {
		t.Error("the input was renamed too")
	}
	same(t, "rename", positions(out), positions(src), 0)
}

func TestStripPrefix(t *testing.T) {
	out := StripPrefix(walk(t))
	s := out.Actors[0].Skeleton
	if s.Joints[0].Name != "Root" || s.Index("LeftHandThumb1") < 0 || s.Index("heel.02.L") < 0 {
		t.Errorf("names %q %q", s.Joints[0].Name, s.Joints[1].Name)
	}
}

func TestDropFirstFrameRemovesTheTPose(t *testing.T) {
	src := walk(t)
	out := DropFirstFrame(src)
	if out.Frames() != src.Frames()-1 || src.Frames() != 61 {
		t.Fatalf("frames %d from %d", out.Frames(), src.Frames())
	}
	same(t, "drop", positions(out), positions(src)[1:], 0)
}

func TestTrim(t *testing.T) {
	src := walk(t)
	out, err := Trim(src, time.Second, 1500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "trim", positions(out), positions(src)[30:46], 0)
	for _, r := range [][2]time.Duration{{2 * time.Second, time.Second}, {time.Hour, 2 * time.Hour}} {
		if _, err := Trim(src, r[0], r[1]); err == nil {
			t.Errorf("trim %v: no error", r)
		}
	}
}

func TestResampleKeepsTheMotion(t *testing.T) {
	src := walk(t)
	up, err := Resample(src, 60)
	if err != nil {
		t.Fatal(err)
	}
	if up.Frames() != 121 || up.FPS != 60 {
		t.Fatalf("%d frames at %v fps", up.Frames(), up.FPS)
	}
	p, q := positions(up), positions(src)
	for f := range q {
		for j := range q[f] {
			if p[2*f][j].Sub(q[f][j]).Len() > 1e-9 {
				t.Fatalf("60 fps frame %d is not 30 fps frame %d", 2*f, f)
			}
		}
	}
	// Between two source frames, a joint lies between where it was.
	hand := src.Actors[0].Skeleton.Index("_1:LeftHand")
	for f := 1; f+1 < len(q); f++ {
		mid := p[2*f+1][hand]
		a, b := q[f][hand], q[f+1][hand]
		if mid.Sub(a.Lerp(b, 0.5)).Len() > 0.01 {
			t.Fatalf("frame %d.5: hand at %v, not between %v and %v", f, mid, a, b)
		}
	}
	down, err := Resample(src, 24)
	if err != nil || down.Frames() != 49 {
		t.Fatalf("24 fps: %v, %d frames", err, down.Frames())
	}
	same(t, "24 fps at 1 s", [][]motion.Vec3{positions(down)[24]}, [][]motion.Vec3{q[30]}, 1e-9)
	if _, err := Resample(src, 0); err == nil {
		t.Error("0 fps: no error")
	}
}

func TestZUpTurnsTheWholeMotion(t *testing.T) {
	src := walk(t)
	out := ZUp(src)
	want := positions(src)
	for f := range want {
		for j, p := range want[f] {
			want[f][j] = motion.Vec3{X: p.X, Y: -p.Z, Z: p.Y}
		}
	}
	same(t, "z up", positions(out), want, 1e-9)
}

func TestScale(t *testing.T) {
	src := walk(t)
	out, err := Scale(src, 100)
	if err != nil {
		t.Fatal(err)
	}
	want := positions(src)
	for f := range want {
		for j := range want[f] {
			want[f][j] = want[f][j].Scale(100)
		}
	}
	same(t, "cm", positions(out), want, 1e-9)
	if out.MetresPerUnit != 0.01 {
		t.Errorf("metres per unit %v", out.MetresPerUnit)
	}
	if _, err := Scale(src, -1); err == nil {
		t.Error("scale -1: no error")
	}
}

func TestInPlaceKeepsTheHipsOverTheOrigin(t *testing.T) {
	src := walk(t)
	out := InPlace(src)
	hips := src.Actors[0].Skeleton.Index("_1:Hips")
	p, q := positions(out), positions(src)
	for f := range p {
		h := p[f][hips]
		if math.Hypot(h.X, h.Z) > 1e-9 || math.Abs(h.Y-q[f][hips].Y) > 1e-9 {
			t.Fatalf("frame %d: hips at %v (were %v)", f, h, q[f][hips])
		}
		// The body moves with the hips: every joint keeps its offset.
		for j := range p[f] {
			if d := p[f][j].Sub(h).Sub(q[f][j].Sub(q[f][hips])); d.Len() > 1e-9 && j != 0 {
				t.Fatalf("frame %d joint %d moved against the hips by %v", f, j, d)
			}
		}
	}
	if q[60][hips].Z < 2 {
		t.Fatal("the source does not walk")
	}
}

func TestSplitActors(t *testing.T) {
	src := motion.DemoClip(3, 10)
	parts := SplitActors(src)
	if len(parts) != 3 {
		t.Fatalf("%d parts", len(parts))
	}
	for i, c := range parts {
		if len(c.Actors) != 1 || c.FPS != src.FPS || c.Name != src.Actors[i].Name {
			t.Fatalf("part %d: %d actors, %v fps, %q", i, len(c.Actors), c.FPS, c.Name)
		}
		for f := range 10 {
			same(t, "split", [][]motion.Vec3{c.WorldPositions(0, f, nil)}, [][]motion.Vec3{src.WorldPositions(i, f, nil)}, 0)
		}
	}
}
