package retarget

import (
	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Feet apart from their legs: an IK rig (the three.js robot) ends its legs
// at the shin and keeps each foot as a joint of its own under the root,
// which its animations move where the shin ends. roles.Find names such a
// foot Leg.Apart. Nothing the legs do moves it, so a retarget places it:
// it goes where the shin's end goes (its rest spot, carried by the shin),
// and turns as the motion's foot turns.

// footOf is a leg's foot: its ankle joint, or the foot standing apart from
// it; -1 for none.
func footOf(l roles.Leg) int { return max(l.Foot, l.Apart) }

// legJoints lists a figure's leg joints: each leg from its first joint
// after the hips, and each foot standing apart, with every joint below.
func legJoints(s *motion.Skeleton, h *roles.Humanoid) []int {
	var out []int
	for _, l := range h.Legs() {
		if len(l.Chain) > 0 {
			walk(s, l.Chain[0], func(j int) { out = append(out, j) })
		}
		if l.Apart >= 0 {
			walk(s, l.Apart, func(j int) { out = append(out, j) })
		}
	}
	return out
}

// apartFoot is a character's foot placed by its shin: where it stands in
// the shin's rest frame.
type apartFoot struct {
	foot, shin int
	local      motion.Vec3
}

// apartFeet lists the character's matched feet that stand apart from
// their legs.
func (p *plan) apartFeet() []apartFoot {
	if p.tFig == nil {
		return nil
	}
	restW := p.target.RestWorld()
	var out []apartFoot
	for _, l := range p.tFig.Legs() {
		if l.Apart < 0 || l.Lower < 0 || p.src[l.Apart] < 0 {
			continue
		}
		inv, ok := restW[l.Lower].Inverse()
		if !ok {
			continue
		}
		out = append(out, apartFoot{foot: l.Apart, shin: l.Lower, local: inv.Point(p.tRestP[l.Apart])})
	}
	return out
}

// shinToFoot is the alignment of a shin whose foot stands apart, on
// either side (its foot is then not among its matched children): the
// character's shin-to-foot line onto the motion's. ok is false for any
// other joint.
func (p *plan) shinToFoot(t int) (q motion.Quat, ok bool) {
	if p.tFig == nil || p.sFig == nil {
		return motion.Identity, false
	}
	tLegs, sLegs := p.tFig.Legs(), p.sFig.Legs()
	for k, l := range tLegs {
		tf, sf := footOf(l), footOf(sLegs[k])
		if l.Lower != t || tf < 0 || sf < 0 || p.src[t] != sLegs[k].Lower || p.src[tf] != sf {
			continue
		}
		a := p.facing.Rotate(p.tRestP[tf].Sub(p.tRestP[t]))
		b := p.sRestP[sf].Sub(p.sRestP[p.src[t]])
		if a.Len() < 1e-12 || b.Len() < 1e-12 {
			return motion.Identity, false
		}
		return between(a.Normalize(), b.Normalize()), true
	}
	return motion.Identity, false
}

// placeApart moves each apart foot (and the joints below it) to where its
// shin carries it in the frame's world matrices tm, its turn kept, and
// keeps its local translation for the frame.
func (p *plan) placeApart(tm []motion.Mat4, local []motion.Transform) {
	for _, a := range p.apart {
		want := tm[a.shin].Point(a.local)
		parent := motion.Ident4
		if par := p.target.Joints[a.foot].Parent; par >= 0 {
			parent = tm[par]
		}
		inv, ok := parent.Inverse()
		if !ok {
			continue
		}
		local[a.foot].T = inv.Point(want)
		walk(p.target, a.foot, func(j int) {
			par := p.target.Joints[j].Parent
			m := local[j].Matrix()
			if par >= 0 {
				m = tm[par].Mul(&m)
			}
			tm[j] = m
		})
	}
}
