package clean

import (
	"math"
	"sort"

	"singlecam/core/motion"
)

// The floor is where planted feet stand: the median height, over every
// planted frame of either foot, of the foot's lowest point (the ball of the
// foot or the tip of the toes; the ankle, less a typical ankle height, on a
// leg without toes). A median, not a minimum, so that one frame of a foot
// through the floor does not sink the whole clip.

// ankleHeight is a typical height of the ankle joint above the floor when a
// foot without a toe joint is flat on it, in metres.
const ankleHeight = 0.08

// soles returns the points of a foot that may touch the floor: the toe
// joint and what hangs below it (an End Site, a toe tip), or none.
func soles(s *motion.Skeleton, leg Leg) []int {
	if leg.Toe < 0 {
		return nil
	}
	return append([]int{leg.Toe}, s.Children(leg.Toe)...)
}

// ground is a floor and the planted ankles' height above it.
type ground struct {
	floor float64 // along up, in clip units
	ankle [2]float64
	soles [2][]int
	found bool
}

// findGround works out the floor from the contacts. found is false when no
// foot is ever planted.
func findGround(s *motion.Skeleton, ps *positions, b *Body, contacts [2][]bool) ground {
	var g ground
	var lows []float64
	for i, leg := range b.Legs() {
		g.soles[i] = soles(s, leg)
		for f, in := range contacts[i] {
			if in {
				lows = append(lows, lowestSole(ps, f, leg, g.soles[i], b.Up, ankleHeight/b.MetresPerUnit))
			}
		}
	}
	if len(lows) == 0 {
		return g
	}
	g.found = true
	g.floor = median(lows)
	// When feet are seldom planted (a treadmill walk cycle, whose feet slide
	// through the whole stance, is planted only on its few slow frames),
	// the floor is also never above where the feet are on most frames.
	if 4*len(lows) >= 2*ps.frames() {
		return g.withAnkles(ps, b, contacts)
	}
	var all []float64
	for i, leg := range b.Legs() {
		for f := range ps.frames() {
			all = append(all, lowestSole(ps, f, leg, g.soles[i], b.Up, ankleHeight/b.MetresPerUnit))
		}
	}
	sort.Float64s(all)
	g.floor = math.Min(g.floor, all[len(all)/20])
	return g.withAnkles(ps, b, contacts)
}

// withAnkles sets the planted ankles' heights above the floor.
func (g ground) withAnkles(ps *positions, b *Body, contacts [2][]bool) ground {
	for i, leg := range b.Legs() {
		if len(g.soles[i]) == 0 {
			g.ankle[i] = ankleHeight / b.MetresPerUnit
			continue
		}
		var hs []float64
		for f, in := range contacts[i] {
			if in {
				hs = append(hs, ps.at(f, leg.Ankle).Dot(b.Up)-g.floor)
			}
		}
		if len(hs) == 0 {
			g.ankle[i] = ankleHeight / b.MetresPerUnit
			continue
		}
		sort.Float64s(hs)
		g.ankle[i] = hs[len(hs)/10] // the heel down: low among planted frames
	}
	return g
}

// lowestSole returns the height along up of the lowest point of a foot on
// frame f: its soles, or the ankle less ankleLift when it has none.
func lowestSole(ps *positions, f int, leg Leg, soles []int, up motion.Vec3, ankleLift float64) float64 {
	if len(soles) == 0 {
		return ps.at(f, leg.Ankle).Dot(up) - ankleLift
	}
	low := math.Inf(1)
	for _, j := range soles {
		low = math.Min(low, ps.at(f, j).Dot(up))
	}
	return low
}

// clearance returns how far the lowest point of a foot is above the floor on
// frame f (negative: below), counting the ankle at its planted height too.
func (g *ground) clearance(ps *positions, f, foot int, leg Leg, up motion.Vec3) float64 {
	c := ps.at(f, leg.Ankle).Dot(up) - g.floor - g.ankle[foot]
	for _, j := range g.soles[foot] {
		c = math.Min(c, ps.at(f, j).Dot(up)-g.floor)
	}
	return c
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}
