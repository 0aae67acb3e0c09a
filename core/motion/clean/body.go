package clean

import (
	"errors"
	"fmt"

	"singlecam/core/motion"
)

// Leg names one leg's joints by their index in a skeleton.
type Leg struct {
	// Hip is the thigh's joint: it sits at the hip and turns the thigh.
	Hip int
	// Knee is the shin's joint, at the knee.
	Knee int
	// Ankle is the foot's joint, at the ankle.
	Ankle int
	// Toe is the toes' joint, at the ball of the foot, or -1 when the leg
	// has none (the ankle then stands for the whole foot).
	Toe int
}

// Body is what clean-up needs to know of a skeleton: its legs, its hips, the
// joints whose swing it must keep, which way is up and how long a unit is.
type Body struct {
	// Left and Right are the legs.
	Left, Right Leg
	// Hips is the pelvis: the joint above both legs that the clean-up
	// lowers when a planted foot is out of reach.
	Hips int
	// Wrists are joints whose swing the numbers watch besides the ankles;
	// they may be empty.
	Wrists []int
	// Up is the world's up direction, a unit vector.
	Up motion.Vec3
	// MetresPerUnit says how long one of the clip's units is, so that
	// thresholds (how low a planted foot is, how fast it may move) and the
	// numbers hold for any scale. It is positive.
	MetresPerUnit float64
	// Soles are the points of a character's mesh under each foot (left
	// first), when the skeleton has a body: a foot then stands on the floor
	// by its mesh, not by its joints (a toe joint sits inside the foot).
	// Empty for a bare skeleton.
	Soles [2][]Sole
}

// Sole is a point of a character's mesh under a foot, as its skin moves it.
type Sole = motion.SkinPoint

// FootOf says which foot of b (0 left, 1 right) a sole hanging from joint
// j belongs to: the leg whose ankle is j or above it, or -1.
func (b *Body) FootOf(s *motion.Skeleton, j int) int {
	for i, leg := range b.Legs() {
		if j == leg.Ankle || above(s, leg.Ankle, j) {
			return i
		}
	}
	return -1
}

// SolesOf sorts a character's mesh points (retargeting finds them) under
// b's feet: each goes to the foot of the joint that carries most of it,
// and a point under neither foot is left out.
func (b *Body) SolesOf(s *motion.Skeleton, points []motion.SkinPoint) (out [2][]Sole) {
	for _, p := range points {
		top := 0
		for i := range p.Weights {
			if p.Joints[i] >= 0 && p.Weights[i] > p.Weights[top] {
				top = i
			}
		}
		if foot := b.FootOf(s, p.Joints[top]); foot >= 0 {
			out[foot] = append(out[foot], p)
		}
	}
	return out
}

// ErrBody is wrapped by every error that says a Body does not fit a skeleton.
var ErrBody = errors.New("the legs of this skeleton are not known")

// Legs returns the two legs, left first.
func (b *Body) Legs() [2]Leg { return [2]Leg{b.Left, b.Right} }

// check reports whether b names joints of s in the right order (each leg a
// chain from hip to toe) with a usable up direction and scale.
func (b *Body) check(s *motion.Skeleton) error {
	n := len(s.Joints)
	in := func(j int) bool { return j >= 0 && j < n }
	if !in(b.Hips) {
		return fmt.Errorf("%w: hips %d is not a joint", ErrBody, b.Hips)
	}
	for i, l := range b.Legs() {
		if !in(l.Hip) || !in(l.Knee) || !in(l.Ankle) || (l.Toe != -1 && !in(l.Toe)) {
			return fmt.Errorf("%w: leg %d names a joint the skeleton does not have", ErrBody, i)
		}
		if !above(s, l.Hip, l.Knee) || !above(s, l.Knee, l.Ankle) || (l.Toe >= 0 && !above(s, l.Ankle, l.Toe)) {
			return fmt.Errorf("%w: leg %d is not a chain from hip to toe", ErrBody, i)
		}
		if !above(s, b.Hips, l.Hip) && b.Hips != l.Hip {
			return fmt.Errorf("%w: leg %d does not hang from the hips", ErrBody, i)
		}
	}
	for _, w := range b.Wrists {
		if !in(w) {
			return fmt.Errorf("%w: wrist %d is not a joint", ErrBody, w)
		}
	}
	if l := b.Up.Len(); !(l > 0.99 && l < 1.01) {
		return fmt.Errorf("%w: the up direction %v is not a unit vector", ErrBody, b.Up)
	}
	if !(b.MetresPerUnit > 0) {
		return fmt.Errorf("%w: the length of a unit is not known", ErrBody)
	}
	return nil
}

// above reports whether joint a is a strict ancestor of joint d.
func above(s *motion.Skeleton, a, d int) bool {
	for p := s.Joints[d].Parent; p >= 0; p = s.Joints[p].Parent {
		if p == a {
			return true
		}
	}
	return false
}
