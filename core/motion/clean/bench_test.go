package clean

import (
	"testing"

	"singlecam/core/motion"
)

// minute returns CMU 01_01 repeated to a minute at 120 fps (7200 frames),
// the size the speed target names.
func minute(b testing.TB) capture {
	c := cmu(b)
	src := c.clip.Actors[0]
	const frames = 7200
	a := &motion.Actor{Name: src.Name, Skeleton: src.Skeleton, Frames: frames, Tracks: make([]motion.Track, len(src.Tracks))}
	for j, t := range src.Tracks {
		if t.T != nil {
			a.Tracks[j].T = make([]motion.Vec3, frames)
			for f := range frames {
				a.Tracks[j].T[f] = t.T[1+f%(src.Frames-1)]
			}
		}
		if t.R != nil {
			a.Tracks[j].R = make([]motion.Quat, frames)
			for f := range frames {
				a.Tracks[j].R[f] = t.R[1+f%(src.Frames-1)]
			}
		}
	}
	clip := *c.clip
	clip.Actors = []*motion.Actor{a}
	c.clip = &clip
	return c
}

// BenchmarkCleanMinute cleans a minute of capture at 120 fps with the
// default options; the target is under 200 ms an operation.
func BenchmarkCleanMinute(b *testing.B) {
	c := minute(b)
	bodies := []*Body{c.body}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Clean(b.Context(), c.clip, bodies, Default); err != nil {
			b.Fatal(err)
		}
	}
}
