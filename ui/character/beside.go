package character

import (
	"math"

	"singlecam/core/motion"
)

// beside returns a two-actor clip for the player: the motion's first actor
// and the character moved by it, the character set to the side (along X)
// just far enough that at no frame does it reach into the motion's figure,
// with a stride between them. A motion that travels along X keeps its
// partner near, where a gap as wide as the whole path would put a small
// character out of sight. Neither input changes.
func beside(src, moved *motion.Clip, srcName, charName string) *motion.Clip {
	a, b := *src.Actors[0], *moved.Actors[0]
	a.Name, b.Name = srcName, charName
	gap := 1.2
	var pa, pb []motion.Vec3
	for f := 0; f < min(a.Frames, b.Frames); f += max(1, a.Frames/120) {
		pa, pb = a.WorldPositions(f, pa), b.WorldPositions(f, pb)
		right, left := math.Inf(-1), math.Inf(1)
		for _, p := range pa {
			right = math.Max(right, p.X)
		}
		for _, p := range pb {
			left = math.Min(left, p.X)
		}
		gap = math.Max(gap, right-left+0.4)
	}
	b.Skeleton = &motion.Skeleton{Joints: append([]motion.Joint(nil), b.Skeleton.Joints...)}
	b.Tracks = append([]motion.Track(nil), b.Tracks...)
	for j, joint := range b.Skeleton.Joints {
		if joint.Parent >= 0 {
			continue
		}
		// A root moves in its parent's space, which is the world's.
		b.Skeleton.Joints[j].Rest.T.X += gap
		if t := b.Tracks[j].T; t != nil {
			shifted := make([]motion.Vec3, len(t))
			for f, v := range t {
				shifted[f] = motion.Vec3{X: v.X + gap, Y: v.Y, Z: v.Z}
			}
			b.Tracks[j].T = shifted
		}
	}
	fps := src.FPS
	return &motion.Clip{Name: src.Name, FPS: fps, Actors: []*motion.Actor{&a, &b}, MetresPerUnit: 1}
}
