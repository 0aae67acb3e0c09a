package retarget

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// MissingError says which core roles a match leaves undriven, and which
// file lacks each: the motion (no bone for it at all) or the character (its
// bone is not matched).
type MissingError struct {
	// Roles lists the missing core roles, in CoreRoles' order.
	Roles []string
	// InMotion lists those of Roles the motion has no bone for at all (its
	// skeleton is not a whole humanoid's): no match can drive them.
	InMotion []string
	// Character names the character ("CesiumMan"), when known.
	Character string
}

// InCharacter lists those of Roles the motion has a bone for: the
// character's bones for them are not matched (or it has none).
func (e *MissingError) InCharacter() []string {
	var out []string
	for _, r := range e.Roles {
		if !slices.Contains(e.InMotion, r) {
			out = append(out, r)
		}
	}
	return out
}

// Error lists the missing roles by the file that lacks them.
func (e *MissingError) Error() string {
	var parts []string
	if len(e.InMotion) > 0 {
		parts = append(parts, "the motion has no bone for "+strings.Join(e.InMotion, ", "))
	}
	if c := e.InCharacter(); len(c) > 0 {
		who := "the character"
		if e.Character != "" {
			who += " " + e.Character
		}
		parts = append(parts, who+" has no bone matched for "+strings.Join(c, ", "))
	}
	return strings.Join(parts, "; ")
}

// ErrNoMotion is returned for a motion without frames or a skeleton.
var ErrNoMotion = errors.New("the motion has no frames")

// Option changes how a motion is put on a character.
type Option func(*plan)

// InPlace keeps the character's hips over its world's vertical axis (the
// up axis through the origin) at every frame: the motion's travel is
// dropped, its rise and fall kept.
func InPlace() Option { return func(p *plan) { p.inPlace = true } }

// Actor puts src's motion on the character whose rest skeleton is target,
// as the match m pairs their bones. The result moves target's skeleton
// (shared, not copied) for as many frames as src has: a rotation track for
// every matched bone, a translation track for the hips, and nothing for
// unmatched bones, which keep their rest pose. src is not changed. It moves
// what is matched even when core bones are not (for a preview while a
// person matches them); Character.Retarget refuses that.
//
// Both skeletons are read in their own world space, whatever stands above
// their hips (a rotated, scaled armature node, a Root joint): the hips'
// height above the floor follows the motion's, scaled by the ratio of the
// two figures' hips heights, so the feet stand where the motion's stand.
func Actor(src *motion.Actor, target *motion.Skeleton, m *Match, opts ...Option) (*motion.Actor, error) {
	if src == nil || src.Skeleton == nil || src.Frames < 1 || len(src.Tracks) != len(src.Skeleton.Joints) {
		return nil, ErrNoMotion
	}
	p, err := newPlan(src.Skeleton, target, m)
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		o(p)
	}
	if p.contacts != nil {
		p.groundByContacts()
	}
	return p.run(src), nil
}

// plan is what a retarget works out once from the two rest poses.
type plan struct {
	source, target *motion.Skeleton
	src            []int         // target joint → driving source joint, or -1
	align          []motion.Quat // target joint → rest alignment (in the facing frame)
	primary        []int         // target joint → the matched child whose direction it follows, or -1
	facing         motion.Quat   // turns the character's world (up, facing) to the motion's
	hips           int           // the character's hips, or -1
	srcHips        int
	ratio          float64 // character's hips height over the motion's

	// The figures, when roles.Find reads both skeletons: the floor and the
	// hips travel then follow the motion's ground, whatever each world's
	// origin is.
	sFig, tFig *roles.Humanoid
	srcLegs    []int           // the motion's leg joints, ends included: the lowest touches the ground
	tgtLegs    []int           // the character's
	tClear     map[int]float64 // each of the character's leg joints' height above its floor at rest
	// soles are points that move with the character's ankles where the
	// motion's feet have joints (the ball, the heel): a character whose
	// feet have no joint at the ball (CesiumMan) still keeps its toes out
	// of the floor when the motion pushes off from its toes.
	soles  []sole
	sClear map[int]float64 // the motion's
	// contacts are the character's sole vertices (Soles): when set, they
	// stand for its feet's joints in finding its lowest point, each as
	// high above the floor at rest as the lowest of them (contactClear, below
	// tFloor: a sole is under the ankle's joint).
	contacts     []Contact
	contactClear float64
	footJoint    map[int]bool // the character's ankles and the joints below them
	tFloor       float64      // the lowest of them in the rest pose, along the character's up
	sFloor       float64      // the motion's leg joints' lowest, along its up
	inPlace      bool
	// srcVia marks the matched joints whose motion bone reaches the motion
	// bone of their primary child through unmatched motion joints (CMU's
	// Neck1 between Neck and Head): their turn is corrected each frame so
	// they point where the motion's chain ends.
	srcVia []bool
	// apart are the character's feet that stand apart from its legs (an
	// IK rig's): placed where their shins end each frame (apart.go).
	apart []apartFoot
	// via holds, for a matched joint whose primary child is reached through
	// unmatched joints (a character's third spine bone when the motion has
	// two), those joints in order: they share the joint's bend.
	via [][]int

	sRestQ, tRestQ []motion.Quat
	sRestP, tRestP []motion.Vec3
}

func restQuats(s *motion.Skeleton) []motion.Quat {
	q := make([]motion.Quat, len(s.Joints))
	for i, j := range s.Joints {
		q[i] = j.Rest.R.Normalize()
		if j.Parent >= 0 {
			q[i] = q[j.Parent].Mul(q[i])
		}
	}
	return q
}

func positions(m []motion.Mat4) []motion.Vec3 {
	p := make([]motion.Vec3, len(m))
	for i := range m {
		p[i] = m[i].Translation()
	}
	return p
}

func isAncestor(s *motion.Skeleton, a, b int) bool {
	for k := s.Joints[b].Parent; k >= 0; k = s.Joints[k].Parent {
		if k == a {
			return true
		}
	}
	return false
}

func newPlan(source, target *motion.Skeleton, m *Match) (*plan, error) {
	src, err := m.bind(target, source)
	if err != nil {
		return nil, err
	}
	p := &plan{
		source: source, target: target, src: src,
		align:   make([]motion.Quat, len(target.Joints)),
		primary: make([]int, len(target.Joints)),
		facing:  motion.Identity, hips: -1, srcHips: -1, ratio: 1,
		sRestQ: restQuats(source), tRestQ: restQuats(target),
		sRestP: positions(source.RestWorld()), tRestP: positions(target.RestWorld()),
	}
	sroles, _ := Roles(source, nil)
	drivenBy := func(role string) int { // the character's joint driven by the motion's role
		s, ok := sroles[role]
		if !ok {
			return -1
		}
		for t, ss := range src {
			if ss == s {
				return t
			}
		}
		return -1
	}
	if h, ok := sroles["hips"]; ok {
		p.srcHips, p.hips = h, drivenBy("hips")
	}
	sFig, serr := roles.Find(source)
	tFig, terr := roles.Find(target)
	if serr == nil && terr == nil && sFig.HipsHeight > 0 && tFig.HipsHeight > 0 {
		p.sFig, p.tFig = sFig, tFig
		p.facing = worldTurn(tFig, sFig)
		p.ratio = tFig.HipsHeight / sFig.HipsHeight
		p.srcLegs, p.tgtLegs = legJoints(source, sFig), legJoints(target, tFig)
		// The character's floor as its own leg joints say: the three.js
		// robot's feet stand apart from its legs, which end at the shin.
		_, up, _ := axes(tFig)
		p.tFloor = math.Inf(1)
		for _, j := range p.tgtLegs {
			p.tFloor = min(p.tFloor, p.tRestP[j].Dot(up))
		}
		// The motion's likewise, along the up its frames are measured by
		// (snapped to an axis: the robot's hips-to-head line leans 12°).
		_, sUp, _ := axes(sFig)
		p.sFloor = math.Inf(1)
		for _, j := range p.srcLegs {
			p.sFloor = min(p.sFloor, p.sRestP[j].Dot(sUp))
		}
		// Each leg joint stands as high above the floor at rest as its
		// clearance: an ankle's is the heel under it, a toe joint's the
		// sole. The lowest point of a frame is the lowest joint less its
		// clearance, so a foot rolling onto its heel keeps the heel, not
		// the ankle joint, on the floor.
		// Only the feet's joints (the ankle and below) count so: a knee
		// is no nearer the floor for bending.
		// Only for feet without a joint at the ball (steep, below): a
		// foot with one stands on its joints, as the motion's do.
		if steep(target, p.tRestP, footOf(tFig.LeftLeg), tFig.Up) || steep(target, p.tRestP, footOf(tFig.RightLeg), tFig.Up) {
			p.tClear = clearances(target, tFig, p.tRestP, up, p.tFloor)
			p.sClear = clearances(source, sFig, p.sRestP, sUp, p.sFloor)
		}
	} else {
		p.facing = p.facingTurn(sroles, drivenBy)
		p.ratio = p.legRatio(sroles, drivenBy)
	}
	// Feet whose next joint is more below the ankle than ahead of it (or
	// missing) say nothing by their direction: they turn from their rest.
	feet := map[int]bool{}
	if p.tFig != nil {
		for _, l := range p.tFig.Legs() {
			if f := footOf(l); f >= 0 && steep(target, p.tRestP, f, p.tFig.Up) {
				feet[f] = true
				if l.Toes >= 0 {
					feet[l.Toes] = true
				}
			}
		}
	}
	p.via = make([][]int, len(target.Joints))
	p.srcVia = make([]bool, len(target.Joints))
	for t := range target.Joints {
		p.primary[t] = -1
		if src[t] < 0 {
			continue
		}
		p.align[t] = p.alignment(t)
		if feet[t] || t == p.hips && p.tFig != nil {
			// A foot turns from its own rest as the motion's turns from
			// its: a sole flat in both rest poses stays flat, where copying
			// the ankle-to-toe line would tilt a foot modelled at another
			// pitch into the floor (CesiumMan's, under Move's). The hips
			// likewise: both figures stand upright at rest, while the line
			// from the hips to the spine's first joint may point anywhere
			// (the three.js robot's hangs below and behind its hips).
			p.align[t] = motion.Identity
			p.primary[t] = -1
		}
		if c := p.primary[t]; c >= 0 {
			p.srcVia[t] = source.Joints[src[c]].Parent != src[t]
			var path []int
			for k := target.Joints[c].Parent; k != t && k >= 0; k = target.Joints[k].Parent {
				path = append([]int{k}, path...)
			}
			if len(path) > 0 && target.Joints[t].Parent >= 0 {
				p.via[t] = path
			}
		}
	}
	if p.tClear != nil {
		_, up, _ := axes(p.tFig)
		p.soleLayout(up)
	}
	p.apart = p.apartFeet()
	return p, nil
}

// steep reports whether a foot's ankle (joint a of s, -1 for none) has no
// child, or one more below it than ahead of it in the rest pose: CesiumMan's
// second foot joint sits under its ankle, not at the ball of the foot.
func steep(s *motion.Skeleton, rest []motion.Vec3, a int, up motion.Vec3) bool {
	if a < 0 {
		return true
	}
	kids := s.Children(a)
	if len(kids) == 0 {
		return true
	}
	best := kids[0]
	for _, c := range kids {
		if rest[c].Sub(rest[a]).Len() > rest[best].Sub(rest[a]).Len() {
			best = c
		}
	}
	d := rest[best].Sub(rest[a])
	down := -d.Dot(up)
	ahead := d.Sub(up.Scale(d.Dot(up))).Len()
	return down > ahead
}

// share spreads matched joint t's bend over the unmatched joints between it
// and its primary child: with its parent's world turn from rest gp and its
// own g (both world rotation times rest world rotation's inverse), each of
// the n joints takes an equal part of the turn between them, and the whole
// chain is then turned about t so that the primary child lies where it
// would with t alone bending (the chain ends where the motion's does). It
// returns t's new world turn and fills turns with the others'.
func (p *plan) share(t int, gp, g motion.Quat, turns map[int]motion.Quat) motion.Quat {
	chain := append([]int{t}, p.via[t]...)
	end := p.primary[t]
	rel := g.Mul(gp.Conj()).Normalize()
	n := float64(len(chain))
	parts := make([]motion.Quat, len(chain))
	var got motion.Vec3
	for i, j := range chain {
		parts[i] = motion.Identity.Slerp(rel, float64(i+1)/n).Mul(gp).Normalize()
		next := end
		if i+1 < len(chain) {
			next = chain[i+1]
		}
		got = got.Add(parts[i].Rotate(p.tRestP[next].Sub(p.tRestP[j])))
	}
	want := g.Rotate(p.tRestP[end].Sub(p.tRestP[t]))
	fix := motion.Identity
	if got.Len() > 1e-12 && want.Len() > 1e-12 {
		fix = between(got.Normalize(), want.Normalize())
	}
	for i, j := range chain[1:] {
		turns[j] = fix.Mul(parts[i+1])
	}
	return fix.Mul(parts[0])
}

// sole is a point fixed to a character's ankle: where, in the ankle's rest
// frame, and how high above the floor it stands at rest.
type sole struct {
	ankle int
	local motion.Vec3
	clear float64
}

// soles lays the motion's foot joints (each ankle's descendants) onto the
// character's ankles, scaled by the figures' ratio: the same points of the
// foot, in the character's rest frame.
func (p *plan) soleLayout(up motion.Vec3) {
	back := p.facing.Conj()
	restW := p.target.RestWorld()
	sLegs, tLegs := p.sFig.Legs(), p.tFig.Legs()
	for k := range 2 {
		sa, ta := footOf(sLegs[k]), footOf(tLegs[k])
		if sa < 0 || ta < 0 {
			continue
		}
		inv, ok := restW[ta].Inverse()
		if !ok {
			continue
		}
		walk(p.source, sa, func(j int) {
			if j == sa {
				return
			}
			// The motion's rest offset, turned as the ankle's alignment
			// turns the character's rest foot onto the motion's.
			off := p.align[ta].Conj().Rotate(p.sRestP[j].Sub(p.sRestP[sa]))
			at := p.tRestP[ta].Add(back.Rotate(off).Scale(p.ratio))
			p.soles = append(p.soles, sole{ankle: ta, local: inv.Point(at), clear: at.Dot(up) - p.tFloor})
		})
	}
}

// clearances gives each joint of the figure's feet (each ankle and every
// joint below it) its height above floor in the rest pose.
func clearances(s *motion.Skeleton, h *roles.Humanoid, rest []motion.Vec3, up motion.Vec3, floor float64) map[int]float64 {
	out := map[int]float64{}
	for _, l := range h.Legs() {
		if f := footOf(l); f >= 0 {
			walk(s, f, func(j int) { out[j] = rest[j].Dot(up) - floor })
		}
	}
	return out
}

// walk calls f for j and every joint below it.
func walk(s *motion.Skeleton, j int, f func(int)) {
	f(j)
	for k := j + 1; k < len(s.Joints); k++ {
		if isAncestor(s, j, k) {
			f(k)
		}
	}
}

// axes is a figure's up and forward, each snapped to its world's nearest
// axis when within 20° of it (a head a little ahead of the hips does not
// tilt the whole motion), and its left.
func axes(h *roles.Humanoid) (left, up, fwd motion.Vec3) {
	snap := func(v motion.Vec3) motion.Vec3 {
		for _, a := range []motion.Vec3{{X: 1}, {Y: 1}, {Z: 1}} {
			if d := v.Dot(a); math.Abs(d) >= math.Cos(20*math.Pi/180) {
				return a.Scale(math.Copysign(1, d))
			}
		}
		return v
	}
	up = snap(h.Up)
	fwd = h.Forward.Sub(up.Scale(h.Forward.Dot(up))).Normalize()
	fwd = snap(fwd)
	fwd = fwd.Sub(up.Scale(fwd.Dot(up))).Normalize()
	return up.Cross(fwd), up, fwd
}

// worldTurn is the rotation taking the character's world axes (its up,
// its facing, its left) onto the motion's: a Z-up motion facing −Y goes on
// a Y-up character facing +Z, a VRM 0.x avatar facing −Z follows a motion
// facing +Z.
func worldTurn(from, to *roles.Humanoid) motion.Quat {
	fl, fu, ff := axes(from)
	tl, tu, tf := axes(to)
	var m motion.Mat4
	for row := range 3 {
		for col := range 3 {
			comp := func(v motion.Vec3, i int) float64 { return [3]float64{v.X, v.Y, v.Z}[i] }
			m[col*4+row] = comp(tl, row)*comp(fl, col) + comp(tu, row)*comp(fu, col) + comp(tf, row)*comp(ff, col)
		}
	}
	m[15] = 1
	return m.Decompose().R.Normalize()
}

// facingTurn is the turn about the vertical that takes the character's
// left (its right thigh to its left thigh, or its arms) to the motion's, so
// a character modelled facing −Z (VRM 0.x) follows a motion facing +Z.
func (p *plan) facingTurn(sroles map[string]int, drivenBy func(string) int) motion.Quat {
	for _, pair := range [][2]string{{"leftUpperLeg", "rightUpperLeg"}, {"leftUpperArm", "rightUpperArm"}} {
		sl, sok := sroles[pair[0]]
		sr, sok2 := sroles[pair[1]]
		tl, tr := drivenBy(pair[0]), drivenBy(pair[1])
		if !sok || !sok2 || tl < 0 || tr < 0 {
			continue
		}
		a := p.tRestP[tl].Sub(p.tRestP[tr])
		b := p.sRestP[sl].Sub(p.sRestP[sr])
		a.Y, b.Y = 0, 0
		if a.Len() < 1e-9 || b.Len() < 1e-9 {
			continue
		}
		angle := math.Atan2(a.Cross(b).Y, a.Dot(b))
		return motion.AxisAngle(motion.Vec3{Y: 1}, angle)
	}
	return motion.Identity
}

// legRatio is the character's leg length (thigh to ankle) over the motion's.
func (p *plan) legRatio(sroles map[string]int, drivenBy func(string) int) float64 {
	var ts, ss float64
	for _, side := range []string{"left", "right"} {
		chain := []string{side + "UpperLeg", side + "LowerLeg", side + "Foot"}
		var tl, sl float64
		ok := true
		for i := 1; i < len(chain); i++ {
			t0, t1 := drivenBy(chain[i-1]), drivenBy(chain[i])
			s0, ok0 := sroles[chain[i-1]]
			s1, ok1 := sroles[chain[i]]
			if t0 < 0 || t1 < 0 || !ok0 || !ok1 {
				ok = false
				break
			}
			tl += p.tRestP[t1].Sub(p.tRestP[t0]).Len()
			sl += p.sRestP[s1].Sub(p.sRestP[s0]).Len()
		}
		if ok {
			ts += tl
			ss += sl
		}
	}
	if ss <= 0 || ts <= 0 {
		return 1
	}
	return ts / ss
}

// matchedChildren returns the character's nearest matched descendants of t
// whose driving bones descend from t's.
func (p *plan) matchedChildren(t int) []int {
	var out []int
	var walk func(j int)
	walk = func(j int) {
		for _, c := range p.target.Children(j) {
			if p.src[c] >= 0 {
				if isAncestor(p.source, p.src[t], p.src[c]) {
					out = append(out, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(t)
	return out
}

// alignment is the rotation that takes the character's rest bone t (turned
// to the motion's facing) onto the motion's rest bone: its direction to its
// primary matched child exactly, and its turn about that direction from a
// second matched child when it has one (the hips' thighs, a hand's thumb).
// A bone with no matched child follows its single child when both bones
// have exactly one, else keeps its parent's alignment.
func (p *plan) alignment(t int) motion.Quat {
	s := p.src[t]
	ts, ss := p.tRestP[t], p.sRestP[s]
	dirT := func(c int) motion.Vec3 { return p.facing.Rotate(p.tRestP[c].Sub(ts)).Normalize() }
	dirS := func(c int) motion.Vec3 { return p.sRestP[c].Sub(ss).Normalize() }
	kids := p.matchedChildren(t)
	if len(kids) == 0 {
		if q, ok := p.shinToFoot(t); ok {
			return q
		}
		tc, sc := p.target.Children(t), p.source.Children(s)
		if len(tc) == 1 && len(sc) == 1 && p.tRestP[tc[0]].Sub(ts).Len() > 1e-9 && p.sRestP[sc[0]].Sub(ss).Len() > 1e-9 {
			return between(dirT(tc[0]), dirS(sc[0]))
		}
		for k := p.target.Joints[t].Parent; k >= 0; k = p.target.Joints[k].Parent {
			if p.src[k] >= 0 {
				return p.align[k]
			}
		}
		return motion.Identity
	}
	// The primary child continues the line into the bone (the spine above
	// the hips, the middle finger along the forearm).
	in := motion.Vec3{Y: 1}
	if par := p.source.Joints[s].Parent; par >= 0 {
		if d := ss.Sub(p.sRestP[par]); d.Len() > 1e-9 {
			in = d.Normalize()
		}
	}
	prim, best := kids[0], math.Inf(-1)
	for _, c := range kids {
		if d := dirS(p.src[c]).Dot(in); d > best {
			prim, best = c, d
		}
	}
	p.primary[t] = prim
	a, b := dirT(prim), dirS(p.src[prim])
	q := between(a, b)
	// The second child: the one furthest from the primary's line.
	sec, far := -1, 0.2
	for _, c := range kids {
		if c == prim {
			continue
		}
		if d := 1 - math.Abs(dirS(p.src[c]).Dot(b)); d > far {
			sec, far = c, d
		}
	}
	if sec >= 0 {
		a2 := q.Rotate(dirT(sec))
		b2 := dirS(p.src[sec])
		a2 = a2.Sub(b.Scale(a2.Dot(b)))
		b2 = b2.Sub(b.Scale(b2.Dot(b)))
		if a2.Len() > 1e-3 && b2.Len() > 1e-3 {
			angle := math.Atan2(b.Dot(a2.Cross(b2)), a2.Dot(b2))
			q = motion.AxisAngle(b, angle).Mul(q)
		}
	}
	return q
}

// between is the smallest rotation taking unit vector a to unit vector b.
func between(a, b motion.Vec3) motion.Quat {
	d := a.Dot(b)
	if d < -1+1e-12 {
		axis := a.Cross(motion.Vec3{X: 1})
		if axis.Len() < 1e-6 {
			axis = a.Cross(motion.Vec3{Y: 1})
		}
		return motion.AxisAngle(axis, math.Pi)
	}
	c := a.Cross(b)
	return motion.Quat{X: c.X, Y: c.Y, Z: c.Z, W: 1 + d}.Normalize()
}

// run computes every frame: each matched bone's world rotation is the
// motion bone's turn from its rest, applied to the character's rest bone
// aligned onto the motion's; local rotations follow from the parents'. The
// hips' translations come last, once the motion's ground is known.
func (p *plan) run(src *motion.Actor) *motion.Actor {
	n, frames := len(p.target.Joints), src.Frames
	out := &motion.Actor{Name: src.Name, Skeleton: p.target, Frames: frames, Tracks: make([]motion.Track, n)}
	for t := range n {
		if p.src[t] >= 0 {
			out.Tracks[t].R = make([]motion.Quat, frames)
		}
	}
	back := p.facing.Conj()
	sq := make([]motion.Quat, len(p.source.Joints))
	tq := make([]motion.Quat, n)
	tm := make([]motion.Mat4, n)
	locals := make([]motion.Transform, n)
	// Each apart foot's world position and its parent's inverse per frame,
	// with the hips at their rest offset: the hips' travel moves them last.
	apartAt := make([][]motion.Vec3, len(p.apart))
	apartParentInv := make([][]motion.Mat4, len(p.apart))
	hipsAt := make([]motion.Vec3, frames)
	for i, a := range p.apart {
		apartAt[i], apartParentInv[i] = make([]motion.Vec3, frames), make([]motion.Mat4, frames)
		out.Tracks[a.foot].T = make([]motion.Vec3, frames)
	}
	var sm []motion.Mat4
	shared := map[int]motion.Quat{}
	// What the hips need: the motion's hips per frame, the inverse of the
	// character's hips' parent per frame, the motion's lowest leg point.
	var srcHips []motion.Vec3
	var parentInv []motion.Mat4
	// The feet: the motion's lowest leg point per frame, and the
	// character's with its hips left at their rest offset (its hips' height
	// then moves every leg joint up or down alike).
	var sLow, tLow, tHips []float64
	var legH []float64 // the motion's leg joints' heights, frame by frame
	ground := math.Inf(1)
	var up, tUp motion.Vec3
	if p.sFig != nil {
		_, up, _ = axes(p.sFig)
		_, tUp, _ = axes(p.tFig)
	}
	if p.hips >= 0 {
		srcHips = make([]motion.Vec3, frames)
		parentInv = make([]motion.Mat4, frames)
		sLow, tLow, tHips = make([]float64, frames), make([]float64, frames), make([]float64, frames)
		legH = make([]float64, frames*len(p.srcLegs))
	}
	for f := range frames {
		for j, joint := range p.source.Joints {
			sq[j] = src.Local(j, f).R.Normalize()
			if joint.Parent >= 0 {
				sq[j] = sq[joint.Parent].Mul(sq[j])
			}
		}
		sm = src.WorldMatrices(f, sm)
		if p.hips >= 0 {
			srcHips[f] = sm[p.srcHips].Translation()
			for k, j := range p.srcLegs {
				legH[f*len(p.srcLegs)+k] = sm[j].Translation().Dot(up)
			}
		}
		for t, joint := range p.target.Joints {
			local := joint.Rest
			parentQ, parentM := motion.Identity, motion.Ident4
			if joint.Parent >= 0 {
				parentQ, parentM = tq[joint.Parent], tm[joint.Parent]
			}
			if s := p.src[t]; s >= 0 {
				turn := sq[s].Mul(p.sRestQ[s].Conj())
				if p.srcVia[t] {
					sc := p.src[p.primary[t]]
					pred := turn.Rotate(p.sRestP[sc].Sub(p.sRestP[s]))
					cur := sm[sc].Translation().Sub(sm[s].Translation())
					if pred.Len() > 1e-12 && cur.Len() > 1e-12 {
						turn = between(pred.Normalize(), cur.Normalize()).Mul(turn)
					}
				}
				world := back.Mul(turn).Mul(p.align[t]).Mul(p.facing).Mul(p.tRestQ[t])
				if p.via[t] != nil {
					par := joint.Parent
					gp := parentQ.Mul(p.tRestQ[par].Conj())
					world = p.share(t, gp, world.Mul(p.tRestQ[t].Conj()), shared).Mul(p.tRestQ[t])
				}
				local.R = parentQ.Conj().Mul(world).Normalize()
				out.Tracks[t].R[f] = local.R
			} else if g, ok := shared[t]; ok {
				// An unmatched joint sharing its matched parent's bend: it
				// moves, so it gets a track of its own.
				if out.Tracks[t].R == nil {
					out.Tracks[t].R = make([]motion.Quat, frames)
					for k := 0; k < f; k++ {
						out.Tracks[t].R[k] = joint.Rest.R
					}
				}
				local.R = parentQ.Conj().Mul(g.Mul(p.tRestQ[t])).Normalize()
				out.Tracks[t].R[f] = local.R
			}
			if t == p.hips {
				parentInv[f] = motion.Ident4
				if inv, ok := parentM.Inverse(); ok && joint.Parent >= 0 {
					parentInv[f] = inv
				}
			}
			tq[t] = parentQ.Mul(local.R)
			lm := local.Matrix()
			tm[t] = parentM.Mul(&lm)
			locals[t] = local
		}
		if len(p.apart) > 0 {
			p.placeApart(tm, locals)
			for i, a := range p.apart {
				apartAt[i][f] = tm[a.foot].Translation()
				apartParentInv[i][f] = motion.Ident4
				if par := p.target.Joints[a.foot].Parent; par >= 0 {
					apartParentInv[i][f], _ = tm[par].Inverse()
				}
			}
			if p.hips >= 0 {
				hipsAt[f] = tm[p.hips].Translation()
			}
		}
		if p.hips >= 0 && p.sFig != nil {
			tHips[f] = tm[p.hips].Translation().Dot(tUp)
			tLow[f] = math.Inf(1)
			for _, j := range p.tgtLegs {
				if !p.footJoint[j] {
					tLow[f] = min(tLow[f], tm[j].Translation().Dot(tUp)-p.tClear[j])
				}
			}
			for i := range p.contacts {
				tLow[f] = min(tLow[f], p.contacts[i].At(tm).Dot(tUp)-p.contactClear)
			}
			for _, so := range p.soles {
				tLow[f] = min(tLow[f], tm[so.ankle].Point(so.local).Dot(tUp)-so.clear)
			}

		}
	}
	if sLow != nil {
		ground = p.lowest(legH, sLow)
	}
	pinned := false
	switch {
	case p.sFig == nil || sLow == nil:
	case math.Abs(ground-p.sFloor) < 0.1*p.sFig.HipsHeight:
		// The motion stands where its rest pose does (a foot rolling onto
		// its heel dips a little lower): its rest floor is the ground.
		ground = p.sFloor
	default:
		// A capture whose rest pose stands elsewhere (CMU's, 16.5 units
		// below its origin) has its ground at its lowest frame, unless
		// that is a moment's dip well under where its feet stand most
		// (CMU's 01_01 at 16.9 s, 6 cm under its stance): as the ground
		// it would float the character 6 cm for the rest of the clip. The
		// stance is the ground then, and frames dipping under it keep the
		// character on its floor.
		if st := stance(sLow); st-ground > 0.03*p.sFig.HipsHeight {
			ground, pinned = st, true
		}
	}
	if p.hips >= 0 {
		out.Tracks[p.hips].T = make([]motion.Vec3, frames)
		for f := range frames {
			want := p.hipsAt(srcHips[f], back, up, ground)
			if p.sFig != nil {
				// Feet first: the character's lowest leg point stands as
				// high above its floor as the motion's does above its
				// ground, scaled.
				want = want.Sub(tUp.Scale(want.Dot(tUp)))
				above := sLow[f] - ground
				if pinned {
					above = max(above, 0)
				}
				height := tHips[f] + p.tFloor + above*p.ratio - tLow[f]
				want = want.Add(tUp.Scale(height))
			}
			out.Tracks[p.hips].T[f] = parentInv[f].Point(want)
			for i, a := range p.apart {
				out.Tracks[a.foot].T[f] = apartParentInv[i][f].Point(apartAt[i][f].Add(want.Sub(hipsAt[f])))
			}
		}
	} else {
		for i, a := range p.apart {
			for f := range frames {
				out.Tracks[a.foot].T[f] = apartParentInv[i][f].Point(apartAt[i][f])
			}
		}
	}
	return out
}

// lowest fills low with the motion's lowest sole point at each frame, from
// its leg joints' heights (frame by frame, in srcLegs' order), and returns
// the lowest of all. A joint's sole point is its height less its clearance,
// but never lower than the joint itself comes in the clip above its lowest
// leg joint: a rest pose's foot may stand pitched (Move's rig, built from
// positions, holds its ankle 6.7 cm above its toe at rest, yet its ankle
// comes within 3 mm of the floor once cleaned), and a clearance it never
// shows would put its sole through the floor and float the character.
func (p *plan) lowest(legH, low []float64) float64 {
	n := len(p.srcLegs)
	frames := len(low)
	clear := make([]float64, n)
	floor := math.Inf(1)
	least := make([]float64, n)
	for k := range least {
		least[k] = math.Inf(1)
		for f := range frames {
			least[k] = min(least[k], legH[f*n+k])
		}
		floor = min(floor, least[k])
	}
	for k, j := range p.srcLegs {
		clear[k] = min(p.sClear[j], max(0, least[k]-floor))
	}
	ground := math.Inf(1)
	for f := range frames {
		low[f] = math.Inf(1)
		for k := range n {
			low[f] = min(low[f], legH[f*n+k]-clear[k])
		}
		ground = min(ground, low[f])
	}
	return ground
}

// stance is the height the motion's lowest foot point keeps most, from its
// height at every frame: the tenth percentile, below a walk's or a jump's
// swings (a foot is on the ground most of the time) and above a moment's
// dip.
func stance(low []float64) float64 {
	s := slices.Clone(low)
	slices.Sort(s)
	return s[len(s)/10]
}

// hipsAt is where the character's hips go (in its world) when the motion's
// are at h; run then sets their height by the feet. With both figures known, the height above the motion's ground
// (its lowest leg point over the clip) and the travel from the motion's
// rest spot are scaled by the hips heights' ratio (the ground is the
// motion's rest floor when its lowest point stays near it, as in any file
// whose rest pose stands on its floor) and put above the
// character's own floor and rest spot (or its vertical axis, in place).
// Otherwise the travel from the motion's rest hips is scaled alone.
func (p *plan) hipsAt(h motion.Vec3, back motion.Quat, up motion.Vec3, ground float64) motion.Vec3 {
	if p.sFig == nil {
		want := p.tRestP[p.hips].Add(back.Rotate(h.Sub(p.sRestP[p.srcHips])).Scale(p.ratio))
		if p.inPlace {
			tUp := back.Rotate(motion.Vec3{Y: 1})
			want = tUp.Scale(want.Dot(tUp))
		}
		return want
	}
	_, tUp, _ := axes(p.tFig)
	flat := func(v, u motion.Vec3) motion.Vec3 { return v.Sub(u.Scale(v.Dot(u))) }
	height := (h.Dot(up) - ground) * p.ratio
	tRest := p.tRestP[p.hips]
	floor := tRest.Dot(tUp) - p.tFig.HipsHeight
	want := tUp.Scale(floor + height)
	if !p.inPlace {
		travel := flat(h.Sub(p.sRestP[p.srcHips]), up)
		want = want.Add(flat(tRest, tUp)).Add(back.Rotate(travel).Scale(p.ratio))
	}
	return want
}

// Clip puts every frame of the clip's first actor on the character; see
// Actor. The result is a one-actor clip at the same frame rate, named
// after the motion, in the character's units (unknown to the clip: a glTF
// character's are metres).
func Clip(c *motion.Clip, target *motion.Skeleton, m *Match, opts ...Option) (*motion.Clip, error) {
	if c == nil || len(c.Actors) == 0 {
		return nil, ErrNoMotion
	}
	a, err := Actor(c.Actors[0], target, m, opts...)
	if err != nil {
		return nil, err
	}
	if m.Character != "" {
		a.Name = m.Character
	}
	out := &motion.Clip{Name: c.Name, FPS: c.FPS, Actors: []*motion.Actor{a}}
	if err := out.Validate(); err != nil {
		return nil, fmt.Errorf("retarget: %w", err)
	}
	return out, nil
}
