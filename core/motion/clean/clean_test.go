package clean

import (
	"context"
	"errors"
	"math"
	"testing"

	"singlecam/core/motion"
)

func TestParseFeet(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Feet
		ok   bool
	}{{"auto", Auto, true}, {"LOCK", Lock, true}, {"ground", Ground, true}, {"off", Off, true}, {"never", "", false}, {"", "", false}} {
		got, err := ParseFeet(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseFeet(%q) = %q, %v", tc.in, got, err)
		}
	}
}

func TestOptionsCheck(t *testing.T) {
	for _, tc := range []struct {
		o  Options
		ok bool
	}{{Default, true}, {Options{}, true}, {Options{Smooth: 1}, true}, {Options{Smooth: -0.1}, false}, {Options{Smooth: 1.5}, false}, {Options{Smooth: math.NaN()}, false}, {Options{Feet: "glide"}, false}} {
		if err := tc.o.Check(); (err == nil) != tc.ok {
			t.Errorf("%+v: Check() = %v", tc.o, err)
		}
	}
	if !(Options{Feet: Off}).None() || Default.None() {
		t.Error("None is wrong")
	}
}

// TestFiltfiltNoLag: a slow sine comes through the zero-phase filter with
// its peaks where they were, while fast noise on it is mostly removed.
func TestFiltfiltNoLag(t *testing.T) {
	const fps, n = 120.0, 600
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i] = math.Sin(2*math.Pi*1*float64(i)/fps) + 0.1*math.Sin(2*math.Pi*40*float64(i)/fps)
	}
	filtfilt(x, y, fps, 6)
	peak := func(s []float64) int {
		best := 100
		for i := 100; i < 220; i++ {
			if s[i] > s[best] {
				best = i
			}
		}
		return best
	}
	clean := make([]float64, n)
	for i := range clean {
		clean[i] = math.Sin(2 * math.Pi * 1 * float64(i) / fps)
	}
	if p, q := peak(y), peak(clean); p != q {
		t.Errorf("the peak moved from frame %d to %d", q, p)
	}
	worst := 0.0
	for i := range y {
		worst = math.Max(worst, math.Abs(y[i]-clean[i]))
	}
	if worst > 0.03 {
		t.Errorf("the filtered sine is %.3f away from the noiseless one", worst)
	}
}

// TestSmoothQuaternionSigns: rotations stored with alternating signs (the
// same rotations) smooth to the same rotations, not to a blend through zero.
func TestSmoothQuaternionSigns(t *testing.T) {
	const n = 60
	skel := &motion.Skeleton{Joints: []motion.Joint{{Name: "a", Parent: -1, Rest: motion.Rest}}}
	a := &motion.Actor{Skeleton: skel, Frames: n, Tracks: []motion.Track{{R: make([]motion.Quat, n)}}}
	for f := range n {
		q := motion.AxisAngle(motion.Vec3{Y: 1}, 0.02*float64(f))
		if f%2 == 1 {
			q = motion.Quat{X: -q.X, Y: -q.Y, Z: -q.Z, W: -q.W}
		}
		a.Tracks[0].R[f] = q
	}
	want := cloneActor(a)
	smoothActor(a, 30, 1, 1, [][2]int{{0, n}}, nil, nil)
	for f := range n {
		if d := a.Tracks[0].R[f].Angle(want.Tracks[0].R[f]); d > 0.01 {
			t.Fatalf("frame %d turned %.3f rad away", f, d)
		}
	}
}

// TestTwoBone: the ankle reaches a reachable target, the bones keep their
// lengths, the knee stays in the leg's plane and an unreachable target is
// approached without over-stretching.
func TestTwoBone(t *testing.T) {
	h, k, a := motion.Vec3{Y: 1}, motion.Vec3{Y: 0.55, Z: 0.05}, motion.Vec3{Y: 0.1}
	l1, l2 := k.Sub(h).Len(), a.Sub(k).Len()
	for _, tc := range []struct {
		name   string
		target motion.Vec3
		reach  bool
	}{
		{"forward", motion.Vec3{Y: 0.2, Z: 0.2}, true},
		{"up", motion.Vec3{Y: 0.4}, true},
		{"too far", motion.Vec3{Y: -0.5}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			knee, ankle, ok := twoBone(h, k, a, tc.target, legReach(h, k, a), 0, nil, motion.Vec3{X: 1})
			if !ok {
				t.Fatal("no solution")
			}
			if d := math.Abs(knee.Sub(h).Len() - l1); d > 1e-9 {
				t.Errorf("thigh length changed by %v", d)
			}
			if d := math.Abs(ankle.Sub(knee).Len() - l2); d > 1e-9 {
				t.Errorf("shin length changed by %v", d)
			}
			if math.Abs(knee.X) > 1e-9 {
				t.Errorf("knee left the leg's plane: %v", knee)
			}
			if knee.Z <= 0 {
				t.Errorf("knee bends backwards: %v", knee)
			}
			reached := ankle.Sub(tc.target).Len() < 1e-9
			if reached != tc.reach {
				t.Errorf("reached %v, want %v (ankle %v)", reached, tc.reach, ankle)
			}
			if ankle.Sub(h).Len() > 0.9995*(l1+l2)+1e-9 {
				t.Error("the leg is over-stretched")
			}
		})
	}
}

// TestContactsHysteresis: a foot that steps down, stands (with jitter and
// one lifted frame) and lifts again is planted once, for the standing.
func TestContactsHysteresis(t *testing.T) {
	const fps = 60.0
	n := 180
	ps := &positions{joints: 1, p: make([]motion.Vec3, n)}
	for f := range n {
		var y, z float64
		switch {
		case f < 50: // swinging in
			y, z = 0.2*float64(50-f)/50, 1.5*float64(f)/fps
		case f < 130: // standing
			y, z = 0, 1.5*50/fps
			if f%2 == 0 {
				y += 0.004
			}
			if f == 90 {
				y = 0.06 // one frame's glitch
			}
		default: // lifting off
			y, z = 0.3*float64(f-130)/50, 1.5*50/fps+1.5*float64(f-130)/fps
		}
		ps.p[f] = motion.Vec3{Y: y, Z: z}
	}
	leg := Leg{Ankle: 0, Toe: -1}
	sig := footSignals(ps, &Body{Left: leg, Right: leg, Up: motion.Vec3{Y: 1}, MetresPerUnit: 1}, fps, [][2]int{{0, n}})
	got := detectContacts(sig[0], fps)
	r := runs(got)
	if len(r) != 1 {
		t.Fatalf("contacts %v, want one", r)
	}
	if r[0][0] < 40 || r[0][0] > 55 || r[0][1] < 125 || r[0][1] > 140 {
		t.Errorf("contact %v, want about [50, 130)", r[0])
	}
}

func TestTidyRuns(t *testing.T) {
	c := []bool{false, true, true, false, true, true, true, true, false, false, false, true, false}
	tidyRuns(c, 1, 3)
	want := []bool{false, true, true, true, true, true, true, true, false, false, false, false, false}
	for i := range c {
		if c[i] != want[i] {
			t.Fatalf("got %v, want %v", c, want)
		}
	}
}

// TestCleanLeavesSourceAlone and writes a clip that validates.
func TestCleanLeavesSourceAlone(t *testing.T) {
	c := walk(t, 10)
	before := cloneActor(c.clip.Actors[0])
	res, err := Clean(context.Background(), c.clip, []*Body{c.body}, Options{Feet: Lock, Smooth: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	for j, tr := range c.clip.Actors[0].Tracks {
		for f := range tr.R {
			if tr.R[f] != before.Tracks[j].R[f] {
				t.Fatalf("the source's joint %d changed on frame %d", j, f)
			}
		}
	}
	if err := res.Clip.Validate(); err != nil {
		t.Fatal(err)
	}
	if res.Actors[0].After.Skate >= res.Actors[0].Before.Skate {
		t.Errorf("skate %v → %v", res.Actors[0].Before.Skate, res.Actors[0].After.Skate)
	}
}

// TestCleanOffChangesNothing: no feet work and no smoothing is the source.
func TestCleanOffChangesNothing(t *testing.T) {
	c := walk(t, 2)
	res, err := Clean(context.Background(), c.clip, []*Body{c.body}, Options{Feet: Off})
	if err != nil {
		t.Fatal(err)
	}
	p0, p1 := worldPositions(c.clip.Actors[0]), worldPositions(res.Clip.Actors[0])
	for k := range p0.p {
		if p0.p[k].Sub(p1.p[k]).Len() > 1e-12 {
			t.Fatal("a joint moved")
		}
	}
}

// TestContactsFromFile: contacts the file carries are used as they are.
func TestContactsFromFile(t *testing.T) {
	c := walk(t, 2)
	a := cloneActor(c.clip.Actors[0])
	n := a.Frames
	a.Contacts = &motion.FootContacts{Left: make([]bool, n), Right: make([]bool, n)}
	for f := 40; f < 90; f++ {
		a.Contacts.Left[f] = true
	}
	clip := *c.clip
	clip.Actors = []*motion.Actor{a}
	res, err := Clean(context.Background(), &clip, []*Body{c.body}, Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := res.Actors[0]
	if !rep.FromFile || count(rep.Contacts.Right) != 0 {
		t.Errorf("contacts from file %v: %d left, %d right", rep.FromFile, count(rep.Contacts.Left), count(rep.Contacts.Right))
	}
	// The file's contacts, trimmed to where the foot is low and slow.
	for f, on := range rep.Contacts.Left {
		if on && !a.Contacts.Left[f] {
			t.Fatalf("frame %d is planted, the file says not", f)
		}
	}
}

func TestCleanRefuses(t *testing.T) {
	c := walk(t, 1)
	bad := *c.body
	bad.Left.Knee, bad.Left.Ankle = bad.Left.Ankle, bad.Left.Knee
	if _, err := Clean(context.Background(), c.clip, []*Body{&bad}, Default); !errors.Is(err, ErrBody) {
		t.Errorf("legs out of order: %v", err)
	}
	noUp := *c.body
	noUp.Up = motion.Vec3{}
	if _, err := Clean(context.Background(), c.clip, []*Body{&noUp}, Default); !errors.Is(err, ErrBody) {
		t.Errorf("no up: %v", err)
	}
	if _, err := Clean(context.Background(), c.clip, nil, Default); err == nil {
		t.Error("no bodies: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Clean(ctx, c.clip, []*Body{c.body}, Default); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	// An actor whose legs are unknown is smoothed only.
	res, err := Clean(context.Background(), c.clip, []*Body{nil}, Default)
	if err != nil || res.Actors[0].Legs {
		t.Errorf("no body: %v, %+v", err, res.Actors[0])
	}
}

// TestBodiesOfRealCaptures: the legs found from the skeletons' roles are the
// ones the tests name by hand.
func TestBodiesOfRealCaptures(t *testing.T) {
	// Move's MOTION_DATA sample is not here: its skeleton (the first frame's
	// pose, the neck its last joint) is not one roles.Find takes for a
	// humanoid, so a file of it is smoothed only.
	for _, load := range []func(testing.TB) capture{cmu, func(t testing.TB) capture { return walk(t, 1) }} {
		c := load(t)
		got := Bodies(c.clip)[0]
		if got == nil {
			t.Fatalf("%s: no legs found", c.name)
		}
		if got.Left != c.body.Left || got.Right != c.body.Right || got.Hips != c.body.Hips {
			t.Errorf("%s: found %+v, want %+v", c.name, got, c.body)
		}
		if r := got.MetresPerUnit / c.body.MetresPerUnit; r < 0.85 || r > 1.15 {
			t.Errorf("%s: %v metres per unit, want about %v", c.name, got.MetresPerUnit, c.body.MetresPerUnit)
		}
	}
}
