package clean

import (
	"math"

	"singlecam/core/motion"
)

// Smoothing is a zero-phase low-pass filter whose cutoff follows the
// motion: low where the body moves slowly (where jitter shows most) and
// higher where it moves fast (so a kick or a wave keeps its peak). This is
// the One Euro filter's idea, but run on the whole clip forwards and
// backwards, as FreeMoCap runs its Butterworth filter, so nothing lags.
//
// Each channel is filtered twice, with a slow and a fast cutoff, and the two
// results are blended per frame by how fast the body moves then: its
// fastest joint outside the legs, in the world, on the path filtered at
// twice the slow cutoff (One Euro's derivative cutoff: the speed of a
// smoothed path, so jitter does not itself open the filter). The weight is
// the body's, not each channel's: a captured arm's turns come from the
// same noisy points as its parent's and partly cancel along the chain
// (Move's rotations are solved from positions), and a shoulder filtered
// hard under an elbow filtered lightly undoes that; per channel, CMU's
// capture with 1.5 cm of jitter kept joints up to 2.9 cm off, one weight
// for the body 2.1 cm. The legs weigh their own turns (see legFirm).
// cutoffs returns the slow and fast cutoffs in Hz for a strength in (0, 1]:
// from 16 Hz (barely touches a capture) down to 2 Hz, 5.7 Hz at 0.5 (near
// FreeMoCap's 6 Hz); the fast cutoff is 4 times the slow one.
func cutoffs(strength, fps float64) (slow, fast float64) {
	slow = 16 * math.Pow(2.0/16, strength)
	fast = 4 * slow
	nyq := 0.45 * fps
	return math.Min(slow, nyq), math.Min(fast, nyq)
}

// The speed at which the body counts as fast: a joint moving 4 m/s (a
// brisk arm swing). A leg's turn counts as fast when it moves what hangs
// below the joint legFirm times that (a joint with nothing below it:
// fastTurn): the legs' own jitter, where a walk's knee moves fast, shows
// as a knee that snaps (the issue bounds the knee's rate), and a planted
// foot is pinned by the lock anyway. Their swing is kept (the numbers hold
// the ankles' swing).
const (
	fastSpeed = 4.0  // metres per second
	fastTurn  = 10.0 // radians per second
	legFirm   = 4.0
)

// smoothActor filters every animated translation and rotation of a in
// place, each segment between cuts on its own. metresPerUnit scales the
// speeds; legs marks the joints of the legs (nil when not known); ps holds
// a's world positions before smoothing (nil: worked out here).
func smoothActor(a *motion.Actor, fps, strength, metresPerUnit float64, segs [][2]int, legs []bool, ps *positions) {
	if strength <= 0 {
		return
	}
	slow, fast := cutoffs(strength, fps)
	if slow >= 0.45*fps {
		return
	}
	if ps == nil {
		ps = worldPositions(a)
	}
	for _, s := range segs {
		if s[1]-s[0] >= 4 {
			w := bodyWeights(ps, len(a.Skeleton.Joints), s[0], s[1], fps, 2*slow, fastSpeed/metresPerUnit, legs)
			smoothFrames(a, s[0], s[1], fps, slow, fast, metresPerUnit, legs, w)
		}
	}
}

// bodyWeights returns, per frame of [from, to), how much of the fast filter
// the body takes: the speed of its fastest joint outside the legs (the
// first joints of ps), on its world path filtered at cutoff Hz, relative
// to fastAt (units per second), eased as blend does.
func bodyWeights(ps *positions, joints, from, to int, fps, cutoff, fastAt float64, legs []bool) []float64 {
	n := to - from
	x := make([]float64, n)
	var path [3][]float64
	for k := range path {
		path[k] = make([]float64, n)
	}
	speed := make([]float64, n)
	for j := range joints {
		if legs != nil && legs[j] {
			continue
		}
		for k := range path {
			for f := range n {
				x[f] = comp(ps.at(from+f, j), k)
			}
			filtfilt(x, path[k], fps, cutoff)
		}
		for f := range n {
			speed[f] = math.Max(speed[f], pathSpeed(path[:], f, fps))
		}
	}
	for f := range n {
		speed[f] = math.Min(1, speed[f]/fastAt)
	}
	return blendWeights(speed, fps)
}

// pathSpeed is the speed of a path of dims channels at sample f (a central
// difference; one-sided at the ends), per second.
func pathSpeed(path [][]float64, f int, fps float64) float64 {
	n := len(path[0])
	a, b := max(0, f-1), min(n-1, f+1)
	var s float64
	for _, ch := range path {
		d := ch[b] - ch[a]
		s += d * d
	}
	return math.Sqrt(s) * fps / float64(max(1, b-a))
}

// blendWeights eases per-frame weights: the blend itself must not jump,
// and a fast stretch must keep the fast filter up to its ends: the largest
// weight nearby, averaged over about 0.1 s.
func blendWeights(w []float64, fps float64) []float64 {
	return envelope(w, max(1, int(0.05*fps)))
}

// smoothFrames filters frames [from, to) of every track of a; body holds
// the body's blend weights for those frames (bodyWeights), which every
// track outside the legs takes.
func smoothFrames(a *motion.Actor, from, to int, fps, slow, fast, metresPerUnit float64, legs []bool, body []float64) {
	buf := newChannels(to - from)
	lever := levers(a.Skeleton)
	for j := range a.Tracks {
		tr := motion.Track{T: a.Tracks[j].T, R: a.Tracks[j].R}
		if tr.T != nil {
			tr.T = tr.T[from:to]
		}
		if tr.R != nil {
			tr.R = tr.R[from:to]
		}
		leg := legs != nil && legs[j]
		if tr.T != nil {
			for k := range 3 {
				for f, v := range tr.T {
					buf.in[k][f] = comp(v, k)
				}
			}
			buf.filter(3, fps, slow, fast, fastSpeed/metresPerUnit, weightsFor(leg, body))
			for f := range tr.T {
				tr.T[f] = motion.Vec3{X: buf.out[0][f], Y: buf.out[1][f], Z: buf.out[2][f]}
			}
		}
		if tr.R != nil {
			// Keep each rotation on the same side of the 4D sphere as the
			// one before it, so the components vary smoothly.
			prev := tr.R[0]
			for f, q := range tr.R {
				if q.Dot(prev) < 0 {
					q = motion.Quat{X: -q.X, Y: -q.Y, Z: -q.Z, W: -q.W}
				}
				prev = q
				buf.in[0][f], buf.in[1][f], buf.in[2][f], buf.in[3][f] = q.X, q.Y, q.Z, q.W
			}
			// A leg's turn is fast when it moves the joints below it
			// legFirm times fastSpeed; a unit quaternion's components move
			// at half the angular speed.
			turn := fastTurn
			if lever[j] > 0 {
				turn = fastSpeed / metresPerUnit / lever[j]
			}
			buf.filter(4, fps, slow, fast, legFirm*turn/2, weightsFor(leg, body))
			for f := range tr.R {
				tr.R[f] = motion.Quat{X: buf.out[0][f], Y: buf.out[1][f], Z: buf.out[2][f], W: buf.out[3][f]}.Normalize()
			}
		}
	}
}

// weightsFor returns the blend weights a track takes: the body's, or none
// for a leg's track, which weighs its own speed.
func weightsFor(leg bool, body []float64) []float64 {
	if leg {
		return nil
	}
	return body
}

// levers returns, per joint, how far its farthest descendant stands from
// it in the rest pose (0 for a joint with none): how far a turn of the
// joint moves the body below it, per radian.
func levers(s *motion.Skeleton) []float64 {
	w := s.RestWorld()
	out := make([]float64, len(s.Joints))
	for j := range s.Joints {
		for p := s.Joints[j].Parent; p >= 0; p = s.Joints[p].Parent {
			out[p] = math.Max(out[p], w[j].Translation().Sub(w[p].Translation()).Len())
		}
	}
	return out
}

func comp(v motion.Vec3, k int) float64 {
	switch k {
	case 0:
		return v.X
	case 1:
		return v.Y
	}
	return v.Z
}

// channels holds the scratch space for filtering up to four components of
// one track together (they share one speed, so one blend).
type channels struct {
	in, out, lo, hi [4][]float64
	tmp             []float64
}

func newChannels(n int) *channels {
	c := &channels{tmp: make([]float64, n)}
	for k := range 4 {
		c.in[k], c.out[k] = make([]float64, n), make([]float64, n)
		c.lo[k], c.hi[k] = make([]float64, n), make([]float64, n)
	}
	return c
}

// filter writes out[0:dims] from in[0:dims]: the slow and fast zero-phase
// filters blended per frame by w, or, when w is nil, by the speed of the
// fast result relative to fastAt (units per second).
func (c *channels) filter(dims int, fps, slow, fast, fastAt float64, w []float64) {
	n := len(c.tmp)
	for k := range dims {
		filtfilt(c.in[k], c.lo[k], fps, slow)
		filtfilt(c.in[k], c.hi[k], fps, fast)
	}
	if w == nil {
		for f := range n {
			c.tmp[f] = math.Min(1, pathSpeed(c.hi[:dims], f, fps)/fastAt)
		}
		w = blendWeights(c.tmp, fps)
	}
	for k := range dims {
		for f := range n {
			c.out[k][f] = c.lo[k][f] + (c.hi[k][f]-c.lo[k][f])*w[f]
		}
	}
}

// filtfilt runs a second-order Butterworth low-pass at cutoff Hz forwards
// and then backwards over x into y (a fourth-order response with no phase
// lag), after extending x at both ends by point reflection so the ends do
// not ring.
func filtfilt(x, y []float64, fps, cutoff float64) {
	n := len(x)
	if cutoff >= 0.45*fps || n < 4 {
		copy(y, x)
		return
	}
	pad := min(n-1, int(3*fps/cutoff)+1)
	ext := make([]float64, n+2*pad)
	// Reflect about a line fitted to the first and last 0.1 s rather than
	// about the end samples themselves: a jittery end sample would
	// otherwise stay in the result.
	m := max(2, min(n, int(0.1*fps)))
	first, last := endValue(x[:m], false), endValue(x[n-m:], true)
	for i := range pad {
		ext[pad-1-i] = 2*first - x[i+1]
		ext[pad+n+i] = 2*last - x[n-2-i]
	}
	copy(ext[pad:], x)
	b0, b1, b2, a1, a2 := butter2(fps, cutoff)
	run := func(s []float64, step int) {
		start := 0
		if step < 0 {
			start = len(s) - 1
		}
		x1, x2 := s[start], s[start]
		y1, y2 := x1, x1
		for i := start; i >= 0 && i < len(s); i += step {
			x0 := s[i]
			y0 := b0*x0 + b1*x1 + b2*x2 - a1*y1 - a2*y2
			x2, x1 = x1, x0
			y2, y1 = y1, y0
			s[i] = y0
		}
	}
	run(ext, 1)
	run(ext, -1)
	copy(y, ext[pad:pad+n])
}

// butter2 returns a second-order Butterworth low-pass's coefficients (the
// bilinear transform with prewarping, as in the Audio EQ Cookbook).
func butter2(fps, cutoff float64) (b0, b1, b2, a1, a2 float64) {
	w := 2 * math.Pi * cutoff / fps
	cw, sw := math.Cos(w), math.Sin(w)
	alpha := sw / math.Sqrt2 // Q = 1/√2
	a0 := 1 + alpha
	b1 = (1 - cw) / a0
	b0 = b1 / 2
	b2 = b0
	a1 = -2 * cw / a0
	a2 = (1 - alpha) / a0
	return
}

// movingAverage writes into y the mean of x over ±half frames (clamped at
// the ends).
func movingAverage(x, y []float64, half int) {
	n := len(x)
	var sum float64
	lo, hi := 0, -1
	for f := range n {
		for hi < min(n-1, f+half) {
			hi++
			sum += x[hi]
		}
		for lo < max(0, f-half) {
			sum -= x[lo]
			lo++
		}
		y[f] = sum / float64(hi-lo+1)
	}
}

// endValue returns the value at the first sample of x (at the last when
// last holds) of the least-squares line through x.
func endValue(x []float64, last bool) float64 {
	n := float64(len(x))
	var st, sx, stt, stx float64
	for i, v := range x {
		t := float64(i)
		st, sx, stt, stx = st+t, sx+v, stt+t*t, stx+t*v
	}
	den := n*stt - st*st
	if den == 0 {
		return x[0]
	}
	slope := (n*stx - st*sx) / den
	icept := (sx - slope*st) / n
	if last {
		return icept + slope*(n-1)
	}
	return icept
}
