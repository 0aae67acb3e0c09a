package clean

import (
	"math"
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

// detectContacts returns, per frame, whether the foot of leg is planted.
func detectContacts(ps *positions, leg Leg, up motion.Vec3, fps, mpu float64) []bool {
	n := ps.frames()
	joints := []int{leg.Ankle}
	if leg.Toe >= 0 {
		joints = append(joints, leg.Toe)
	}
	var height, speed [2][]float64
	for i, j := range joints {
		height[i], speed[i] = lowAndSpeed(ps, j, up, fps)
		for f := range n {
			height[i][f] *= mpu
			speed[i][f] *= mpu
		}
	}
	planted := make([]bool, n)
	in := false
	for f := range n {
		ok := false
		for i := range joints {
			if in {
				ok = ok || (height[i][f] < lowOut && speed[i][f] < slowOut)
			} else {
				ok = ok || (height[i][f] < lowIn && speed[i][f] < slowIn)
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
// averaged over about 60 ms so that jitter neither starts nor ends a
// contact.
func lowAndSpeed(ps *positions, j int, up motion.Vec3, fps float64) (height, speed []float64) {
	n := ps.frames()
	half := max(1, int(math.Round(0.03*fps)))
	var xyz [3][]float64
	for k := range 3 {
		raw := make([]float64, n)
		for f := range n {
			raw[f] = comp(ps.at(f, j), k)
		}
		xyz[k] = make([]float64, n)
		movingAverage(raw, xyz[k], half)
	}
	pt := func(f int) motion.Vec3 { return motion.Vec3{X: xyz[0][f], Y: xyz[1][f], Z: xyz[2][f]} }
	height, speed = make([]float64, n), make([]float64, n)
	sorted := make([]float64, n)
	for f := range n {
		height[f] = pt(f).Dot(up)
		sorted[f] = height[f]
		a, b := max(0, f-half), min(n-1, f+half)
		if b > a {
			speed[f] = pt(b).Sub(pt(a)).Len() * fps / float64(b-a)
		}
	}
	sort.Float64s(sorted)
	low := sorted[n*5/100]
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
func refineContacts(given []bool, ps *positions, leg Leg, up motion.Vec3, fps, mpu float64) []bool {
	n := ps.frames()
	out := make([]bool, n)
	joints := []int{leg.Ankle}
	if leg.Toe >= 0 {
		joints = append(joints, leg.Toe)
	}
	var height, speed [2][]float64
	for i, j := range joints {
		height[i], speed[i] = lowAndSpeed(ps, j, up, fps)
	}
	for f := range min(n, len(given)) {
		if !given[f] {
			continue
		}
		for i := range joints {
			if height[i][f]*mpu < lowOut && speed[i][f]*mpu < slowOut {
				out[f] = true
			}
		}
	}
	tidyRuns(out, int(math.Round(maxGap*fps)), int(math.Round(minContact*fps)))
	return out
}
