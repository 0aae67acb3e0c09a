package preview

import (
	"math"
	"testing"

	"singlecam/core/motion"
)

// bigClip is actors skeletons of joints joints each (a binary tree, as
// branchy as a hand), every joint turning on every frame.
func bigClip(actors, joints, frames int) *motion.Clip {
	skel := &motion.Skeleton{}
	for j := range joints {
		rest := motion.Rest
		rest.T = vec(0.02*float64(j%3-1), 0.08, 0.01)
		parent := -1
		if j > 0 {
			parent = (j - 1) / 2
		}
		skel.Joints = append(skel.Joints, motion.Joint{Name: "j", Parent: parent, Rest: rest})
	}
	c := &motion.Clip{FPS: 60, MetresPerUnit: 1}
	for a := range actors {
		act := &motion.Actor{Skeleton: skel, Frames: frames, Tracks: make([]motion.Track, joints)}
		for j := range joints {
			r := make([]motion.Quat, frames)
			for f := range frames {
				r[f] = motion.AxisAngle(vec(1, float64(j%2), 0.5), 0.3*math.Sin(float64(f+a+j)/10))
			}
			act.Tracks[j].R = r
		}
		act.Tracks[0].T = make([]motion.Vec3, frames)
		for f := range frames {
			act.Tracks[0].T[f] = vec(float64(a), 0.9, float64(f)/60)
		}
		c.Actors = append(c.Actors, act)
	}
	return c
}

// Preparing one frame: forward kinematics of 2 actors × 60 joints and the
// projection of their bones, joints, shadows and the floor (target: < 1 ms).
func BenchmarkPrepareFrame(b *testing.B) {
	clip := bigClip(2, 60, 120)
	s := newScene(clip)
	cam := FrameBounds(s.bounds(), 1280.0/720)
	b.ReportAllocs()
	f := 0
	for b.Loop() {
		s.prepare(f%120, cam, 1280, 720, 1)
		f++
	}
}

// Drawing a prepared frame into pixels, for comparison: the part that
// grows with the window.
func BenchmarkDrawFrame(b *testing.B) {
	clip := bigClip(2, 60, 120)
	s := newScene(clip)
	cam := FrameBounds(s.bounds(), 1280.0/720)
	pic := s.prepare(0, cam, 1280, 720, 1)
	b.ReportAllocs()
	for b.Loop() {
		s.canvas.Draw(pic)
	}
}
