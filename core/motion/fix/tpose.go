package fix

import (
	"math"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// Thresholds of StartsWithTPose, in degrees and in fractions of the
// figure's height.
const (
	// An arm in a T-pose is level (0°); in an A-pose about 45° down.
	maxArmRise, maxArmDrop = 20.0, 55.0
	// Arms and legs held straight bend less than this at the elbow and
	// knee.
	maxBend = 25.0
	// The hands of a T-pose frame are this far (relative to the hips) from
	// where the motion's first frame has them.
	minHandTravel = 0.15
)

// StartsWithTPose reports whether actor a's frame 0 is a T- or A-pose that
// the motion leaves at once, as Move One's files begin: both arms straight
// and out to the sides (level to 55° down), both legs straight, and a hand
// moved more than 15% of the figure's height by frame 1. A skeleton that is
// not recognised as a humanoid, or a single frame, never starts with one.
func StartsWithTPose(a *motion.Actor) bool {
	if a.Frames < 2 {
		return false
	}
	h, err := roles.Find(a.Skeleton)
	if err != nil || !(h.Height > 0) {
		return false
	}
	p0 := a.WorldPositions(0, nil)
	p1 := a.WorldPositions(1, nil)
	hips := h.Of(roles.Hips)
	travel := 0.0
	for _, arm := range h.Arms() {
		if arm.Upper < 0 || arm.Lower < 0 || arm.Hand < 0 {
			return false
		}
		reach := p0[arm.Hand].Sub(p0[arm.Upper])
		rise := degrees(math.Asin(clamp(reach.Normalize().Dot(h.Up))))
		if rise > maxArmRise || rise < -maxArmDrop {
			return false
		}
		// Out to the side, not forward or back.
		if math.Abs(reach.Normalize().Dot(h.Left)) < 0.5 {
			return false
		}
		if bend(p0, arm.Upper, arm.Lower, arm.Hand) > maxBend {
			return false
		}
		d := p0[arm.Hand].Sub(p0[hips]).Sub(p1[arm.Hand].Sub(p1[hips])).Len()
		travel = math.Max(travel, d)
	}
	for _, leg := range h.Legs() {
		if leg.Upper < 0 || leg.Lower < 0 || leg.Foot < 0 {
			return false
		}
		if bend(p0, leg.Upper, leg.Lower, leg.Foot) > maxBend {
			return false
		}
	}
	return travel > minHandTravel*h.Height
}

// bend is the angle in degrees between the bones a→b and b→c: 0 when the
// limb is straight.
func bend(p []motion.Vec3, a, b, c int) float64 {
	u, v := p[b].Sub(p[a]).Normalize(), p[c].Sub(p[b]).Normalize()
	return degrees(math.Acos(clamp(u.Dot(v))))
}

func clamp(x float64) float64 { return math.Max(-1, math.Min(1, x)) }

func degrees(rad float64) float64 { return rad * 180 / math.Pi }
