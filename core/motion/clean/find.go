package clean

import (
	"context"
	"fmt"

	"singlecam/core/motion"
	"singlecam/core/motion/retarget"
)

// legLength is a typical adult's thigh and shin together, in metres: the
// yardstick for a clip whose unit is not known (CMU's BVH conversions are
// in units of about 5.6 cm).
const legLength = 0.85

// BodyOf builds the Body of skeleton s from its humanoid roles, named as
// VRM 1.0 names them (hips, leftUpperLeg, leftLowerLeg, leftFoot, leftToes,
// leftHand, and the right side's), with Y up as Singlecam's clips are.
// metresPerUnit is the clip's, or 0 when unknown: the legs' rest length
// then sets it, as it does when the clip's unit makes no human of them.
func BodyOf(s *motion.Skeleton, roles map[string]int, metresPerUnit float64) (*Body, error) {
	get := func(role string) int {
		if j, ok := roles[role]; ok && j >= 0 && j < len(s.Joints) {
			return j
		}
		return -1
	}
	b := &Body{Hips: get("hips"), Up: motion.Vec3{Y: 1}, MetresPerUnit: metresPerUnit}
	for i, side := range []string{"left", "right"} {
		l := Leg{Hip: get(side + "UpperLeg"), Knee: get(side + "LowerLeg"), Ankle: get(side + "Foot"), Toe: get(side + "Toes")}
		if l.Hip < 0 || l.Knee < 0 || l.Ankle < 0 {
			return nil, fmt.Errorf("%w: no %s thigh, shin and foot", ErrBody, side)
		}
		if l.Toe >= 0 && !above(s, l.Ankle, l.Toe) {
			l.Toe = -1
		}
		if i == 0 {
			b.Left = l
		} else {
			b.Right = l
		}
		if w := get(side + "Hand"); w >= 0 {
			b.Wrists = append(b.Wrists, w)
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
		roles, _ := retarget.Roles(a.Skeleton, nil)
		if b, err := BodyOf(a.Skeleton, roles, c.MetresPerUnit); err == nil {
			out[i] = b
		}
	}
	return out
}

// Run cleans c with o, finding each actor's legs itself (see Bodies).
func Run(ctx context.Context, c *motion.Clip, o Options) (*Result, error) {
	return Clean(ctx, c, Bodies(c), o)
}
