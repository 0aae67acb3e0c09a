package clean

import (
	"context"
	"fmt"
	"math"

	"singlecam/core/motion"
	"singlecam/core/motion/roles"
)

// legLength is a typical adult's thigh and shin together, in metres: the
// yardstick for a clip whose unit is not known (CMU's BVH conversions are
// in units of about 5.6 cm).
const legLength = 0.85

// BodyOf builds the Body of skeleton s from its humanoid h (as roles.Find
// finds it): the legs, the hips, the hands as wrists, and up as the axis
// nearest the figure's (floors are level in every tool). metresPerUnit is
// the clip's, or 0 when unknown: the legs' rest length then sets it, as it
// does when the clip's unit makes no human of them.
func BodyOf(s *motion.Skeleton, h *roles.Humanoid, metresPerUnit float64) (*Body, error) {
	b := &Body{Hips: h.Of(roles.Hips), Up: nearestAxis(h.Up), MetresPerUnit: metresPerUnit}
	for i, l := range h.Legs() {
		leg := Leg{Hip: l.Upper, Knee: l.Lower, Ankle: l.Foot, Toe: l.Toes}
		if leg.Hip < 0 || leg.Knee < 0 || leg.Ankle < 0 {
			return nil, fmt.Errorf("%w: a leg has no thigh, shin or foot", ErrBody)
		}
		if i == 0 {
			b.Left = leg
		} else {
			b.Right = leg
		}
	}
	for _, a := range h.Arms() {
		if a.Hand >= 0 {
			b.Wrists = append(b.Wrists, a.Hand)
		}
	}
	if b.Hips < 0 {
		return nil, fmt.Errorf("%w: no hips", ErrBody)
	}
	w := s.RestWorld()
	var sum float64
	for _, l := range b.Legs() {
		sum += w[l.Knee].Translation().Sub(w[l.Hip].Translation()).Len() +
			w[l.Ankle].Translation().Sub(w[l.Knee].Translation()).Len()
	}
	if sum == 0 {
		return nil, fmt.Errorf("%w: the legs have no length", ErrBody)
	}
	// A unit the file states but that makes legs shorter than a toddler's or
	// longer than a giant's is wrong (a BVH taken to be in centimetres that
	// is not): the legs then tell.
	if leg := sum / 2 * b.MetresPerUnit; !(leg > 0.25 && leg < 2) {
		b.MetresPerUnit = legLength / (sum / 2)
	}
	if err := b.check(s); err != nil {
		return nil, err
	}
	return b, nil
}

// Bodies finds the Body of every actor of c, nil for an actor whose legs
// are not known (it is only smoothed).
func Bodies(c *motion.Clip) []*Body {
	out := make([]*Body, len(c.Actors))
	for i, a := range c.Actors {
		h, err := roles.Find(a.Skeleton)
		if err != nil {
			continue
		}
		if b, err := BodyOf(a.Skeleton, h, c.MetresPerUnit); err == nil {
			out[i] = b
		}
	}
	return out
}

// Run cleans c with o, finding each actor's legs itself (see Bodies).
func Run(ctx context.Context, c *motion.Clip, o Options) (*Result, error) {
	return Clean(ctx, c, Bodies(c), o)
}

// nearestAxis returns the signed coordinate axis closest to v.
func nearestAxis(v motion.Vec3) motion.Vec3 {
	ax, ay, az := math.Abs(v.X), math.Abs(v.Y), math.Abs(v.Z)
	switch {
	case ax >= ay && ax >= az:
		return motion.Vec3{X: math.Copysign(1, v.X)}
	case ay >= az:
		return motion.Vec3{Y: math.Copysign(1, v.Y)}
	}
	return motion.Vec3{Z: math.Copysign(1, v.Z)}
}
