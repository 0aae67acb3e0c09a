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

// withJitter returns a copy of c with Gaussian jitter on every joint's
// place, the "1–2 cm on positions or the equivalent on rotations":
// the joints move rms metres from where they were, as the root mean square
// over every joint and frame (1.5 cm: a Gaussian of 0.87 cm on each axis).
//
// A positions-only clip gets that Gaussian on each joint's world place. A
// clip of rotations gets its equivalent: each joint's place plus such a
// Gaussian is a target, and top down each joint turns so that its bones
// point at their children's targets (a joint with several children, the
// hips, at their sum), the root moving to its own target; so each joint
// moves about as far as its own noise, where turning every bone at random
// would add the turns up along a chain (1.5 cm of such turns moved the
// hands and head up to 12 cm). Bone lengths are kept, so only the noise
// across a bone shows; its scale is found (by two trial runs) so the
// joints move rms metres.
func withJitter(c capture, rms float64, seed uint64) capture {
	rng := rand.New(rand.NewPCG(seed, 1))
	src := c.clip.Actors[0]
	units := rms / c.body.MetresPerUnit
	noise := make([]motion.Vec3, src.Frames*len(src.Skeleton.Joints))
	for k := range noise {
		noise[k] = motion.Vec3{X: rng.NormFloat64(), Y: rng.NormFloat64(), Z: rng.NormFloat64()}
	}
	rotated := false
	for _, tr := range src.Tracks {
		rotated = rotated || tr.R != nil
	}
	var a *motion.Actor
	if !rotated {
		a = jitterPlaces(src, noise, units/math.Sqrt(3))
	} else {
		sigma := units / math.Sqrt(3)
		a = jitterTurns(src, noise, sigma, c.body.MetresPerUnit)
		for range 2 {
			sigma *= units / rmsMove(src, a)
			a = jitterTurns(src, noise, sigma, c.body.MetresPerUnit)
		}
	}
	out := *c.clip
	out.Actors = []*motion.Actor{a}
	c.clip, c.name = &out, c.name+" + jitter"
	return c
}

// jitterPlaces moves every joint of a positions-only actor by noise (one
// per frame and joint, frame-major) times sigma, in world space.
func jitterPlaces(src *motion.Actor, noise []motion.Vec3, sigma float64) *motion.Actor {
	a := cloneActor(src)
	ps := worldPositions(a)
	n := ps.joints
	for f := range a.Frames {
		for j, joint := range a.Skeleton.Joints {
			v := ps.at(f, j).Add(noise[f*n+j].Scale(sigma))
			if joint.Parent >= 0 {
				v = v.Sub(ps.at(f, joint.Parent).Add(noise[f*n+joint.Parent].Scale(sigma)))
			}
			a.Tracks[j].T[f] = v
		}
	}
	return a
}

// jitterTurns turns every joint of src so that its bones point at its
// children's places plus noise times sigma (see withJitter).
func jitterTurns(src *motion.Actor, noise []motion.Vec3, sigma, metres float64) *motion.Actor {
	const minBone = 0.05 // metres
	a := cloneActor(src)
	s := a.Skeleton
	n := len(s.Joints)
	kids := make([][]int, n)
	for j := range s.Joints {
		kids[j] = s.Children(j)
	}
	var w0 []motion.Mat4
	w := make([]motion.Mat4, n)
	for f := range a.Frames {
		w0 = src.WorldMatrices(f, w0)
		// A joint of its own gets its noise; an End Site (a bone's tip) or
		// a joint on a bone shorter than minBone (fingers, a joint sitting
		// on its parent) moves as its parent moved, keeping its bone's
		// direction: aiming a 3 cm bone at a point 1.5 cm off would turn it
		// by 30°.
		target := func(j int) motion.Vec3 {
			if s.Joints[j].Kind == motion.End || s.Joints[j].Rest.T.Len() < minBone/metres {
				p := s.Joints[j].Parent
				return w0[j].Translation().Add(w[p].Translation().Sub(w0[p].Translation()))
			}
			return w0[j].Translation().Add(noise[f*n+j].Scale(sigma))
		}
		for j, joint := range s.Joints {
			tr := &a.Tracks[j]
			if joint.Parent < 0 && tr.T != nil {
				tr.T[f] = tr.T[f].Add(noise[f*n+j].Scale(sigma))
			}
			m := a.Local(j, f).Matrix()
			if joint.Parent >= 0 {
				m = w[joint.Parent].Mul(&m)
			}
			w[j] = m
			if tr.R == nil || len(kids[j]) == 0 {
				continue
			}
			o := w[j].Translation()
			var from, to []motion.Vec3
			for _, k := range kids[j] {
				from = append(from, w[j].Point(a.Local(k, f).T).Sub(o))
				to = append(to, target(k).Sub(o))
			}
			parent := motion.Identity
			if joint.Parent >= 0 {
				parent = rotationOf(&w[joint.Parent])
			}
			tr.R[f] = turnLocal(tr.R[f], parent, bestTurn(from, to))
			m = a.Local(j, f).Matrix()
			if joint.Parent >= 0 {
				m = w[joint.Parent].Mul(&m)
			}
			w[j] = m
		}
	}
	return a
}

// bestTurn returns the rotation that takes the directions from closest to
// to, in the least-squares sense (Horn's quaternion method; the shortest
// arc for a single direction).
func bestTurn(from, to []motion.Vec3) motion.Quat {
	if len(from) == 1 {
		return arc(from[0], to[0])
	}
	var s [3][3]float64 // Σ from · toᵀ
	for k := range from {
		u, v := from[k], to[k]
		uu, vv := [3]float64{u.X, u.Y, u.Z}, [3]float64{v.X, v.Y, v.Z}
		for r := range 3 {
			for c := range 3 {
				s[r][c] += uu[r] * vv[c]
			}
		}
	}
	n := [4][4]float64{
		{s[0][0] + s[1][1] + s[2][2], s[1][2] - s[2][1], s[2][0] - s[0][2], s[0][1] - s[1][0]},
		{s[1][2] - s[2][1], s[0][0] - s[1][1] - s[2][2], s[0][1] + s[1][0], s[2][0] + s[0][2]},
		{s[2][0] - s[0][2], s[0][1] + s[1][0], -s[0][0] + s[1][1] - s[2][2], s[1][2] + s[2][1]},
		{s[0][1] - s[1][0], s[2][0] + s[0][2], s[1][2] + s[2][1], -s[0][0] - s[1][1] + s[2][2]},
	}
	// The eigenvector of n's largest eigenvalue, by power iteration on n
	// shifted to be positive definite, from no turn at all.
	var shift float64
	for r := range 4 {
		for c := range 4 {
			shift += math.Abs(n[r][c])
		}
	}
	q := [4]float64{1, 0, 0, 0} // w, x, y, z
	for range 200 {
		var next [4]float64
		var norm float64
		for r := range 4 {
			next[r] = shift * q[r]
			for c := range 4 {
				next[r] += n[r][c] * q[c]
			}
			norm += next[r] * next[r]
		}
		norm = math.Sqrt(norm)
		for r := range 4 {
			q[r] = next[r] / norm
		}
	}
	return motion.Quat{W: q[0], X: q[1], Y: q[2], Z: q[3]}.Normalize()
}

// rmsMove is the root mean square of how far every joint of b is from
// where it is in a, over every frame, in a's units.
func rmsMove(a, b *motion.Actor) float64 {
	p0, p1 := worldPositions(a), worldPositions(b)
	var sum float64
	var n int
	for k := range p0.p {
		if a.Skeleton.Joints[k%p0.joints].Kind == motion.End {
			continue
		}
		d := p1.p[k].Sub(p0.p[k])
		sum += d.Dot(d)
		n++
	}
	return math.Sqrt(sum / float64(n))
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
			solveLeg(a, w, f, leg, ps.at(f, leg.Ankle).Add(drift[f]), 0, b.Up, 0, nil, motion.Vec3{})
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
	cut := cutAt(segments(p0, rootOf(s), b.MetresPerUnit), p0.frames())
	for f := range p0.frames() {
		if lone(cut, f) {
			continue // a T-pose is not motion (see Numbers.Fidelity)
		}
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
