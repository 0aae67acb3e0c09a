package character

import (
	"math"

	"singlecam/core/motion"
)

// beside returns a two-actor clip for the player: the motion's first actor
// and the character moved by it, set to the side by the motion's width plus
// a stride so they never overlap. Neither input changes.
func beside(src, moved *motion.Clip, srcName, charName string) *motion.Clip {
	a, b := *src.Actors[0], *moved.Actors[0]
	a.Name, b.Name = srcName, charName
	box := motion.EmptyBox
	for _, c := range []*motion.Actor{&a, &b} {
		var pos []motion.Vec3
		for f := 0; f < c.Frames; f += max(1, c.Frames/60) {
			pos = c.WorldPositions(f, pos)
			for _, p := range pos {
				box = box.Add(p)
			}
		}
	}
	gap := math.Max(1.2, box.Size().X+0.4)
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
