package clean

import (
	"math"
	"slices"
	"sort"

	"singlecam/core/motion"
)

// Contact finding, when the file does not say: a foot is planted while its
// heel (the ankle) or its ball (the toe joint) is low and slow. Low is
// measured from that joint's own lowest heights in the clip, so a joint
// inside the foot (an ankle is about 8 cm up) needs no offset. Entering a
// contact takes a lower and slower foot than staying in one (hysteresis);
// short gaps are bridged and short contacts dropped, so contacts do not
// flicker.
const (
	lowIn, lowOut   = 0.05, 0.07 // metres above the joint's lowest heights
	slowIn, slowOut = 0.30, 0.50 // metres per second
	minContact      = 0.08       // seconds: shorter contacts are dropped
	maxGap          = 0.06       // seconds: shorter lifts are bridged
)

// Contacts are found on the source, never on the clip being cleaned, so
// that they (and the numbers of the source) are the same whatever the
// options: a foot's path is steadied by a fixed zero-phase filter first
// (detectCutoff), which takes a capture's jitter out without moving when
// a foot lands.
const (
	detectCutoff = 6.0 // Hz: the steadying filter's cutoff
	floorWindow  = 0.4 // seconds either side: longer than half a jump's flight
)

// footSignal is one joint of a foot (heel or ball) on every frame: its
// height above where that joint rests on the floor, and its speed, in
// metres and metres per second.
type footSignal struct {
	height, speed []float64
}

// footSignals returns the signals of each leg's ankle and toe (when it has
// one), from ps steadied segment by segment.
//
// Height is measured from the joint's own low level (the 5th percentile of
// its heights, so a joint inside the foot needs no offset), less the floor's
// drift: the capture's floor may rise and sink over a take (a single camera
// sees depth poorly), so where the slow (standing) joints of both feet stay
// above their low level for more than floorWindow either side, that raised
// level is where they stand. A swinging foot does not count, and one foot
// held up while the other stands is not lowered by it.
func footSignals(ps *positions, b *Body, fps float64, segs [][2]int) [2][]footSignal {
	n := ps.frames()
	mpu := b.MetresPerUnit
	var out [2][]footSignal
	var all []footSignal
	for i, leg := range b.Legs() {
		joints := []int{leg.Ankle}
		if leg.Toe >= 0 {
			joints = append(joints, leg.Toe)
		}
		for _, j := range joints {
			height, speed := steadyHeightAndSpeed(ps, j, b.Up, fps, segs)
			sorted := append([]float64(nil), height...)
			sort.Float64s(sorted)
			low := sorted[n*5/100]
			for f := range n {
				height[f] = (height[f] - low) * mpu
				speed[f] *= mpu
			}
			out[i] = append(out[i], footSignal{height, speed})
			all = append(all, footSignal{height, speed})
		}
	}
	// The floor's drift: the lowest any slow foot joint comes within the
	// window; never below the joints' low levels.
	lowest := make([]float64, n)
	for f := range n {
		lowest[f] = math.Inf(1)
		for _, s := range all {
			if s.speed[f] < slowOut {
				lowest[f] = math.Min(lowest[f], s.height[f])
			}
		}
	}
	drift := rollingMin(lowest, int(math.Round(floorWindow*fps)))
	for _, s := range all {
		for f := range n {
			if d := drift[f]; d > 0 && !math.IsInf(d, 1) {
				s.height[f] -= d
			}
		}
	}
	return out
}

// steadyHeightAndSpeed returns joint j's height along up and its speed on
// every frame (clip units), from its path filtered at detectCutoff within
// each segment and then averaged over about 60 ms.
func steadyHeightAndSpeed(ps *positions, j int, up motion.Vec3, fps float64, segs [][2]int) (height, speed []float64) {
	return averagedHeightAndSpeed(jointPath(ps, j, fps, segs), up, fps)
}

// steadyPath returns joint j's path filtered at detectCutoff within each
// segment.
func steadyPath(ps *positions, j int, fps float64, segs [][2]int) []motion.Vec3 {
	xyz := jointPath(ps, j, fps, segs)
	out := make([]motion.Vec3, ps.frames())
	for f := range out {
		out[f] = motion.Vec3{X: xyz[0][f], Y: xyz[1][f], Z: xyz[2][f]}
	}
	return out
}

// jointPath returns joint j's path, one slice per axis, filtered at
// detectCutoff within each of segs (none: as it is).
func jointPath(ps *positions, j int, fps float64, segs [][2]int) (xyz [3][]float64) {
	n := ps.frames()
	for k := range 3 {
		xyz[k] = make([]float64, n)
		for f := range n {
			xyz[k][f] = comp(ps.at(f, j), k)
		}
		for _, s := range segs {
			seg := xyz[k][s[0]:s[1]]
			filtfilt(seg, seg, fps, detectCutoff)
		}
	}
	return xyz
}

// averagedHeightAndSpeed averages a path over about 60 ms and returns its
// height along up and its speed on every frame.
func averagedHeightAndSpeed(path [3][]float64, up motion.Vec3, fps float64) (height, speed []float64) {
	n := len(path[0])
	half := max(1, int(math.Round(0.03*fps)))
	var xyz [3][]float64
	for k := range 3 {
		xyz[k] = make([]float64, n)
		movingAverage(path[k], xyz[k], half)
	}
	pt := func(f int) motion.Vec3 { return motion.Vec3{X: xyz[0][f], Y: xyz[1][f], Z: xyz[2][f]} }
	height, speed = make([]float64, n), make([]float64, n)
	for f := range n {
		height[f] = pt(f).Dot(up)
		a, b := max(0, f-half), min(n-1, f+half)
		if b > a {
			speed[f] = pt(b).Sub(pt(a)).Len() * fps / float64(b-a)
		}
	}
	return height, speed
}

// rollingMin returns the smallest value of x within ±half frames.
func rollingMin(x []float64, half int) []float64 {
	n := len(x)
	out := make([]float64, n)
	// A monotonic queue of indices whose values increase.
	q := make([]int, 0, n)
	next := 0
	for f := range n {
		for ; next < n && next <= f+half; next++ {
			for len(q) > 0 && x[q[len(q)-1]] >= x[next] {
				q = q[:len(q)-1]
			}
			q = append(q, next)
		}
		for q[0] < f-half {
			q = q[1:]
		}
		out[f] = x[q[0]]
	}
	return out
}

// detectContacts returns, per frame, whether a foot is planted: its heel
// or its ball is low and slow (sig holds the foot's joints). Entering a
// contact takes a lower and slower foot than staying in one (hysteresis);
// short gaps are bridged and short contacts dropped.
func detectContacts(sig []footSignal, fps float64) []bool {
	n := len(sig[0].height)
	planted := make([]bool, n)
	in := false
	for f := range n {
		ok := false
		for _, s := range sig {
			if in {
				ok = ok || (s.height[f] < lowOut && s.speed[f] < slowOut)
			} else {
				ok = ok || (s.height[f] < lowIn && s.speed[f] < slowIn)
			}
		}
		in = ok
		planted[f] = in
	}
	tidyRuns(planted, int(math.Round(maxGap*fps)), int(math.Round(minContact*fps)))
	return planted
}

// lowAndSpeed returns, per frame, joint j's height above its own low level
// (the 5th percentile of its heights) and its speed, both from positions
// averaged over about 60 ms, in clip units: how fast a heel or a ball moves
// while a lock plans where the foot pivots.
func lowAndSpeed(ps *positions, j int, up motion.Vec3, fps float64) (height, speed []float64) {
	height, speed = averagedHeightAndSpeed(jointPath(ps, j, fps, nil), up, fps)
	sorted := slices.Clone(height)
	sort.Float64s(sorted)
	low := sorted[len(sorted)*5/100]
	for f := range height {
		height[f] -= low
	}
	return height, speed
}

// tidyRuns bridges gaps of at most gap frames between contacts, then drops
// contacts shorter than short frames.
func tidyRuns(c []bool, gap, short int) {
	for _, r := range runs(invert(c)) {
		if r[0] > 0 && r[1] < len(c) && r[1]-r[0] <= gap {
			for f := r[0]; f < r[1]; f++ {
				c[f] = true
			}
		}
	}
	for _, r := range runs(c) {
		if r[1]-r[0] < short {
			for f := r[0]; f < r[1]; f++ {
				c[f] = false
			}
		}
	}
}

func invert(c []bool) []bool {
	o := make([]bool, len(c))
	for i, v := range c {
		o[i] = !v
	}
	return o
}

// runs returns the [start, end) frame ranges where c holds.
func runs(c []bool) [][2]int {
	var r [][2]int
	for f := 0; f < len(c); f++ {
		if !c[f] {
			continue
		}
		s := f
		for f < len(c) && c[f] {
			f++
		}
		r = append(r, [2]int{s, f})
	}
	return r
}

// refineContacts trims contacts a file gives (from ground reaction forces,
// which last while a foot pushes off and rolls) to the frames where the
// foot's heel or ball is also low and no faster than a walking foot's
// push-off: a lock there does not drag a leaving foot back.
func refineContacts(given []bool, sig []footSignal, fps float64) []bool {
	n := len(sig[0].height)
	out := make([]bool, n)
	for f := range min(n, len(given)) {
		if !given[f] {
			continue
		}
		for _, s := range sig {
			if s.height[f] < lowOut && s.speed[f] < slowOut {
				out[f] = true
			}
		}
	}
	tidyRuns(out, int(math.Round(maxGap*fps)), int(math.Round(minContact*fps)))
	return out
}

// findContacts returns each foot's contacts on the source (ps, its
// positions): the file's, trimmed (fromFile), or found from the motion.
func findContacts(src *motion.Actor, ps *positions, b *Body, fps float64, segs [][2]int) (contacts [2][]bool, fromFile bool) {
	sig := footSignals(ps, b, fps, segs)
	if src.Contacts != nil {
		given := [2][]bool{src.Contacts.Left, src.Contacts.Right}
		for i := range contacts {
			contacts[i] = refineContacts(given[i], sig[i], fps)
		}
		return splitAtCuts(contacts, segs, fps), true
	}
	for i := range contacts {
		contacts[i] = detectContacts(sig[i], fps)
	}
	return splitAtCuts(contacts, segs, fps), false
}

// splitAtCuts ends contacts at every cut (see segments) and tidies each
// stretch on its own: no contact runs across a cut, and a lone frame (a
// T-pose before the motion, which is not motion) is never planted. A
// contact from the T-pose through the motion's first frame once counted
// the T-pose's foot as planted and put it 1.5 cm above the floor.
func splitAtCuts(contacts [2][]bool, segs [][2]int, fps float64) [2][]bool {
	if len(segs) < 2 {
		return contacts
	}
	for _, c := range contacts {
		for _, s := range segs {
			tidyRuns(c[s[0]:s[1]], int(math.Round(maxGap*fps)), int(math.Round(minContact*fps)))
		}
	}
	return contacts
}
