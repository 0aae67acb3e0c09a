package clean

import (
	"math"

	"singlecam/core/motion"
)

// Numbers judge a motion's clean-up; the README defines them the same way.
type Numbers struct {
	// Skate is how far planted feet travel across the floor, in centimetres
	// per second of contact: on each pair of planted frames, the smaller
	// horizontal move of the foot's points (heel, ball), the one standing.
	Skate float64
	// Jitter is the mean jerk (third derivative of position) of every
	// joint, in metres per second cubed.
	Jitter float64
	// Fidelity is how far any joint outside the legs moved from the source,
	// at most, in centimetres, after the whole actor's move to the floor
	// (joints above the hips, which that move leaves, are not counted). A
	// lone frame between cuts (the T-pose before Move's motion) is not
	// motion: clean-up leaves it as the source has it, and it is not
	// counted.
	Fidelity float64
	// SwingKept is the smallest, over wrists and ankles, of the peak-to-peak
	// range of the joint's place relative to the hips, after over before, in
	// percent.
	SwingKept float64
	// Lowest is the lowest any foot reaches relative to the floor found
	// from the contacts, in centimetres (negative: below it).
	Lowest float64
	// PlantedLow and PlantedHigh say how far planted feet stand from that
	// floor: for each contact, the height of the foot's lowest point above
	// the floor (its median over the contact, in centimetres, negative
	// below); PlantedLow is the lowest of these and PlantedHigh the
	// highest. Both are 0 when every planted foot stands on the floor; a
	// foot that floats shows in PlantedHigh, one that sinks in PlantedLow.
	PlantedLow, PlantedHigh float64
	// KneeRate is the fastest a knee's angle changes from one frame to the
	// next, in degrees.
	KneeRate float64
}

// Compare measures got against ref, two motions of the same skeleton at fps,
// with contacts as found on ref; lift is how far got was moved up as a
// whole on each frame (metres, as Report.Lift; nil for none), which
// Fidelity does not count.
func Compare(ref, got *motion.Actor, fps float64, b *Body, contacts motion.FootContacts, lift []float64) Numbers {
	p := worldPositionsOf(ref, b)
	cut := cutAt(segments(p, rootOf(ref.Skeleton), b.MetresPerUnit), ref.Frames)
	var units []float64
	if lift != nil {
		units = make([]float64, len(lift))
		for f, l := range lift {
			units[f] = l / b.MetresPerUnit
		}
	}
	return measure(p, worldPositionsOf(got, b), got.Skeleton, b, [2][]bool{contacts.Left, contacts.Right}, cut, fps, b.MetresPerUnit, units)
}

// measure judges got against ref; cut marks the frames where ref jumps (a
// T-pose frame), across which no rate is measured; lift is how far got was
// moved up as a whole on each frame (clip units), or nil; mpu turns clip
// units into metres.
func measure(ref, got *positions, s *motion.Skeleton, b *Body, contacts [2][]bool, cut []bool, fps, mpu float64, lift []float64) Numbers {
	const cm = 100
	var n Numbers
	n.Jitter = jitter(got, s, cut, fps, mpu)
	n.Skate = skate(got, s, b, contacts, cut, fps) * mpu * cm
	// Fidelity: joints outside the legs, and below the hips' ancestors (a
	// glTF armature's nodes above the skeleton stay put as the body moves
	// to the floor; they are not the body).
	inLeg := make([]bool, len(s.Joints))
	for j := range s.Joints {
		inLeg[j] = above(s, j, b.Hips)
	}
	for _, leg := range b.Legs() {
		for j := range s.Joints {
			if j == leg.Hip || above(s, leg.Hip, j) {
				inLeg[j] = true
			}
		}
	}
	for f := range got.frames() {
		if lone(cut, f) {
			continue
		}
		var shift motion.Vec3
		if lift != nil {
			shift = b.Up.Scale(lift[f])
		}
		for j := range s.Joints {
			if !inLeg[j] {
				d := got.at(f, j).Sub(ref.at(f, j).Add(shift)).Len() * mpu * cm
				n.Fidelity = math.Max(n.Fidelity, d)
			}
		}
	}
	n.SwingKept = 100
	watched := append([]int{b.Left.Ankle, b.Right.Ankle}, b.Wrists...)
	for _, j := range watched {
		r0, r1 := swing(ref, j, b.Hips), swing(got, j, b.Hips)
		if r0 > 0 {
			n.SwingKept = math.Min(n.SwingKept, 100*r1/r0)
		}
	}
	g := findGround(s, got, b, contacts).withAnkles(ref, b, contacts)
	n.Lowest = math.Inf(1)
	for i, leg := range b.Legs() {
		for f := range got.frames() {
			n.Lowest = math.Min(n.Lowest, g.clearance(got, f, i, leg, b.Up)*mpu*cm)
		}
		n.KneeRate = math.Max(n.KneeRate, kneeRate(got, leg, cut))
	}
	if !g.found {
		n.Lowest = 0
		return n
	}
	n.PlantedLow, n.PlantedHigh = math.Inf(1), math.Inf(-1)
	for i, leg := range b.Legs() {
		for _, r := range runs(contacts[i]) {
			c := make([]float64, 0, r[1]-r[0])
			for f := r[0]; f < r[1]; f++ {
				c = append(c, g.clearance(got, f, i, leg, b.Up)*mpu*cm)
			}
			m := median(c)
			n.PlantedLow, n.PlantedHigh = math.Min(n.PlantedLow, m), math.Max(n.PlantedHigh, m)
		}
	}
	return n
}

// jitter is the mean jerk of every bone, in metres per second cubed.
func jitter(ps *positions, s *motion.Skeleton, cut []bool, fps, mpu float64) float64 {
	var sum float64
	var count int
	for j, joint := range s.Joints {
		if joint.Kind == motion.End {
			continue
		}
		for f := 3; f < ps.frames(); f++ {
			if across(cut, f-3, f) {
				continue
			}
			// The third difference: p3 − 3 p2 + 3 p1 − p0.
			d := ps.at(f, j).Sub(ps.at(f-1, j).Scale(3)).Add(ps.at(f-2, j).Scale(3)).Sub(ps.at(f-3, j))
			sum += d.Len()
			count++
		}
	}
	if count == 0 {
		return 0
	}
	return sum / float64(count) * fps * fps * fps * mpu
}

// skate returns the horizontal travel of planted feet per second of
// contact, in clip units.
func skate(ps *positions, s *motion.Skeleton, b *Body, contacts [2][]bool, cut []bool, fps float64) float64 {
	var dist float64
	var frames int
	for i, leg := range b.Legs() {
		pts := []int{leg.Ankle}
		if leg.Toe >= 0 {
			pts = append(pts, leg.Toe)
		}
		for f := 1; f < len(contacts[i]); f++ {
			if !contacts[i][f] || !contacts[i][f-1] || cut[f] {
				continue
			}
			frames++
			m := math.Inf(1)
			for _, j := range pts {
				m = math.Min(m, horizontal(ps.at(f, j).Sub(ps.at(f-1, j)), b.Up).Len())
			}
			dist += m
		}
	}
	if frames == 0 {
		return 0
	}
	return dist / (float64(frames) / fps)
}

// swing is the length of the box that joint j's place relative to the hips
// fills over the clip.
func swing(ps *positions, j, hips int) float64 {
	box := motion.EmptyBox
	for f := range ps.frames() {
		box = box.Add(ps.at(f, j).Sub(ps.at(f, hips)))
	}
	return box.Size().Len()
}

// kneeRate is the largest change of the knee's angle between frames, in
// degrees.
func kneeRate(ps *positions, leg Leg, cut []bool) float64 {
	angle := func(f int) float64 {
		u := ps.at(f, leg.Hip).Sub(ps.at(f, leg.Knee)).Normalize()
		v := ps.at(f, leg.Ankle).Sub(ps.at(f, leg.Knee)).Normalize()
		return math.Acos(math.Max(-1, math.Min(1, u.Dot(v))))
	}
	m := 0.0
	prev := angle(0)
	for f := 1; f < ps.frames(); f++ {
		a := angle(f)
		if !cut[f] {
			m = math.Max(m, math.Abs(a-prev))
		}
		prev = a
	}
	return m * 180 / math.Pi
}
