package clean

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/movedata"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// capture is a test clip with its legs named by hand.
type capture struct {
	name string
	clip *motion.Clip
	body *Body
}

func legByNames(t testing.TB, s *motion.Skeleton, hip, knee, ankle, toe string) Leg {
	t.Helper()
	idx := func(n string) int {
		if n == "" {
			return -1
		}
		i := s.Index(n)
		if i < 0 {
			t.Fatalf("no joint %q", n)
		}
		return i
	}
	return Leg{Hip: idx(hip), Knee: idx(knee), Ankle: idx(ankle), Toe: idx(toe)}
}

func openGz(t testing.TB, name string) *gzip.Reader {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// cmu is CMU 01_01 (forward jumps, a turn) at 120 fps. Its unit: the CMU
// conversion's 0.056444 m (the person is 30 units tall).
func cmu(t testing.TB) capture {
	c, err := bvh.Read(openGz(t, "cmu_01_01.bvh.gz"), "cmu_01_01")
	if err != nil {
		t.Fatal(err)
	}
	// The unit as the player would be told it (the reader says centimetres).
	c.MetresPerUnit = 0.056444
	s := c.Actors[0].Skeleton
	return capture{"CMU 01_01", c, &Body{
		Left:  legByNames(t, s, "LeftUpLeg", "LeftLeg", "LeftFoot", "LeftToeBase"),
		Right: legByNames(t, s, "RightUpLeg", "RightLeg", "RightFoot", "RightToeBase"),
		Hips:  s.Index("Hips"), Wrists: []int{s.Index("LeftHand"), s.Index("RightHand")},
		Up: motion.Vec3{Y: 1}, MetresPerUnit: 0.056444,
	}}
}

// move is Move's MOTION_DATA sample (positions only) at 60 fps, with the
// contacts its reader takes from the sample's ground reaction forces (as
// clean-up gets them from a file).
func move(t testing.TB) capture {
	c, err := movedata.Read(openGz(t, "move_motion_data.json.gz"), "move")
	if err != nil {
		t.Fatal(err)
	}
	if c.Actors[0].Contacts == nil {
		t.Fatal("the reader gives no contacts")
	}
	s := c.Actors[0].Skeleton
	return capture{"Move MOTION_DATA", c, &Body{
		Left:  legByNames(t, s, "Left_hip", "Left_knee", "Left_ankle", "Left_toe"),
		Right: legByNames(t, s, "Right_hip", "Right_knee", "Right_ankle", "Right_toe"),
		Hips:  s.Index("Root"), Wrists: []int{s.Index("Left_wrist"), s.Index("Right_wrist")},
		Up: motion.Vec3{Y: 1}, MetresPerUnit: 1,
	}}
}

// moveFound is Move's sample without the file's contacts: clean-up finds
// them from the motion.
func moveFound(t testing.TB) capture {
	m := move(t)
	m.clip.Actors[0].Contacts = nil
	m.name = "Move MOTION_DATA (contacts found)"
	return m
}

// cesium is Khronos's CesiumMan walking, its legs found by roles.Find (its
// joints have no names).
func cesium(t testing.TB) capture {
	z := openGz(t, "CesiumMan.gltf.gz")
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gltf.Read(bytes.NewReader(data), int64(len(data)), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	b := Bodies(g.Clip)[0]
	if b == nil {
		t.Fatal("CesiumMan's legs are not found")
	}
	return capture{"CesiumMan", g.Clip, b}
}

// walk is synth's walk on Move One's rig: the hips travel at a steady pace
// while the legs swing, so its feet skate a lot.
func walk(t testing.TB, seconds float64) capture {
	rig, err := rigs.Load("move")
	if err != nil {
		t.Fatal(err)
	}
	c, err := synth.Clip(rig, synth.Options{Kind: synth.Walk, FPS: 120, Seconds: seconds, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	s := c.Actors[0].Skeleton
	return capture{"synthetic walk", c, &Body{
		Left:  legByNames(t, s, "_1:LeftUpLeg", "_1:LeftLeg", "_1:LeftFoot", "_1:LeftToeBase"),
		Right: legByNames(t, s, "_1:RightUpLeg", "_1:RightLeg", "_1:RightFoot", "_1:RightToeBase"),
		Hips:  s.Index("_1:Hips"), Wrists: []int{s.Index("_1:LeftHand"), s.Index("_1:RightHand")},
		Up: motion.Vec3{Y: 1}, MetresPerUnit: 1,
	}}
}

// withJitter returns a copy of c with Gaussian jitter: sigma metres on
// every position of a positions-only clip; else sigma on the root's
// translation and, on every rotation, the turn that moves joints by sigma
// on average.
func withJitter(c capture, sigma float64, seed uint64) capture {
	rng := rand.New(rand.NewPCG(seed, 1))
	a := cloneActor(c.clip.Actors[0])
	units := sigma / c.body.MetresPerUnit
	gauss := func(s float64) motion.Vec3 {
		return motion.Vec3{X: rng.NormFloat64() * s, Y: rng.NormFloat64() * s, Z: rng.NormFloat64() * s}
	}
	rotated := false
	for _, tr := range a.Tracks {
		rotated = rotated || tr.R != nil
	}
	if !rotated {
		// Positions only: jitter each joint's world place.
		ps := worldPositions(a)
		for f := range a.Frames {
			noisy := make([]motion.Vec3, ps.joints)
			for j := range noisy {
				noisy[j] = ps.at(f, j).Add(gauss(units))
			}
			for j, joint := range a.Skeleton.Joints {
				v := noisy[j]
				if joint.Parent >= 0 {
					v = v.Sub(noisy[joint.Parent])
				}
				a.Tracks[j].T[f] = v
			}
		}
	} else {
		// Rotations: a random turn per joint and frame, scaled so that the
		// joints move sigma on average (chains add their parents' turns).
		type kick struct {
			axis  motion.Vec3
			angle float64
		}
		kicks := make([][]kick, len(a.Tracks))
		for j := range a.Tracks {
			kicks[j] = make([]kick, len(a.Tracks[j].R))
			for f := range kicks[j] {
				kicks[j][f] = kick{gauss(1), rng.NormFloat64()}
			}
		}
		shake := func(scale float64) *motion.Actor {
			b := cloneActor(a)
			for j := range b.Tracks {
				for f := range b.Tracks[j].R {
					k := kicks[j][f]
					b.Tracks[j].R[f] = motion.AxisAngle(k.axis, k.angle*scale).Mul(b.Tracks[j].R[f]).Normalize()
				}
			}
			return b
		}
		p0, p1 := worldPositions(a), worldPositions(shake(0.01))
		var sum float64
		for k := range p0.p {
			sum += p1.p[k].Sub(p0.p[k]).Len()
		}
		mean := sum / float64(len(p0.p))
		a = shake(0.01 * units / mean)
		root := rootOf(a.Skeleton)
		if tr := &a.Tracks[root]; tr.T != nil {
			for f := range tr.T {
				tr.T[f] = tr.T[f].Add(gauss(units))
			}
		}
	}
	out := *c.clip
	out.Actors = []*motion.Actor{a}
	c.clip, c.name = &out, c.name+" + jitter"
	return c
}

// withDrift returns a copy of c in which each planted foot slides by
// metres, forwards, through each contact (found on c), and comes back over
// 0.15 s after it.
func withDrift(c capture, metres float64) capture {
	src := c.clip.Actors[0]
	a := cloneActor(src)
	ps := worldPositions(src)
	b := c.body
	ensureR(a, b.Left.Hip, b.Left.Knee, b.Left.Ankle, b.Right.Hip, b.Right.Knee, b.Right.Ankle)
	back := int(0.15 * c.clip.FPS)
	w := make([]motion.Mat4, len(a.Skeleton.Joints))
	sig := footSignals(ps, b, c.clip.FPS, segments(ps, rootOf(src.Skeleton), b.MetresPerUnit))
	for i, leg := range b.Legs() {
		planted := detectContacts(sig[i], c.clip.FPS)
		drift := make([]motion.Vec3, a.Frames)
		for _, r := range runs(planted) {
			s, e := r[0], r[1]
			dir := horizontal(ps.at(s, leg.Toe).Sub(ps.at(s, leg.Ankle)), b.Up).Normalize()
			end := dir.Scale(metres / b.MetresPerUnit)
			for f := s; f < e; f++ {
				drift[f] = end.Scale(float64(f-s) / float64(max(1, e-1-s)))
			}
			for k := 1; k <= back && e-1+k < a.Frames; k++ {
				drift[e-1+k] = end.Scale(1 - float64(k)/float64(back))
			}
		}
		for f := range a.Frames {
			if drift[f] == (motion.Vec3{}) {
				continue
			}
			w = a.WorldMatrices(f, w)
			solveLeg(a, w, f, leg, ps.at(f, leg.Ankle).Add(drift[f]), 0, b.Up, nil, motion.Vec3{})
		}
		_ = i
	}
	out := *c.clip
	out.Actors = []*motion.Actor{a}
	c.clip, c.name = &out, c.name+" + drift"
	return c
}

// judged cleans a capture and measures source and result against the
// capture before jitter or drift were added (truth).
type judged struct {
	before, after Numbers
	truth         Numbers // the truth measured against itself
	report        Report
	// moved is how far joints outside the legs moved from the truth (after
	// the move to the floor), cm: the median and the 99th percentile of
	// every joint and frame, beside Fidelity, their largest.
	moved [2]float64
}

func judge(t testing.TB, truth, input capture, o Options) judged {
	t.Helper()
	res, err := Clean(t.Context(), input.clip, []*Body{input.body}, o)
	if err != nil {
		t.Fatal(err)
	}
	rep := res.Actors[0]
	ref := truth.clip.Actors[0]
	fps := truth.clip.FPS
	var dist []float64
	b := truth.body
	s := ref.Skeleton
	p0, p1 := worldPositions(ref), worldPositions(res.Clip.Actors[0])
	for f := range p0.frames() {
		var up motion.Vec3
		if rep.Lift != nil {
			up = b.Up.Scale(rep.Lift[f] / b.MetresPerUnit)
		}
		for j := range s.Joints {
			if above(s, j, b.Hips) || j == b.Left.Hip || j == b.Right.Hip || above(s, b.Left.Hip, j) || above(s, b.Right.Hip, j) {
				continue
			}
			dist = append(dist, p1.at(f, j).Sub(p0.at(f, j).Add(up)).Len()*b.MetresPerUnit*100)
		}
	}
	sort.Float64s(dist)
	return judged{
		moved:  [2]float64{dist[len(dist)/2], dist[len(dist)*99/100]},
		truth:  Compare(ref, ref, fps, truth.body, rep.Contacts, nil),
		before: Compare(ref, input.clip.Actors[0], fps, truth.body, rep.Contacts, nil),
		after:  Compare(ref, res.Clip.Actors[0], fps, truth.body, rep.Contacts, rep.Lift),
		report: rep,
	}
}

func pct(before, after float64) float64 {
	if before == 0 {
		return 0
	}
	return 100 * (after - before) / before
}

var _ = math.Abs
