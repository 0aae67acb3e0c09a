package clean

import (
	"sort"

	"singlecam/core/motion"
)

// A cut is a frame on which the pose jumps far more than the motion ever
// moves: Move One's files (and CMU's conversions) open with a T-pose frame
// that the motion does not flow from. Smoothing across it would smear the
// T-pose into the motion, so clean-up treats each side on its own.
const (
	cutFactor = 4    // times the clip's median frame-to-frame move
	cutMin    = 0.06 // metres, averaged over the joints: smaller jumps are never cuts
)

// segments returns the [start, end) frame ranges between cuts.
func segments(ps *positions, root int, mpu float64) [][2]int {
	n := ps.frames()
	if n < 3 {
		return [][2]int{{0, n}}
	}
	moves := make([]float64, n)
	for f := 1; f < n; f++ {
		var sum float64
		for j := range ps.joints {
			a := ps.at(f, j).Sub(ps.at(f, root))
			b := ps.at(f-1, j).Sub(ps.at(f-1, root))
			sum += a.Sub(b).Len()
		}
		moves[f] = sum / float64(ps.joints) * mpu
	}
	sorted := append([]float64(nil), moves[1:]...)
	sort.Float64s(sorted)
	typical := sorted[len(sorted)/2]
	var segs [][2]int
	start := 0
	for f := 1; f < n; f++ {
		if moves[f] > cutMin && moves[f] > cutFactor*typical {
			segs = append(segs, [2]int{start, f})
			start = f
		}
	}
	return append(segs, [2]int{start, n})
}

// rootOf returns the first root joint of s.
func rootOf(s *motion.Skeleton) int {
	for j, joint := range s.Joints {
		if joint.Parent < 0 {
			return j
		}
	}
	return 0
}

// cutAt returns, per frame, whether a segment starts there (frame 0 aside).
func cutAt(segs [][2]int, n int) []bool {
	c := make([]bool, n)
	for _, s := range segs[1:] {
		c[s[0]] = true
	}
	return c
}

// across reports whether frames from..to (inclusive) straddle a cut.
func across(cut []bool, from, to int) bool {
	for f := from + 1; f <= to; f++ {
		if cut[f] {
			return true
		}
	}
	return false
}

// lone reports whether frame f stands alone between cuts (or a cut and an
// end of a clip longer than one frame): a T-pose before the motion.
func lone(cut []bool, f int) bool {
	n := len(cut)
	return n > 1 && (f == 0 || cut[f]) && (f == n-1 || cut[f+1])
}
