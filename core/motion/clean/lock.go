package clean

import (
	"math"

	"singlecam/core/motion"
)

// Foot lock, after Kovar, Schreiner and Gleicher's footskate cleanup: plan
// where each ankle must be (a world offset from the capture) and how much
// each foot must turn about up, then lower the hips where a leg cannot
// reach, then solve each leg with two-bone IK.
const (
	blendTime  = 0.15  // seconds over which a lock of up to 1 cm blends in and out
	maxBlend   = 0.5   // seconds: the longest blend, for the largest corrections
	minBlend   = 6     // frames: the shortest blend, whatever the frame rate
	glideAfter = 0.30  // metres: in auto mode, a contact that slides further glides
	maxLower   = 0.003 // metres the hips may be lowered at most: "a little" (see lowerHips)
	fullReach  = 0.97  // fraction of a leg's length IK may stretch it to (more if the capture does)
	softReach  = 0.01  // fraction of a leg's length over which IK eases into full reach (soft IK)
	softFrom   = 0.01  // metres a foot is moved from the capture from which IK is fully soft
	maxShift   = 0.05  // metres a planted foot may be moved across the floor to be in reach
)

// legPlan is what one leg must do on each frame.
type legPlan struct {
	offset []motion.Vec3 // ankle target minus the ankle's place in the capture
	yaw    []float64     // the foot's turn about up, radians
}

// planLeg plans the lock (or, for glide contacts, only the floor) of one
// leg; ps holds positions after the move to the floor.
func planLeg(ps *positions, path []motion.Vec3, g *ground, foot int, leg Leg, contacts []bool, b *Body, feet Feet, fps float64) legPlan {
	n := ps.frames()
	up := b.Up
	p := legPlan{offset: make([]motion.Vec3, n), yaw: make([]float64, n)}
	var ankleSpeed, toeSpeed []float64
	_, ankleSpeed = lowAndSpeed(ps, leg.Ankle, up, fps)
	if leg.Toe >= 0 {
		_, toeSpeed = lowAndSpeed(ps, leg.Toe, up, fps)
	}
	// rel is how high the foot's lowest point sits above the ankle's planted
	// place; putting the ankle at floor − rel puts the foot on the floor.
	rel := func(f int) float64 {
		return g.clearance(ps, f, foot, leg, up) - (ps.at(f, leg.Ankle).Dot(up) - g.floor)
	}
	heading := func(f int) float64 {
		return yawAngle(ps.at(f, leg.Toe).Sub(ps.at(f, leg.Ankle)), up)
	}
	rs := runs(contacts)
	for _, r := range rs {
		s, e := r[0], r[1]
		// Auto leaves a walk cycle in place as it is (its slow frames are
		// not stances: locking or grounding them would jerk its legs), but
		// for keeping its feet above the floor.
		inPlace := g.inPlace
		glide := feet == Ground || inPlace || (feet == Auto && slides(ps, leg, s, e, up, b.MetresPerUnit))
		pivot := leg.Ankle
		if leg.Toe >= 0 && toeSpeed[s] < ankleSpeed[s] {
			pivot = leg.Toe
		}
		anchor := horizontal(ps.at(s, pivot), up)
		h0 := 0.0
		if leg.Toe >= 0 {
			h0 = heading(s)
		}
		for f := s; f < e; f++ {
			var off motion.Vec3
			if !glide {
				var q motion.Quat = motion.Identity
				if leg.Toe >= 0 {
					p.yaw[f] = wrap(h0 - heading(f))
					q = motion.AxisAngle(up, p.yaw[f])
					// Heel to ball and back: the planted point moves to the
					// joint that is clearly the slower; the new anchor is where
					// that joint is now, so the foot does not jump.
					other := leg.Toe
					ps0, ps1 := ankleSpeed[f], toeSpeed[f]
					if pivot == leg.Toe {
						other, ps0, ps1 = leg.Ankle, toeSpeed[f], ankleSpeed[f]
					}
					if ps1 < 0.5*ps0 {
						anchor = anchor.Add(horizontal(q.Rotate(ps.at(f, other).Sub(ps.at(f, pivot))), up))
						pivot = other
					}
				}
				ankle := anchor.Add(horizontal(q.Rotate(ps.at(f, leg.Ankle).Sub(ps.at(f, pivot))), up))
				off = ankle.Sub(horizontal(ps.at(f, leg.Ankle), up))
			} else {
				off = horizontal(path[f].Sub(ps.at(f, leg.Ankle)), up)
			}
			p.offset[f] = off
		}
		if !glide {
			// The planted foot stands where it stood on average (as Kovar et
			// al. place a footplant), not where it first touched: a foot
			// that drifts moves half as far either way.
			var mean motion.Vec3
			for f := s; f < e; f++ {
				mean = mean.Add(p.offset[f])
			}
			mean = mean.Scale(1 / float64(e-s))
			for f := s; f < e; f++ {
				p.offset[f] = p.offset[f].Sub(mean)
			}
		}
		for f := s; f < e && !inPlace; f++ {
			// On the floor: the ankle at the height that puts the foot's
			// lowest point at the floor's.
			want := g.floor - rel(f)
			p.offset[f] = p.offset[f].Add(up.Scale(want - ps.at(f, leg.Ankle).Dot(up)))
		}
		if !glide {
			c := reachable(ps, p.offset, s, e, leg, up, b.MetresPerUnit)
			for f := s; f < e; f++ {
				p.offset[f] = p.offset[f].Add(c)
			}
		}
	}
	blendOut(p, rs, n, fps, b.MetresPerUnit)
	if g.inPlace {
		// A walk cycle in place keeps its feet's heights as they are.
		return p
	}
	// Never through the floor, on any frame.
	lift := make([]float64, n)
	for f := range n {
		below := g.floor - rel(f) - (ps.at(f, leg.Ankle).Dot(up) + p.offset[f].Dot(up))
		lift[f] = math.Max(0, below)
	}
	lift = envelope(lift, max(1, int(math.Round(0.04*fps))))
	for f := range n {
		p.offset[f] = p.offset[f].Add(up.Scale(lift[f]))
	}
	return p
}

// reachable returns a shift across the floor of a planted foot's place
// (frames [s, e) of off, the ankle's planned offsets), as small as it
// finds, that puts it within the leg's reach on every frame where its
// height allows:
// a capture standing straight-legged sways, and a foot planted where it
// stood on average is then out of a straight leg's reach on some frames,
// which only lowering the hips (moving the whole upper body) could fix.
// The shift is found by projecting onto each frame's disc of reachable
// places in turn, from no shift; where the discs share no point it ends
// between them. It is at most maxShift: a foot planted much further from
// where the capture put it would change the stance; the hips come down
// for the rest.
func reachable(ps *positions, off []motion.Vec3, s, e int, leg Leg, up motion.Vec3, mpu float64) motion.Vec3 {
	type disc struct {
		centre motion.Vec3 // horizontal
		r      float64
	}
	var ds []disc
	for f := s; f < e; f++ {
		h, k, a := ps.at(f, leg.Hip), ps.at(f, leg.Knee), ps.at(f, leg.Ankle)
		reach := 0.999 * legReach(h, k, a)
		d := a.Add(off[f]).Sub(h)
		dv := d.Dot(up)
		if math.Abs(dv) >= reach {
			continue // the hips must come down whatever the place
		}
		// The shifted place is in reach when |horizontal(d) + c| ≤ r.
		ds = append(ds, disc{horizontal(d, up).Scale(-1), math.Sqrt(reach*reach - dv*dv)})
	}
	var c motion.Vec3
	limit := maxShift / mpu
	for range 100 {
		moved := false
		for _, q := range ds {
			v := c.Sub(q.centre)
			if l := v.Len(); l > q.r {
				c = q.centre.Add(v.Scale(q.r / l))
				moved = true
			}
		}
		if l := c.Len(); l > limit {
			c = c.Scale(limit / l)
		}
		if !moved {
			break
		}
	}
	return c
}

// slides reports whether the foot's slower point travels more than
// glideAfter across the floor during a contact: a deliberate slide or a
// pivot that auto mode keeps.
func slides(ps *positions, leg Leg, s, e int, up motion.Vec3, mpu float64) bool {
	travel := func(j int) float64 {
		return horizontal(ps.at(e-1, j).Sub(ps.at(s, j)), up).Len() * mpu
	}
	t := travel(leg.Ankle)
	if leg.Toe >= 0 {
		t = math.Min(t, travel(leg.Toe))
	}
	return t > glideAfter
}

// blendOut fills the frames between contacts: each contact's offset and
// turn fade in before it and out after it (smoothstep), shared between two
// contacts that are close. A fade lasts blendTime for a correction of up
// to a centimetre and longer for a larger one (as the cube root of its
// size, up to maxBlend): a smoothstep's jerk grows with its size over the
// cube of its length, so a big correction faded as fast as a small one
// would shake the leg. A fade also takes minBlend frames at least: at 24
// fps 0.15 s is under four frames, and a smoothstep over so few snaps
// (CesiumMan's walk in lock mode shook 24 % more, now 17 %).
func blendOut(p legPlan, rs [][2]int, n int, fps, mpu float64) {
	frames := func(off motion.Vec3, yaw float64) int {
		size := math.Max(off.Len()*mpu, math.Abs(yaw)*0.1) // a turn moves the toes about 10 cm out
		t := blendTime * math.Max(1, math.Cbrt(size/0.01))
		return max(minBlend, int(math.Round(math.Min(t, maxBlend)*fps)))
	}
	ramp := func(d, blend int) float64 { // d frames away from the contact, d ≥ 1
		x := 1 - float64(d)/float64(blend+1)
		if x <= 0 {
			return 0
		}
		return x * x * (3 - 2*x)
	}
	for i := 0; i <= len(rs); i++ {
		from, to := 0, n // the gap before run i
		if i > 0 {
			from = rs[i-1][1]
		}
		if i < len(rs) {
			to = rs[i][0]
		}
		var bp, bn int
		if i > 0 {
			e := rs[i-1][1] - 1
			bp = frames(p.offset[e], p.yaw[e])
		}
		if i < len(rs) {
			s := rs[i][0]
			bn = frames(p.offset[s], p.yaw[s])
		}
		for f := from; f < to; f++ {
			var wp, wn float64
			var op, on motion.Vec3
			var yp, yn float64
			if i > 0 {
				e := rs[i-1][1] - 1
				wp, op, yp = ramp(f-e, bp), p.offset[e], p.yaw[e]
			}
			if i < len(rs) {
				s := rs[i][0]
				wn, on, yn = ramp(s-f, bn), p.offset[s], p.yaw[s]
			}
			if sum := wp + wn; sum > 1 {
				wp, wn = wp/sum, wn/sum
			}
			p.offset[f] = op.Scale(wp).Add(on.Scale(wn))
			p.yaw[f] = yp*wp + yn*wn
		}
	}
}

// envelope returns a smooth curve at or above x (nearly): the largest value
// within ±half frames, averaged over the same window.
func envelope(x []float64, half int) []float64 {
	n := len(x)
	peak := make([]float64, n)
	for f := range n {
		m := 0.0
		for _, v := range x[max(0, f-half):min(n, f+half+1)] {
			if v > m {
				m = v
			}
		}
		peak[f] = m
	}
	out := make([]float64, n)
	movingAverage(peak, out, half)
	for f := range n {
		if x[f] > out[f] {
			out[f] = x[f]
		}
	}
	return out
}

// lowerHips returns, per frame, how far down the hips must go so that every
// leg reaches its ankle target without stretching further than the capture
// does (or fullReach of its length), eased in and out, and at most
// maxLower. Lowering the hips moves the whole upper body away from the
// capture, so it is the last resort: a contact's floor is set near its
// foot's highest (floorLine) and its place is shifted into reach
// (reachable), which leaves little to reach on a straight-legged stance
// but a foot still landing; where 3 mm is not enough the leg stops at its
// reach and the foot falls short of its place by the rest (it lands a
// frame later, or stands a few millimetres high) rather than the upper
// body dropping by a centimetre.
func lowerHips(ps *positions, b *Body, plans [2]legPlan, fps float64) []float64 {
	n := ps.frames()
	need := make([]float64, n)
	up := b.Up
	limit := maxLower / b.MetresPerUnit
	for i, leg := range b.Legs() {
		for f := range n {
			off := plans[i].offset[f]
			if off == (motion.Vec3{}) {
				continue
			}
			h, k, a := ps.at(f, leg.Hip), ps.at(f, leg.Knee), ps.at(f, leg.Ankle)
			reach := legReach(h, k, a)
			d := a.Add(off).Sub(h)
			dv := d.Dot(up)
			dh := horizontal(d, up).Len()
			if d.Len() <= reach {
				continue
			}
			s := -dv
			if dh < reach {
				s = -math.Sqrt(reach*reach-dh*dh) - dv
			}
			need[f] = math.Max(need[f], math.Min(limit, s))
		}
	}
	return envelope(need, max(1, int(math.Round(0.15*fps))))
}

// legReach is how far the ankle may be from the hip: as stretched as the
// capture has it, or fullReach of the leg's length, whichever is more, and
// never quite straight.
func legReach(h, k, a motion.Vec3) float64 {
	full := k.Sub(h).Len() + a.Sub(k).Len()
	return math.Min(0.9995*full, math.Max(fullReach*full, a.Sub(h).Len()))
}
