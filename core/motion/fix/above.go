package fix

import (
	"math"

	"singlecam/core/motion"
)

// DropNodesAbove removes, from each actor, the still glTF nodes (kind
// motion.Node, not animated) above joint roots[actor] (its hips), bones
// between them kept, baking
// their turn, move and uniform scale into the joints right under them and
// their scale into every length below: an Armature node turned 90° and
// scaled 0.01 above a Mixamo character's hips goes, and the hips come out
// upright in the node's parent's units. Where a node scales unevenly or
// moves, or roots[actor] is -1, the actor is left as it was.
func DropNodesAbove(c *motion.Clip, roots []int) *motion.Clip {
	out := cloneClip(c)
	for ai, a := range out.Actors {
		if ai >= len(roots) || roots[ai] < 0 {
			continue
		}
		if s, ok := dropAbove(a, roots[ai]); ok {
			*a = *s
		}
	}
	return out
}

func dropAbove(a *motion.Actor, hips int) (*motion.Actor, bool) {
	s := a.Skeleton
	drop := map[int]bool{}
	for j := s.Joints[hips].Parent; j >= 0; j = s.Joints[j].Parent {
		if s.Joints[j].Kind != motion.Node {
			continue // a bone above the hips (Move One's Root) is the rig's own
		}
		t := a.Tracks[j]
		if t.T != nil || t.R != nil || t.S != nil {
			return nil, false
		}
		drop[j] = true
	}
	if len(drop) == 0 {
		return nil, false
	}
	// Each dropped node's world transform (the chain above is all dropped
	// nodes, or ends at a kept joint, whose frame the result stays in).
	world := map[int]motion.Transform{}
	var worldOf func(j int) (motion.Transform, bool)
	worldOf = func(j int) (motion.Transform, bool) {
		if w, ok := world[j]; ok {
			return w, true
		}
		r := s.Joints[j].Rest
		if sc := r.S; math.Abs(sc.X-sc.Y) > 1e-9*math.Abs(sc.X) || math.Abs(sc.X-sc.Z) > 1e-9*math.Abs(sc.X) || !(sc.X > 0) {
			return motion.Transform{}, false
		}
		if p := s.Joints[j].Parent; p >= 0 && drop[p] {
			pw, ok := worldOf(p)
			if !ok {
				return motion.Transform{}, false
			}
			r = motion.Transform{T: pw.Apply(r.T), R: pw.R.Mul(r.R).Normalize(), S: pw.S.Mul(r.S)}
		}
		world[j] = r
		return r, true
	}
	for j := range drop {
		if _, ok := worldOf(j); !ok {
			return nil, false
		}
	}
	// scale[j] multiplies joint j's lengths: the product of the dropped
	// scales above it.
	scale := make([]float64, len(s.Joints))
	keep := make([]int, len(s.Joints)) // old index → new, -1 dropped
	ns := &motion.Skeleton{}
	tracks := make([]motion.Track, 0, len(s.Joints))
	for j, joint := range s.Joints {
		scale[j] = 1
		if joint.Parent >= 0 && !drop[joint.Parent] {
			scale[j] = scale[joint.Parent]
		}
		if drop[j] {
			keep[j] = -1
			continue
		}
		keep[j] = len(ns.Joints)
		t := a.Tracks[j]
		nj := joint
		if joint.Parent >= 0 && drop[joint.Parent] {
			// Right under the dropped nodes: their whole transform.
			w := world[joint.Parent]
			scale[j] = w.S.X
			nj.Parent = s.Joints[joint.Parent].Parent
			for nj.Parent >= 0 && drop[nj.Parent] {
				nj.Parent = s.Joints[nj.Parent].Parent
			}
			nj.Rest.T = w.Apply(joint.Rest.T)
			nj.Rest.R = w.R.Mul(joint.Rest.R).Normalize()
			if t.T != nil {
				v := make([]motion.Vec3, len(t.T))
				for f, p := range t.T {
					v[f] = w.Apply(p)
				}
				t.T = v
			}
			if t.R != nil {
				q := make([]motion.Quat, len(t.R))
				for f, r := range t.R {
					q[f] = w.R.Mul(r).Normalize()
				}
				t.R = q
			}
		} else if k := scale[j]; k != 1 {
			nj.Rest.T = joint.Rest.T.Scale(k)
			if t.T != nil {
				v := make([]motion.Vec3, len(t.T))
				for f, p := range t.T {
					v[f] = p.Scale(k)
				}
				t.T = v
			}
		}
		if nj.Parent >= 0 {
			nj.Parent = keep[nj.Parent]
		}
		ns.Joints = append(ns.Joints, nj)
		tracks = append(tracks, t)
	}
	out := *a
	out.Skeleton, out.Tracks = ns, tracks
	return &out, true
}
