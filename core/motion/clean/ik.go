package clean

import (
	"math"

	"singlecam/core/motion"
)

// twoBone solves a leg analytically: given the hip h, knee k and ankle a
// where they are and a target t for the ankle, it returns where the knee
// goes and the ankle's reachable place. The knee stays in the plane it
// bends in (the plane of the thigh and the target), the thigh and shin keep
// their lengths, and the leg is never stretched beyond reach (a fraction of
// its full length).
//
// bend, when it holds, bounds the knee's inner angle (radians) to
// [bend[0], bend[1]], so that a knee never turns faster than the capture's.
// soft, when positive, is the fraction of the leg's length short of reach
// over which the ankle eases into reach (soft IK) rather than stopping
// hard at it. hinge is the axis the knee bends about (world, as the leg is
// now; the knee bends forward when (knee−hip)×(ankle−knee) points along
// it), or zero when not known.
func twoBone(h, k, a, t motion.Vec3, reach, soft float64, bend *[2]float64, hinge motion.Vec3) (knee, ankle motion.Vec3, ok bool) {
	l1, l2 := k.Sub(h).Len(), a.Sub(k).Len()
	ht := t.Sub(h)
	d := ht.Len()
	if l1 == 0 || l2 == 0 || d == 0 {
		return k, a, false
	}
	dir := ht.Scale(1 / d)
	if soft *= l1 + l2; soft > 0 && d > reach-soft {
		// Soft IK: near full reach the ankle eases towards it, so a
		// millimetre more or less of reach does not swing a nearly
		// straight knee by many degrees.
		ds := reach - soft
		d = ds + soft*(1-math.Exp(-(d-ds)/soft))
	}
	d = math.Max(math.Abs(l1-l2)+1e-6*(l1+l2), math.Min(d, reach))
	if bend != nil {
		// The hip–ankle distance grows with the knee's inner angle.
		span := func(angle float64) float64 {
			angle = math.Max(0, math.Min(math.Pi, angle))
			return math.Sqrt(l1*l1 + l2*l2 - 2*l1*l2*math.Cos(angle))
		}
		d = math.Max(span(bend[0]), math.Min(d, span(bend[1])))
	}
	// The pole: where the knee points, away from the hip–ankle line, turned
	// as the leg swings from the ankle to the target, so the knee keeps its
	// plane and never flips backwards.
	// A nearly straight leg's own bend says little (its knee wanders from
	// frame to frame, and bending it more would swing the knee about): the
	// knee's hinge, a tenth of the thigh long, then decides.
	ha := a.Sub(h)
	swing := arc(ha, ht)
	pole := k.Sub(h)
	pole = pole.Sub(ha.Normalize().Scale(pole.Dot(ha.Normalize())))
	pole = swing.Rotate(pole)
	if hinge != (motion.Vec3{}) {
		if hp := dir.Cross(swing.Rotate(hinge)); hp.Len() > 1e-6 {
			pole = pole.Add(hp.Normalize().Scale(0.1 * l1))
		}
	}
	pole = pole.Sub(dir.Scale(pole.Dot(dir)))
	if pole.Len() < 1e-9*(l1+l2) {
		// A straight leg and no hinge: bend it some way.
		pole = a.Sub(k).Cross(dir)
		if pole.Len() < 1e-12 {
			return k, a, false
		}
		pole = dir.Cross(pole)
	}
	pole = pole.Normalize()
	cos := math.Max(-1, math.Min(1, (l1*l1+d*d-l2*l2)/(2*l1*d)))
	sin := math.Sqrt(1 - cos*cos)
	knee = h.Add(dir.Scale(l1 * cos)).Add(pole.Scale(l1 * sin))
	return knee, h.Add(dir.Scale(d)), true
}

// arc returns the shortest rotation taking direction u to direction v.
func arc(u, v motion.Vec3) motion.Quat {
	u, v = u.Normalize(), v.Normalize()
	d := u.Dot(v)
	if d > 1-1e-12 {
		return motion.Identity
	}
	if d < -1+1e-12 {
		axis := u.Cross(motion.Vec3{X: 1})
		if axis.Len() < 1e-6 {
			axis = u.Cross(motion.Vec3{Y: 1})
		}
		return motion.AxisAngle(axis, math.Pi)
	}
	c := u.Cross(v)
	return motion.Quat{X: c.X, Y: c.Y, Z: c.Z, W: 1 + d}.Normalize()
}

// rotationOf returns the rotation part of a world matrix.
func rotationOf(m *motion.Mat4) motion.Quat { return m.Decompose().R }

// turnLocal returns joint's new local rotation when its world rotation is
// turned by q (applied after it), its parent's world rotation being parent.
func turnLocal(local, parent, q motion.Quat) motion.Quat {
	return parent.Conj().Mul(q).Mul(parent).Mul(local).Normalize()
}

// yawAngle returns the heading of direction v about up, measured in the
// plane across up from a reference direction fixed for that up.
func yawAngle(v, up motion.Vec3) float64 {
	ref := motion.Vec3{Z: 1}
	if math.Abs(up.Z) > 0.9 {
		ref = motion.Vec3{X: 1}
	}
	ref = horizontal(ref, up).Normalize()
	side := up.Cross(ref)
	h := horizontal(v, up)
	return math.Atan2(h.Dot(side), h.Dot(ref))
}

// wrap returns angle a in (−π, π].
func wrap(a float64) float64 {
	a = math.Mod(a+math.Pi, 2*math.Pi)
	if a < 0 {
		a += 2 * math.Pi
	}
	return a - math.Pi
}

// kneeAngle returns the knee's inner angle: π for a straight leg.
func kneeAngle(h, k, a motion.Vec3) float64 {
	u, v := h.Sub(k).Normalize(), a.Sub(k).Normalize()
	return math.Acos(math.Max(-1, math.Min(1, u.Dot(v))))
}

// hingeOf returns the axis leg's knee bends about, in the thigh's own frame
// (where it stays put as the leg moves), from the frames of a on which the
// knee is clearly bent (ps holds a's positions), or zero when it never is.
func hingeOf(a *motion.Actor, ps *positions, leg Leg) motion.Vec3 {
	n := ps.frames()
	step := max(1, n/240)
	var sum motion.Vec3
	w := make([]motion.Mat4, len(a.Skeleton.Joints))
	for f := 0; f < n; f += step {
		h, k, an := ps.at(f, leg.Hip), ps.at(f, leg.Knee), ps.at(f, leg.Ankle)
		if kneeAngle(h, k, an) > 150*math.Pi/180 {
			continue
		}
		axis := k.Sub(h).Cross(an.Sub(k))
		w = a.WorldMatrices(f, w)
		// Weighted by how bent the knee is (the cross product's length).
		sum = sum.Add(rotationOf(&w[leg.Hip]).Conj().Rotate(axis))
	}
	if sum.Len() < 1e-12 {
		return motion.Vec3{}
	}
	return sum.Normalize()
}
