// Package fix holds the transformations an export applies to a clip so it
// imports cleanly into a tool: renaming bones, dropping the T-pose frame,
// changing the up axis and the unit, resampling, keeping the motion in
// place, trimming and splitting actors. Each is a pure function: it returns
// a new clip and leaves its input as it was (skeletons and tracks that do
// not change are shared, never written to).
package fix

import "singlecam/core/motion"

// cloneClip copies the clip and its actors (not their skeletons or tracks'
// backing arrays), so a transformation can replace what it changes.
func cloneClip(c *motion.Clip) *motion.Clip {
	out := *c
	out.Actors = make([]*motion.Actor, len(c.Actors))
	for i, a := range c.Actors {
		ac := *a
		ac.Tracks = append([]motion.Track(nil), a.Tracks...)
		out.Actors[i] = &ac
	}
	return &out
}

func cloneSkeleton(s *motion.Skeleton) *motion.Skeleton {
	return &motion.Skeleton{Joints: append([]motion.Joint(nil), s.Joints...)}
}
