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

// ankleFrames is how many frames either side the planted ankle's height is
// averaged over before its low is taken (withAnkles).
const ankleFrames = 3

// soles returns the points of foot i that may touch the floor, as indices
// into positions (worldPositionsOf): the mesh's soles under it when the
// body has them; else the toe joint and what hangs below it (an End Site,
// a toe tip), or none.
func soles(s *motion.Skeleton, b *Body, i int) []int {
	if len(b.Soles[i]) > 0 {
		start := len(s.Joints)
		if i == 1 {
			start += len(b.Soles[0])
		}
		out := make([]int, len(b.Soles[i]))
		for k := range out {
			out[k] = start + k
		}
		return out
	}
	leg := b.Legs()[i]
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
	// inPlace says the feet are to be left as a walk cycle in place has
	// them (Report.InPlace, in auto mode): its few slow frames are not
	// stances.
	inPlace bool
}

// seldomPlanted reports whether the feet are planted on fewer than half
// the frames, counting each foot (a capture's feet stand most of the
// time; a walk cycle in place slides them through every stance, so only
// its few slow frames, the turns at either end of a stride, count).
func seldomPlanted(contacts [2][]bool, frames int) bool {
	return 2*(count(contacts[0])+count(contacts[1])) < frames
}

// inPlaceSpeed is the fastest a walk cycle in place goes on average, in
// metres per second: its hips sway a few centimetres, where a walk's go
// forward at a metre a second or more.
const inPlaceSpeed = 0.2

// inPlace reports whether the hips stay where they are over the clip: they
// end (on each stretch between cuts, see segments) within inPlaceSpeed
// times its length of where they began.
func inPlace(ps *positions, b *Body, fps float64, segs [][2]int) bool {
	for _, s := range segs {
		if s[1]-s[0] < 2 {
			continue
		}
		d := horizontal(ps.at(s[1]-1, b.Hips).Sub(ps.at(s[0], b.Hips)), b.Up).Len() * b.MetresPerUnit
		if d > inPlaceSpeed*float64(s[1]-1-s[0])/fps {
			return false
		}
	}
	return true
}

// findGround works out the floor from the contacts. found is false when no
// foot is ever planted.
func findGround(s *motion.Skeleton, ps *positions, b *Body, contacts [2][]bool) ground {
	var g ground
	var lows []float64
	for i, leg := range b.Legs() {
		g.soles[i] = soles(s, b, i)
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

// withAnkles sets how high each planted ankle stands above its foot's
// lowest point when the heel is down: low (the 10th percentile) among the
// planted frames of ps. It is the foot's shape, not where the floor is, so
// it holds for a floor that drifts, and clean-up takes it from the source
// for both the source's numbers and the result's (the foot keeps its shape).
func (g ground) withAnkles(ps *positions, b *Body, contacts [2][]bool) ground {
	for i, leg := range b.Legs() {
		if len(g.soles[i]) == 0 {
			g.ankle[i] = ankleHeight / b.MetresPerUnit
			continue
		}
		var hs []float64
		for _, r := range runs(contacts[i]) {
			run := make([]float64, 0, r[1]-r[0])
			for f := r[0]; f < r[1]; f++ {
				low := math.Inf(1)
				for _, j := range g.soles[i] {
					low = math.Min(low, ps.at(f, j).Dot(b.Up))
				}
				run = append(run, ps.at(f, leg.Ankle).Dot(b.Up)-low)
			}
			// Averaged over a few frames: a low percentile of a jittery
			// capture's heights is low by the jitter (1.5 cm of it put the
			// heel-down ankle 1 cm low), but the heel stays down for many
			// frames.
			avg := make([]float64, len(run))
			movingAverage(run, avg, ankleFrames)
			hs = append(hs, avg...)
		}
		if len(hs) == 0 {
			g.ankle[i] = ankleHeight / b.MetresPerUnit
			continue
		}
		sort.Float64s(hs)
		g.ankle[i] = hs[len(hs)/10] // the heel down: low among planted frames
		// Planted frames may hold no heel down at all: a foot that slides
		// through its stance is slow, so planted, only where its stride
		// turns, landing toes up and leaving on its ball (the synthetic
		// walk put the heel-down ankle 0.3 cm below the toes, and a landing
		// heel 3 cm up read as 12 cm). Under half a typical ankle's height,
		// the foot's flat shape says it, when that is more than twice as high.
		if g.ankle[i] < ankleHeight/2/b.MetresPerUnit {
			if flat, ok := flatAnkle(ps, leg, g.soles[i], b.Up, 0.02/b.MetresPerUnit); ok && g.ankle[i] < flat/2 {
				g.ankle[i] = flat
			}
		}
	}
	return g
}

// flatAnkle returns how high the ankle stands above the foot's lowest sole
// when the foot is flat: the median over the frames on which both are
// within near of their own lows (the 5th percentile of their heights), or
// false when there are none. A long clip is read on about a thousand
// frames spread over it: a foot's shape needs no more.
func flatAnkle(ps *positions, leg Leg, soles []int, up motion.Vec3, near float64) (float64, bool) {
	step := max(1, ps.frames()/1000)
	var ankle, sole []float64
	for f := 0; f < ps.frames(); f += step {
		ankle = append(ankle, ps.at(f, leg.Ankle).Dot(up))
		sole = append(sole, lowestSole(ps, f, leg, soles, up, 0))
	}
	a0, s0 := quantile(ankle, 0.05), quantile(sole, 0.05)
	var d []float64
	for f := range ankle {
		if ankle[f] < a0+near && sole[f] < s0+near {
			d = append(d, ankle[f]-sole[f])
		}
	}
	if len(d) == 0 {
		return 0, false
	}
	return median(d), true
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

// median returns the middle value of v (the upper one of an even count).
func median(v []float64) float64 { return quantile(v, 0.5) }

// A capture's floor need not be level over a take: a single camera sees
// depth poorly, so a person standing still may seem to float 10 cm for a
// second and sink 15 cm later (Move's own sample does). Planted feet stand
// on the floor at every contact when the floor follows them: each contact
// sets the floor's height while it lasts, the floor eases from one
// contact's height to the next's between them, and the whole line is
// smoothed (floorCutoff) so that moving the body along it adds no jerk.
// Where a foot still stands off this line (two feet planted at different
// heights), its lock puts it on it.
//
// A contact's height is near the highest its foot's lowest point stands
// during it (contactLevel, a high quantile rather than the highest, which
// one frame could set), not its median: the same capture's hips bob with
// its depth, and a planted foot kept at the median height is below a
// straight leg's reach whenever the hips are up, so only lowering the
// hips (the whole upper body) could reach it. At the contact's highest the
// knee bends a little on the other frames instead.
const (
	floorCutoff  = 1.5 // Hz
	contactLevel = 0.9 // quantile of the foot's height over a contact
)

// floorLine returns the floor's height along up on every frame (clip
// units), found from the contacts, or false when no foot is ever planted.
// When feet are seldom planted (a treadmill walk cycle, see findGround) the
// floor is one level: findGround's.
func floorLine(s *motion.Skeleton, ps *positions, b *Body, contacts [2][]bool, fps float64, segs [][2]int) ([]float64, bool) {
	n := ps.frames()
	g := findGround(s, ps, b, contacts)
	if !g.found {
		return nil, false
	}
	line := make([]float64, n)
	if seldomPlanted(contacts, n) {
		for f := range line {
			line[f] = g.floor
		}
		return line, true
	}
	// Where both feet are planted, the higher one's level: the lower foot
	// then rises a little by bending its knee, where the other way round a
	// straight leg could only reach the floor by lowering the hips.
	level, k := make([]float64, n), make([]float64, n)
	for i, leg := range b.Legs() {
		for _, r := range runs(contacts[i]) {
			lows := make([]float64, 0, r[1]-r[0])
			for f := r[0]; f < r[1]; f++ {
				lows = append(lows, lowestSole(ps, f, leg, g.soles[i], b.Up, ankleHeight/b.MetresPerUnit))
			}
			m := quantile(lows, contactLevel)
			for f := r[0]; f < r[1]; f++ {
				if k[f] == 0 || m > level[f] {
					level[f] = m
				}
				k[f]++
			}
		}
	}
	// Frames with a contact take its level; the gaps ease from one side's
	// level to the other's (smoothstep), the ends hold the nearest.
	last := -1
	for f := 0; f <= n; f++ {
		if f < n && k[f] == 0 {
			continue
		}
		if f < n {
			line[f] = level[f]
		}
		from, to := last+1, f
		switch {
		case last < 0 && f == n: // never reached: g.found says a contact exists
		case last < 0:
			for x := from; x < to; x++ {
				line[x] = line[f]
			}
		case f == n:
			for x := from; x < to; x++ {
				line[x] = line[last]
			}
		default:
			for x := from; x < to; x++ {
				u := float64(x-last) / float64(f-last)
				line[x] = line[last] + (line[f]-line[last])*u*u*(3-2*u)
			}
		}
		last = f
	}
	for _, sg := range segs {
		seg := line[sg[0]:sg[1]]
		filtfilt(seg, seg, fps, floorCutoff)
	}
	return line, true
}

func count(c []bool) int {
	n := 0
	for _, v := range c {
		if v {
			n++
		}
	}
	return n
}

// quantile returns the value below which a fraction q of v lies.
func quantile(v []float64, q float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}
