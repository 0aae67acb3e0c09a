package movedata

import (
	"fmt"
	"math"
	"sort"

	"singlecam/core/motion"
)

// parents names each joint of Move's sample above it; joints a file adds
// that this table does not know stand alone (drawn as points).
var parents = map[string]string{
	"Left_hip": "Root", "Left_knee": "Left_hip", "Left_ankle": "Left_knee", "Left_toe": "Left_ankle",
	"Right_hip": "Root", "Right_knee": "Right_hip", "Right_ankle": "Right_knee", "Right_toe": "Right_ankle",
	"Spine1": "Root", "Spine2": "Spine1", "Neck": "Spine2",
	"Left_shoulder_rotation": "Spine2", "Left_elbow": "Left_shoulder_rotation", "Left_wrist": "Left_elbow",
	"Right_shoulder_rotation": "Spine2", "Right_elbow": "Right_shoulder_rotation", "Right_wrist": "Right_elbow",
}

// frames are the joints whose turn is fixed by three children: which way
// is up (towards the first) and which way is the body's left (from the
// third towards the second). The pelvis and the chest turn as a whole.
var frames = map[string][3]string{
	"Root":   {"Spine1", "Left_hip", "Right_hip"},
	"Spine2": {"Neck", "Left_shoulder_rotation", "Right_shoulder_rotation"},
}

// restDirections are the rest pose's bone directions (Y up, facing +Z,
// the body's left towards +X) for joints along a limb: a T-pose, legs
// straight down, toes forward and a little down, arms out. Joints not here
// keep their average place in their parent's frame.
var restDirections = map[string]motion.Vec3{
	"Left_knee": {Y: -1}, "Left_ankle": {Y: -1}, "Left_toe": motion.Vec3{Y: -0.4, Z: 1}.Normalize(),
	"Right_knee": {Y: -1}, "Right_ankle": {Y: -1}, "Right_toe": motion.Vec3{Y: -0.4, Z: 1}.Normalize(),
	"Spine2":     {Y: 1},
	"Left_elbow": {X: 1}, "Left_wrist": {X: 1},
	"Right_elbow": {X: -1}, "Right_wrist": {X: -1},
}

// feet lists the joints whose ground reaction force plants each foot.
var feet = [2][]string{{"Left_ankle", "Left_toe"}, {"Right_ankle", "Right_toe"}}

// contactForce is the reaction force above which a foot is planted. Move's
// sample gives forces in what reads as newtons: a standing foot carries
// hundreds, a foot in the air exactly 0, with a few small values as a foot
// lands or lifts.
const contactForce = 50

// build turns world positions into a skeleton that moves by rotations, as
// a capture from a rigged character does: bone lengths fixed at their
// average, each bone turned to point where the file's next joint is, the
// pelvis and chest turned as a whole by their three children, and only the
// roots translated.
func build(name string, names []string, times []float64, pos [][]motion.Vec3, force [][]float64) (*motion.Clip, error) {
	present := map[string]bool{}
	for _, n := range names {
		present[n] = true
	}
	depth := func(n string) int {
		d := 0
		for p, ok := parents[n]; ok && present[p]; p, ok = parents[p] {
			d++
		}
		return d
	}
	// Parents first: sort by depth in the known tree (unknown joints and
	// joints whose parent is missing are roots, depth 0).
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return depth(names[order[i]]) < depth(names[order[j]]) })
	skel := &motion.Skeleton{}
	at := map[string]int{}
	for _, i := range order {
		n := names[i]
		parent := -1
		if k, ok := at[parents[n]]; ok {
			parent = k
		}
		at[n] = len(skel.Joints)
		skel.Joints = append(skel.Joints, motion.Joint{Name: n, Parent: parent, Rest: motion.Rest})
	}
	nf := len(pos)
	p := func(j, f int) motion.Vec3 { return pos[f][order[j]] }
	world := make([][]motion.Quat, len(skel.Joints)) // per joint, per frame
	a := &motion.Actor{Name: name, Skeleton: skel, Frames: nf, Tracks: make([]motion.Track, len(skel.Joints))}
	for j := range skel.Joints {
		joint := &skel.Joints[j]
		parentTurn := func(f int) motion.Quat {
			if joint.Parent < 0 {
				return motion.Identity
			}
			return world[joint.Parent][f]
		}
		// Where this joint sits in its parent's frame: along its rest
		// direction at the bone's average length, or on average.
		if joint.Parent >= 0 {
			var sum motion.Vec3
			length := 0.0
			for f := range nf {
				d := p(j, f).Sub(p(joint.Parent, f))
				length += d.Len()
				sum = sum.Add(parentTurn(f).Conj().Rotate(d))
			}
			if dir, ok := restDirections[joint.Name]; ok {
				joint.Rest.T = dir.Scale(length / float64(nf))
			} else {
				joint.Rest.T = sum.Scale(1 / float64(nf))
			}
		} else {
			joint.Rest.T = p(j, 0)
			a.Tracks[j].T = make([]motion.Vec3, nf)
			for f := range nf {
				a.Tracks[j].T[f] = p(j, f)
			}
		}
		world[j] = turns(skel, at, j, nf, p, parentTurn)
		if world[j] == nil { // no child to point at: it turns with its parent
			world[j] = make([]motion.Quat, nf)
			for f := range nf {
				world[j][f] = parentTurn(f)
			}
			continue
		}
		r := make([]motion.Quat, nf)
		for f := range nf {
			r[f] = parentTurn(f).Conj().Mul(world[j][f]).Normalize()
		}
		a.Tracks[j].R = r
	}
	a.Contacts = contacts(names, force)
	c := &motion.Clip{Name: name, FPS: rate(times), Actors: []*motion.Actor{a}, MetresPerUnit: 1}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotMotionData, err)
	}
	return c, nil
}

// turns returns joint j's world rotation on every frame, or nil when no
// child fixes it (the joint then turns with its parent, whose world
// rotations the same function gave).
func turns(skel *motion.Skeleton, at map[string]int, j, nf int, p func(j, f int) motion.Vec3, parentTurn func(f int) motion.Quat) []motion.Quat {
	name := skel.Joints[j].Name
	child := func(n string) int {
		if k, ok := at[n]; ok && skel.Joints[k].Parent == j {
			return k
		}
		return -1
	}
	out := make([]motion.Quat, nf)
	if fr, ok := frames[name]; ok {
		up, left, right := child(fr[0]), child(fr[1]), child(fr[2])
		if up >= 0 && left >= 0 && right >= 0 {
			for f := range nf {
				out[f] = basis(p(up, f).Sub(p(j, f)), p(left, f).Sub(p(right, f)))
			}
			return out
		}
	}
	for _, k := range skel.Children(j) {
		rest, ok := restDirections[skel.Joints[k].Name]
		if !ok {
			continue
		}
		for f := range nf {
			pt := parentTurn(f)
			out[f] = between(pt.Rotate(rest), p(k, f).Sub(p(j, f))).Mul(pt).Normalize()
		}
		return out
	}
	return nil
}

// basis is the rotation that takes +Y to up and +X to left (made square to
// up), so +Z, the body's front, follows.
func basis(up, left motion.Vec3) motion.Quat {
	y := up.Normalize()
	x := left.Sub(y.Scale(left.Dot(y))).Normalize()
	if y.Len() < 0.5 || x.Len() < 0.5 {
		return motion.Identity
	}
	z := x.Cross(y)
	m := motion.Mat4{x.X, x.Y, x.Z, 0, y.X, y.Y, y.Z, 0, z.X, z.Y, z.Z, 0, 0, 0, 0, 1}
	return m.Decompose().R
}

// between is the shortest rotation taking direction a to direction b (the
// identity when either has no length).
func between(a, b motion.Vec3) motion.Quat {
	a, b = a.Normalize(), b.Normalize()
	if a.Len() < 0.5 || b.Len() < 0.5 {
		return motion.Identity
	}
	d := a.Dot(b)
	if d < -1+1e-9 {
		axis := a.Cross(motion.Vec3{X: 1})
		if axis.Len() < 1e-6 {
			axis = a.Cross(motion.Vec3{Y: 1})
		}
		return motion.AxisAngle(axis.Normalize(), math.Pi)
	}
	c := a.Cross(b)
	return motion.Quat{X: c.X, Y: c.Y, Z: c.Z, W: 1 + d}.Normalize()
}

// contacts turns the feet's ground reaction forces into per-frame
// contacts, or nil when the file gives no force at all (it does not know).
func contacts(names []string, force [][]float64) *motion.FootContacts {
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	any := false
	fc := &motion.FootContacts{Left: make([]bool, len(force)), Right: make([]bool, len(force))}
	for side, joints := range feet {
		dst := fc.Left
		if side == 1 {
			dst = fc.Right
		}
		for _, n := range joints {
			i, ok := idx[n]
			if !ok {
				continue
			}
			any = true
			for f := range force {
				dst[f] = dst[f] || force[f][i] > contactForce
			}
		}
	}
	if !any {
		return nil
	}
	return fc
}
