package retarget

import (
	"math"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Contact is a vertex of a character's mesh that can touch the floor: a
// point of a sole, moved by up to four joints as glTF skinning moves it, or
// carried by one joint (a mesh node under the joint's node, as the three.js
// robot's feet are).
type Contact = motion.SkinPoint

// Soles grounds the character by the vertices of its feet (see Contacts)
// rather than by its foot joints: the lowest of them stands where the
// motion's lowest foot point does. A mesh is what touches the floor: a toe
// modelled past the foot's last joint (CesiumMan's) would otherwise go
// through it when the motion rolls onto the ball of its foot.
func Soles(c []Contact) Option {
	return func(p *plan) {
		if len(c) > 0 {
			p.contacts = c
		}
	}
}

// solesPerFoot bounds the contacts kept for each foot: one per cell of a
// grid laid over the sole, which holds every point that can come lowest
// while costing a few matrix products a frame.
const solesPerFoot = 12

// Contacts finds the soles of a character's feet in its file: for each foot
// (the ankle and every joint below it, or the foot standing apart from the
// leg, as roles.Find names them), the vertices moved mostly by it, thinned
// to the lowest vertex of each cell of a solesPerFoot×solesPerFoot grid
// laid flat under the foot in the rest pose. It returns nil for a
// character without feet or without meshes that move with its skeleton:
// its joints then stand for its soles.
// They are found once per Character; the slice is shared: do not change it.
func (c *Character) Contacts() []Contact {
	c.soles.Do(func() {
		if h, err := roles.Find(c.file.Skeleton); err == nil {
			c.solesFound = soles(c.vertices(), c.file.Skeleton, h)
		}
	})
	return c.solesFound
}

// soles picks the contacts of each foot out of the mesh's vertices.
func soles(all []vertex, sk *motion.Skeleton, h *roles.Humanoid) []Contact {
	// Which foot each joint belongs to: 0 left, 1 right, absent for none.
	foot := map[int]int{}
	for k, l := range h.Legs() {
		if f := footOf(l); f >= 0 {
			walk(sk, f, func(j int) { foot[j] = k })
		}
	}
	if len(foot) == 0 {
		return nil
	}
	var found [2][]vertex
	for _, v := range all {
		var on [2]float64
		for i, j := range v.c.Joints {
			if j < 0 {
				break
			}
			if k, ok := foot[j]; ok {
				on[k] += v.c.Weights[i]
			}
		}
		for k := range 2 {
			if on[k] >= 0.5 {
				found[k] = append(found[k], v)
			}
		}
	}
	_, up, fwd := axes(h)
	side := up.Cross(fwd)
	var out []Contact
	for _, vs := range found {
		out = append(out, thin(vs, up, fwd, side)...)
	}
	return out
}

// thin keeps, of one foot's vertices, the lowest (along up) in each cell of
// a grid of solesPerFoot×solesPerFoot cells spanning the foot's extent along
// fwd and side in the rest pose: the underside of the foot, which holds
// every point that can touch the floor as the foot rolls.
func thin(vs []vertex, up, fwd, side motion.Vec3) []Contact {
	if len(vs) == 0 {
		return nil
	}
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, v := range vs {
		a, b := v.rest.Dot(fwd), v.rest.Dot(side)
		lo[0], hi[0] = min(lo[0], a), max(hi[0], a)
		lo[1], hi[1] = min(lo[1], b), max(hi[1], b)
	}
	cell := func(x, l, h float64) int {
		if h-l < 1e-9 {
			return 0
		}
		return min(solesPerFoot-1, int((x-l)/(h-l)*solesPerFoot))
	}
	key := func(v vertex) int {
		return cell(v.rest.Dot(fwd), lo[0], hi[0])*solesPerFoot + cell(v.rest.Dot(side), lo[1], hi[1])
	}
	best := map[int]int{}
	for i, v := range vs {
		k := key(v)
		if b, ok := best[k]; !ok || v.rest.Dot(up) < vs[b].rest.Dot(up) {
			best[k] = i
		}
	}
	out := make([]Contact, 0, len(best))
	// In the vertices' order, so the same file gives the same contacts.
	for i, v := range vs {
		if best[key(v)] == i {
			out = append(out, v.c)
		}
	}
	return out
}

// groundByContacts makes the plan find the character's lowest point from
// its sole vertices instead of its foot joints: the joints' clearances and
// the soles laid from the motion's foot joints give way to the mesh itself.
// The motion's foot joints keep their clearances (its lowest point is its
// sole's, estimated from its joints), so a motion standing on its rest
// floor puts the character's lowest vertex on its own rest floor. Without
// both figures' roles there is no floor to keep, and nothing changes.
func (p *plan) groundByContacts() {
	if p.tFig == nil || p.sFig == nil {
		p.contacts = nil
		return
	}
	_, up, _ := axes(p.tFig)
	restW := p.target.RestWorld()
	low := math.Inf(1)
	for i := range p.contacts {
		low = min(low, p.contacts[i].At(restW).Dot(up))
	}
	p.contactClear = low - p.tFloor
	p.footJoint = map[int]bool{}
	for j := range clearances(p.target, p.tFig, p.tRestP, up, p.tFloor) {
		p.footJoint[j] = true
	}
	p.tClear, p.soles = nil, nil
	if p.sClear == nil {
		_, sUp, _ := axes(p.sFig)
		p.sClear = clearances(p.source, p.sFig, p.sRestP, sUp, p.sFloor)
	}
}
