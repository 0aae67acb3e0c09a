package motion

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Track holds one joint's animated channels, one value per frame. A nil
// channel keeps the joint's rest value on every frame, so a clip stores only
// what moves (often the root's translation and every joint's rotation).
type Track struct {
	T []Vec3
	R []Quat
	S []Vec3
}

// Actor is one character of a clip: a skeleton and its motion.
type Actor struct {
	// Name names the actor (a file name in a ZIP, a skin's name), or is empty.
	Name string
	// Skeleton is the actor's skeleton.
	Skeleton *Skeleton
	// Tracks holds one track per joint, in the skeleton's order.
	Tracks []Track
	// Frames is the number of frames the actor's tracks hold.
	Frames int
	// Contacts says on which frames each foot touches the ground, when the
	// file itself knows (Move's MOTION_DATA carries ground reaction forces);
	// nil when it does not, and clean-up then finds contacts from the motion.
	Contacts *FootContacts
}

// FootContacts holds, per frame, whether each foot is planted. Each slice is
// as long as the actor's frames.
type FootContacts struct {
	Left, Right []bool
}

// Clip is a motion: one or more actors sampled at one frame rate.
type Clip struct {
	// Name names the clip (an animation's name), or is empty.
	Name string
	// FPS is the number of frames per second; it is positive.
	FPS float64
	// Actors holds the characters; there is at least one.
	Actors []*Actor
	// MetresPerUnit says how long one unit of the clip's lengths is: 1 for
	// metres (glTF), 0.01 for centimetres. 0 means unknown.
	MetresPerUnit float64
}

// ErrBadClip is wrapped by every error Validate returns.
var ErrBadClip = errors.New("bad clip")

// Validate checks that the clip is one a player or a writer can use: a
// positive frame rate, at least one actor, valid skeletons, and every
// channel as long as its actor's frames with finite values.
func (c *Clip) Validate() error {
	if !(c.FPS > 0) || math.IsInf(c.FPS, 0) {
		return fmt.Errorf("%w: frame rate %v is not positive", ErrBadClip, c.FPS)
	}
	if len(c.Actors) == 0 {
		return fmt.Errorf("%w: no actors", ErrBadClip)
	}
	for ai, a := range c.Actors {
		if a == nil || a.Skeleton == nil {
			return fmt.Errorf("%w: actor %d has no skeleton", ErrBadClip, ai)
		}
		if err := a.Skeleton.Validate(); err != nil {
			return fmt.Errorf("actor %d: %w", ai, err)
		}
		if a.Frames < 1 {
			return fmt.Errorf("%w: actor %d has no frames", ErrBadClip, ai)
		}
		if len(a.Tracks) != len(a.Skeleton.Joints) {
			return fmt.Errorf("%w: actor %d has %d tracks for %d joints", ErrBadClip, ai, len(a.Tracks), len(a.Skeleton.Joints))
		}
		if c := a.Contacts; c != nil && (len(c.Left) != a.Frames || len(c.Right) != a.Frames) {
			return fmt.Errorf("%w: actor %d has foot contacts for %d and %d frames, not %d", ErrBadClip, ai, len(c.Left), len(c.Right), a.Frames)
		}
		for ji, t := range a.Tracks {
			if err := t.check(a.Frames); err != nil {
				return fmt.Errorf("%w: actor %d joint %d (%q): %v", ErrBadClip, ai, ji, a.Skeleton.Joints[ji].Name, err)
			}
		}
	}
	return nil
}

func (t Track) check(frames int) error {
	for _, n := range []int{len(t.T), len(t.R), len(t.S)} {
		if n != 0 && n != frames {
			return fmt.Errorf("a channel holds %d values for %d frames", n, frames)
		}
	}
	for _, v := range t.T {
		if !v.Finite() {
			return errors.New("a translation is not a number")
		}
	}
	for _, v := range t.S {
		if !v.Finite() {
			return errors.New("a scale is not a number")
		}
	}
	for _, q := range t.R {
		if !q.Finite() {
			return errors.New("a rotation is not a number")
		}
	}
	return nil
}

// Frames returns the clip's number of frames: the most any actor holds.
func (c *Clip) Frames() int {
	n := 0
	for _, a := range c.Actors {
		n = max(n, a.Frames)
	}
	return n
}

// Duration returns how long the motion lasts: from its first key to its
// last, (Frames − 1) / FPS, the time of its last frame. This is the one
// length every place shows (the terminal's --list, the player's menu of
// animations and its clock), because it is what the tools a user checks
// against show: glTF defines an animation over its keys' times (three.js's
// clip.duration and Unity's AnimationClip.length are the last key's time),
// and Blender's timeline runs from the first keyed frame to the last. It is
// also where the player's clock stands on the last frame. Frames / FPS, the
// last frame held for a whole period, is how long playback takes to come
// round, not the motion's length.
func (c *Clip) Duration() time.Duration {
	if c.FPS <= 0 || c.Frames() < 2 {
		return 0
	}
	return c.TimeOf(c.Frames() - 1)
}

// Hundredths rounds a length to the hundredth of a second, once, for
// showing: the terminal's "0.96 s" and the app's "0:00.96" are then the
// same number, not one rounded and the other cut.
func Hundredths(d time.Duration) time.Duration {
	return d.Round(10 * time.Millisecond)
}

// FrameAt returns the frame shown at time t from the start, clamped to the
// clip's frames.
func (c *Clip) FrameAt(t time.Duration) int {
	f := int(math.Floor(t.Seconds()*c.FPS + 1e-9))
	return max(0, min(f, c.Frames()-1))
}

// TimeOf returns the time at which frame f starts.
func (c *Clip) TimeOf(f int) time.Duration {
	if c.FPS <= 0 {
		return 0
	}
	return time.Duration(math.Round(float64(f) / c.FPS * float64(time.Second)))
}

// Local returns joint j's local transform at frame f. Frames past the
// actor's last repeat its last frame; negative frames show the first.
func (a *Actor) Local(j, f int) Transform {
	t := a.Skeleton.Joints[j].Rest
	f = max(0, min(f, a.Frames-1))
	tr := &a.Tracks[j]
	if tr.T != nil {
		t.T = tr.T[f]
	}
	if tr.R != nil {
		t.R = tr.R[f]
	}
	if tr.S != nil {
		t.S = tr.S[f]
	}
	return t
}

// Pose returns every joint's local transform at frame f, reusing dst when it
// is long enough.
func (a *Actor) Pose(f int, dst []Transform) []Transform {
	dst = grow(dst, len(a.Skeleton.Joints))
	for j := range dst {
		dst[j] = a.Local(j, f)
	}
	return dst
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
