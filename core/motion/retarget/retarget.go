package retarget

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"singlecam/core/motion"
)

// MissingError says which core roles a match leaves undriven.
type MissingError struct {
	// Roles lists the missing core roles, in CoreRoles' order.
	Roles []string
}

// Error lists the missing roles.
func (e *MissingError) Error() string {
	return "the character has no bone matched for " + strings.Join(e.Roles, ", ")
}

// ErrNoMotion is returned for a motion without frames or a skeleton.
var ErrNoMotion = errors.New("the motion has no frames")

// Actor puts src's motion on the character whose rest skeleton is target,
// as the match m pairs their bones. The result moves target's skeleton
// (shared, not copied) for as many frames as src has: a rotation track for
// every matched bone, a translation track for the hips, and nothing for
// unmatched bones, which keep their rest pose. src is not changed. It moves
// what is matched even when core bones are not (for a preview while a
// person matches them); Character.Retarget refuses that.
func Actor(src *motion.Actor, target *motion.Skeleton, m *Match) (*motion.Actor, error) {
	if src == nil || src.Skeleton == nil || src.Frames < 1 || len(src.Tracks) != len(src.Skeleton.Joints) {
		return nil, ErrNoMotion
	}
	p, err := newPlan(src.Skeleton, target, m)
	if err != nil {
		return nil, err
	}
	return p.run(src), nil
}

// plan is what a retarget works out once from the two rest poses.
type plan struct {
	source, target *motion.Skeleton
	src            []int         // target joint → driving source joint, or -1
	align          []motion.Quat // target joint → rest alignment (in the facing frame)
	primary        []int         // target joint → the matched child whose direction it follows, or -1
	facing         motion.Quat   // turns the character's rest facing to the motion's
	hips           int           // the character's hips, or -1
	srcHips        int
	ratio          float64 // character's leg length over the motion's

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
	p.facing = p.facingTurn(sroles, drivenBy)
	if h, ok := sroles["hips"]; ok {
		p.srcHips, p.hips = h, drivenBy("hips")
	}
	p.ratio = p.legRatio(sroles, drivenBy)
	for t := range target.Joints {
		p.primary[t] = -1
		if src[t] < 0 {
			continue
		}
		p.align[t] = p.alignment(t)
	}
	return p, nil
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
// aligned onto the motion's; local rotations follow from the parents'.
func (p *plan) run(src *motion.Actor) *motion.Actor {
	n, frames := len(p.target.Joints), src.Frames
	out := &motion.Actor{Name: src.Name, Skeleton: p.target, Frames: frames, Tracks: make([]motion.Track, n)}
	for t := range n {
		if p.src[t] >= 0 {
			out.Tracks[t].R = make([]motion.Quat, frames)
		}
	}
	if p.hips >= 0 {
		out.Tracks[p.hips].T = make([]motion.Vec3, frames)
	}
	back := p.facing.Conj()
	sq := make([]motion.Quat, len(p.source.Joints))
	tq := make([]motion.Quat, n)
	tm := make([]motion.Mat4, n)
	var sm []motion.Mat4
	for f := range frames {
		for j, joint := range p.source.Joints {
			sq[j] = src.Local(j, f).R.Normalize()
			if joint.Parent >= 0 {
				sq[j] = sq[joint.Parent].Mul(sq[j])
			}
		}
		if p.hips >= 0 {
			sm = src.WorldMatrices(f, sm)
		}
		for t, joint := range p.target.Joints {
			local := joint.Rest
			parentQ, parentM := motion.Identity, motion.Ident4
			if joint.Parent >= 0 {
				parentQ, parentM = tq[joint.Parent], tm[joint.Parent]
			}
			if s := p.src[t]; s >= 0 {
				turn := sq[s].Mul(p.sRestQ[s].Conj())
				world := back.Mul(turn).Mul(p.align[t]).Mul(p.facing).Mul(p.tRestQ[t])
				local.R = parentQ.Conj().Mul(world).Normalize()
				out.Tracks[t].R[f] = local.R
			}
			if t == p.hips {
				travel := sm[p.srcHips].Translation().Sub(p.sRestP[p.srcHips])
				want := p.tRestP[t].Add(back.Rotate(travel).Scale(p.ratio))
				if inv, ok := parentM.Inverse(); ok && joint.Parent >= 0 {
					want = inv.Point(want)
				}
				local.T = want
				out.Tracks[t].T[f] = want
			}
			tq[t] = parentQ.Mul(local.R)
			lm := local.Matrix()
			tm[t] = parentM.Mul(&lm)
		}
	}
	return out
}

// Clip puts every frame of the clip's first actor on the character; see
// Actor. The result is a one-actor clip at the same frame rate, named
// after the motion, in the character's units (unknown to the clip: a glTF
// character's are metres).
func Clip(c *motion.Clip, target *motion.Skeleton, m *Match) (*motion.Clip, error) {
	if c == nil || len(c.Actors) == 0 {
		return nil, ErrNoMotion
	}
	a, err := Actor(c.Actors[0], target, m)
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
