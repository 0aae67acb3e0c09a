package roles

import "singlecam/core/motion"

// Arm is one arm's joints (indices into the skeleton's joints), -1 where the
// rig has none.
type Arm struct {
	// Shoulder is the clavicle: the joint before the upper arm, between it
	// and the chest; -1 when the arm leaves the chest at the upper arm.
	Shoulder int
	// Upper is the upper arm (at the shoulder's ball joint).
	Upper int
	// Lower is the forearm (at the elbow).
	Lower int
	// Hand is the hand (at the wrist).
	Hand int
	// Chain lists the arm's joints from the first joint after the chest to
	// the hand, both included, in order (twist or helper joints in between
	// included, fingers not).
	Chain []int
}

// Leg is one leg's joints (indices into the skeleton's joints), -1 where the
// rig has none.
type Leg struct {
	// Upper is the thigh (at the hip joint).
	Upper int
	// Lower is the shin (at the knee).
	Lower int
	// Foot is the ankle joint; -1 when the leg ends at the shin (the
	// three.js robot's feet are separate joints under its root).
	Foot int
	// Apart is, for a leg that ends at the shin, the foot that stands
	// apart from it: a joint outside the hips' subtree (an IK rig's foot
	// target, the three.js robot's FootL under its root) standing below
	// the knee, on the leg's side, where the shin would end. -1 otherwise.
	// It plays the foot's role in Joints (Of(LeftFoot)), while Foot stays
	// -1: moving the leg does not move it.
	Apart int
	// Toes is the joint after the ankle (the ball of the foot) when it is a
	// real joint, not a BVH End Site; -1 otherwise.
	Toes int
	// Chain lists the leg's joints from the first joint after the hips to
	// the toes (or the foot), both included, in order.
	Chain []int
}

// Humanoid is what Find learns of a skeleton: which joint plays each role,
// the chains, and the figure's rest-pose geometry. Every vector and length
// is in the skeleton's rest world space (Skeleton.RestWorld, every
// transform above the hips included) and in the file's own units.
type Humanoid struct {
	// Joints maps each role found to its joint index. Roles the rig lacks
	// (no chest, no clavicles, no toes) are absent; Of returns -1 for them.
	Joints map[Role]int
	// Spine lists the joints from the hips to the head, both included, in
	// order: the spine, chest, neck and head and any joint between them,
	// matched to a role or not. Its length minus one is the number of bones
	// from the hips to the head.
	Spine []int
	// LeftArm and RightArm are the arms, by the side each is on in the rest
	// pose seen from where the figure faces (not by their names).
	LeftArm, RightArm Arm
	// LeftLeg and RightLeg are the legs, by side like the arms.
	LeftLeg, RightLeg Leg
	// Up is the unit vector from the hips toward the head in the rest pose.
	Up motion.Vec3
	// Forward is the unit vector, perpendicular to Up, the figure faces.
	Forward motion.Vec3
	// Left is the figure's own left: Up × Forward, a unit vector.
	Left motion.Vec3
	// Floor is where the soles stand, as a height along Up (a position p is
	// p.Dot(Up) high): the lowest rest point of the legs' joints, end and
	// toe joints included (the ankle's height when a rig has no toes; the
	// feet standing apart from legs that end at the shin, as the three.js
	// robot's; without those, the lowest joint outside the hips).
	Floor float64
	// Height is the figure's height from Floor to the top of the head along
	// Up: to the highest joint at or above the head (a top-of-head end
	// joint, a BVH End Site) or, when the rig has none, to the head joint
	// plus its neck bone's length.
	Height float64
	// HipsHeight is the hips' height above Floor along Up.
	HipsHeight float64
	// Sides says what told left from right: "toes" (the feet point where
	// the figure faces), "names" (no toes; the limbs' names say their
	// side) or "convention" (neither: the figure is taken to face +Z when
	// up is Y, −Y when up is Z).
	Sides string
}

// Of returns the joint playing role r, or -1.
func (h *Humanoid) Of(r Role) int {
	if j, ok := h.Joints[r]; ok {
		return j
	}
	return -1
}

// RoleOf returns the role joint j plays, or "" for none.
func (h *Humanoid) RoleOf(j int) Role {
	for r, k := range h.Joints {
		if k == j {
			return r
		}
	}
	return ""
}

// Legs returns the left and the right leg.
func (h *Humanoid) Legs() [2]Leg { return [2]Leg{h.LeftLeg, h.RightLeg} }

// Arms returns the left and the right arm.
func (h *Humanoid) Arms() [2]Arm { return [2]Arm{h.LeftArm, h.RightArm} }
