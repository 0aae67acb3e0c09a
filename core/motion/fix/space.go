package fix

import (
	"errors"
	"math"

	"singlecam/core/motion"
)

// ZUp turns a Y-up clip into a Z-up one (Blender's and Unreal's space): the
// whole motion turns +90° about X, so what stood up along +Y stands up along
// +Z and the character's front (+Z) faces −Y. Only the roots change: their
// rest and animated translations and rotations are turned.
func ZUp(c *motion.Clip) *motion.Clip {
	return turn(c, motion.AxisAngle(motion.Vec3{X: 1}, math.Pi/2))
}

// turn applies rotation q to the whole motion, at its roots.
func turn(c *motion.Clip, q motion.Quat) *motion.Clip {
	out := cloneClip(c)
	for _, a := range out.Actors {
		a.Skeleton = cloneSkeleton(a.Skeleton)
		for j := range a.Skeleton.Joints {
			joint := &a.Skeleton.Joints[j]
			if joint.Parent >= 0 {
				continue
			}
			joint.Rest.T = q.Rotate(joint.Rest.T)
			joint.Rest.R = q.Mul(joint.Rest.R)
			t := a.Tracks[j]
			if t.T != nil {
				v := make([]motion.Vec3, len(t.T))
				for f, p := range t.T {
					v[f] = q.Rotate(p)
				}
				t.T = v
			}
			if t.R != nil {
				r := make([]motion.Quat, len(t.R))
				for f, x := range t.R {
					r[f] = q.Mul(x)
				}
				t.R = r
			}
			a.Tracks[j] = t
		}
	}
	return out
}

// ErrBadScale is returned for a scale Scale cannot use.
var ErrBadScale = errors.New("the scale must be a positive number")

// Scale multiplies every length of the clip by k (100 turns metres into
// centimetres): rest and animated translations. MetresPerUnit follows.
func Scale(c *motion.Clip, k float64) (*motion.Clip, error) {
	if !(k > 0) || math.IsInf(k, 0) {
		return nil, ErrBadScale
	}
	out := cloneClip(c)
	if out.MetresPerUnit > 0 {
		out.MetresPerUnit /= k
	}
	for _, a := range out.Actors {
		a.Skeleton = cloneSkeleton(a.Skeleton)
		for j := range a.Skeleton.Joints {
			a.Skeleton.Joints[j].Rest.T = a.Skeleton.Joints[j].Rest.T.Scale(k)
			t := a.Tracks[j]
			if t.T != nil {
				v := make([]motion.Vec3, len(t.T))
				for f, p := range t.T {
					v[f] = p.Scale(k)
				}
				t.T = v
			}
			a.Tracks[j] = t
		}
	}
	return out, nil
}

// InPlace removes the horizontal travel of each actor's moving root (the
// first joint, in skeleton order, with animated translation: the hips in
// Move One's rig) so it stays over the origin, keeping its height: the
// motion stays where it is, on the spot. The clip must be Y up.
func InPlace(c *motion.Clip) *motion.Clip {
	out := cloneClip(c)
	for _, a := range out.Actors {
		mover := -1
		for j, t := range a.Tracks {
			if t.T != nil {
				mover = j
				break
			}
		}
		if mover < 0 {
			continue
		}
		parent := a.Skeleton.Joints[mover].Parent
		v := make([]motion.Vec3, len(a.Tracks[mover].T))
		var world []motion.Mat4
		for f := range v {
			local := a.Tracks[mover].T[f]
			if parent < 0 {
				v[f] = motion.Vec3{Y: local.Y}
				continue
			}
			world = a.WorldMatrices(f, world)
			p := world[parent].Point(local)
			inv, ok := world[parent].Inverse()
			if !ok {
				v[f] = local
				continue
			}
			v[f] = inv.Point(motion.Vec3{Y: p.Y})
		}
		t := a.Tracks[mover]
		t.T = v
		a.Tracks[mover] = t
	}
	return out
}
