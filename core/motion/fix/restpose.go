package fix

import "singlecam/core/motion"

// ZeroRestRotations returns the clip with every joint's rest rotation the
// identity and every motion as it was: offsets are turned into the rest
// pose's world axes and each frame's rotations become turns away from the
// rest pose. A BVH has no rest rotations (a joint's rest is its OFFSET
// alone), so a skeleton with bone rolls (glTF, FBX-born rigs) must be
// written this way for its BVH rest pose to be its real one. Scales are
// taken to be 1 (DropNodesAbove bakes a node's scale first).
func ZeroRestRotations(c *motion.Clip) *motion.Clip {
	out := cloneClip(c)
	for _, a := range out.Actors {
		s := a.Skeleton
		turned := false
		for _, j := range s.Joints {
			if j.Rest.R.Angle(motion.Identity) > 1e-9 {
				turned = true
				break
			}
		}
		if !turned {
			continue
		}
		n := len(s.Joints)
		rest := make([]motion.Quat, n) // rest world rotations
		for j, joint := range s.Joints {
			rest[j] = joint.Rest.R
			if joint.Parent >= 0 {
				rest[j] = rest[joint.Parent].Mul(joint.Rest.R).Normalize()
			}
		}
		parentRest := func(j int) motion.Quat {
			if p := s.Joints[j].Parent; p >= 0 {
				return rest[p]
			}
			return motion.Identity
		}
		ns := cloneSkeleton(s)
		for j := range ns.Joints {
			ns.Joints[j].Rest.T = parentRest(j).Rotate(s.Joints[j].Rest.T)
			ns.Joints[j].Rest.R = motion.Identity
		}
		tracks := make([]motion.Track, n)
		world := make([]motion.Quat, n)
		delta := make([]motion.Quat, n)
		for j := range tracks {
			tracks[j].S = a.Tracks[j].S
			if a.Tracks[j].T != nil {
				v := make([]motion.Vec3, a.Frames)
				for f, p := range a.Tracks[j].T {
					v[f] = parentRest(j).Rotate(p)
				}
				tracks[j].T = v
			}
			// Every joint gets rotations: a still joint under a moving one
			// still turns relative to the rest once the rest is level.
			tracks[j].R = make([]motion.Quat, a.Frames)
		}
		for f := range a.Frames {
			for j, joint := range s.Joints {
				w := a.Local(j, f).R
				if joint.Parent >= 0 {
					w = world[joint.Parent].Mul(w)
				}
				world[j] = w.Normalize()
				delta[j] = world[j].Mul(rest[j].Conj()).Normalize()
				local := delta[j]
				if joint.Parent >= 0 {
					local = delta[joint.Parent].Conj().Mul(delta[j])
				}
				tracks[j].R[f] = local.Normalize()
			}
		}
		a.Skeleton, a.Tracks = ns, tracks
	}
	return out
}
