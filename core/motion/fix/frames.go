package fix

import (
	"errors"
	"fmt"
	"math"
	"time"

	"singlecam/core/motion"
)

// DropFirstFrame removes frame 0 (Move One's T-pose) from every actor that
// has more than one frame.
func DropFirstFrame(c *motion.Clip) *motion.Clip {
	return window(c, 1, c.Frames())
}

// Trim keeps the frames shown from from to to (both included, clamped to the
// clip). It refuses an empty range.
func Trim(c *motion.Clip, from, to time.Duration) (*motion.Clip, error) {
	if to < from {
		return nil, fmt.Errorf("trim: the range ends (%v) before it starts (%v)", to, from)
	}
	first, last := c.FrameAt(from), c.FrameAt(to)
	if from > c.Duration() {
		return nil, fmt.Errorf("trim: the clip ends at %v, before %v", c.Duration(), from)
	}
	return window(c, first, last+1), nil
}

// window keeps frames [first, end) of every actor.
func window(c *motion.Clip, first, end int) *motion.Clip {
	out := cloneClip(c)
	for _, a := range out.Actors {
		lo, hi := min(first, a.Frames-1), min(end, a.Frames)
		if hi <= lo {
			hi = lo + 1
		}
		if a.Frames <= 1 {
			continue
		}
		for j, t := range a.Tracks {
			if t.T != nil {
				t.T = t.T[lo:hi:hi]
			}
			if t.R != nil {
				t.R = t.R[lo:hi:hi]
			}
			if t.S != nil {
				t.S = t.S[lo:hi:hi]
			}
			a.Tracks[j] = t
		}
		if c := a.Contacts; c != nil {
			a.Contacts = &motion.FootContacts{Left: c.Left[lo:hi:hi], Right: c.Right[lo:hi:hi]}
		}
		a.Frames = hi - lo
	}
	return out
}

// ErrBadRate is returned for a frame rate Resample cannot use.
var ErrBadRate = errors.New("the frame rate must be between 1 and 1000 fps")

// Resample returns the clip at fps frames per second, covering the same
// time: rotations by slerp between the nearest source frames, translations
// and scales linearly.
func Resample(c *motion.Clip, fps float64) (*motion.Clip, error) {
	if !(fps >= 1 && fps <= 1000) {
		return nil, ErrBadRate
	}
	out := cloneClip(c)
	out.FPS = fps
	if fps == c.FPS {
		return out, nil
	}
	for _, a := range out.Actors {
		last := float64(a.Frames-1) / c.FPS // the time of the last frame
		n := int(math.Floor(last*fps+1e-6)) + 1
		at := func(f int) (int, float64) {
			s := float64(f) / fps * c.FPS
			i := min(int(math.Floor(s)), a.Frames-1)
			return i, s - float64(i)
		}
		for j, t := range a.Tracks {
			if t.T != nil {
				t.T = lerpVecs(t.T, n, at)
			}
			if t.S != nil {
				t.S = lerpVecs(t.S, n, at)
			}
			if t.R != nil {
				t.R = resampled(t.R, n, at, motion.Quat.Slerp) // rotations turn, never cut corners
			}
			a.Tracks[j] = t
		}
		if c := a.Contacts; c != nil {
			// A contact is a fact about a moment, not a quantity: each new
			// frame takes the nearer source frame's.
			nearest := func(x, y bool, u float64) bool {
				if u < 0.5 {
					return x
				}
				return y
			}
			a.Contacts = &motion.FootContacts{Left: resampled(c.Left, n, at, nearest), Right: resampled(c.Right, n, at, nearest)}
		}
		a.Frames = n
	}
	return out, nil
}

func lerpVecs(src []motion.Vec3, n int, at func(int) (int, float64)) []motion.Vec3 {
	return resampled(src, n, at, motion.Vec3.Lerp)
}

// resampled is src at n new frames: at gives each new frame's source frame
// and how far it is towards the next, and mix blends the two.
func resampled[T any](src []T, n int, at func(int) (int, float64), mix func(a, b T, u float64) T) []T {
	out := make([]T, n)
	for f := range out {
		i, u := at(f)
		if i+1 < len(src) {
			out[f] = mix(src[i], src[i+1], u)
		} else {
			out[f] = src[i]
		}
	}
	return out
}

// SplitActors returns one clip per actor, each with the clip's rate.
func SplitActors(c *motion.Clip) []*motion.Clip {
	var out []*motion.Clip
	for _, a := range cloneClip(c).Actors {
		one := *c
		one.Actors = []*motion.Actor{a}
		if a.Name != "" {
			one.Name = a.Name
		}
		out = append(out, &one)
	}
	return out
}
