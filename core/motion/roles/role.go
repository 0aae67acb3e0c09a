package roles

import "strings"

// Role is a humanoid body part, named as in VRM 1.0's humanoid table
// ("hips", "leftUpperArm"). It converts to and from the role strings of
// motion/rigs' maps with a plain conversion.
type Role string

// The body roles Find assigns. Fingers, eyes and the jaw are not found.
const (
	Hips       Role = "hips"
	Spine      Role = "spine"
	Chest      Role = "chest"
	UpperChest Role = "upperChest"
	Neck       Role = "neck"
	Head       Role = "head"

	LeftShoulder  Role = "leftShoulder" // the clavicle
	LeftUpperArm  Role = "leftUpperArm"
	LeftLowerArm  Role = "leftLowerArm" // the forearm
	LeftHand      Role = "leftHand"
	RightShoulder Role = "rightShoulder"
	RightUpperArm Role = "rightUpperArm"
	RightLowerArm Role = "rightLowerArm"
	RightHand     Role = "rightHand"

	LeftUpperLeg  Role = "leftUpperLeg" // the thigh
	LeftLowerLeg  Role = "leftLowerLeg" // the shin
	LeftFoot      Role = "leftFoot"     // the ankle joint
	LeftToes      Role = "leftToes"
	RightUpperLeg Role = "rightUpperLeg"
	RightLowerLeg Role = "rightLowerLeg"
	RightFoot     Role = "rightFoot"
	RightToes     Role = "rightToes"
)

// All lists every role Find assigns, from the hips outwards.
var All = []Role{
	Hips, Spine, Chest, UpperChest, Neck, Head,
	LeftShoulder, LeftUpperArm, LeftLowerArm, LeftHand,
	RightShoulder, RightUpperArm, RightLowerArm, RightHand,
	LeftUpperLeg, LeftLowerLeg, LeftFoot, LeftToes,
	RightUpperLeg, RightLowerLeg, RightFoot, RightToes,
}

// Core lists the roles a body cannot follow a motion without.
var Core = []Role{
	Hips, Spine, Head,
	LeftUpperArm, RightUpperArm, LeftLowerArm, RightLowerArm,
	LeftUpperLeg, RightUpperLeg, LeftLowerLeg, RightLowerLeg,
	LeftFoot, RightFoot,
}

// titles name the parts whose VRM names read oddly to people.
var titles = map[string]string{
	"Shoulder": "clavicle", "UpperArm": "upper arm", "LowerArm": "forearm",
	"UpperLeg": "thigh", "LowerLeg": "shin", "upperChest": "upper chest",
}

// Title names the role for people: "leftLowerArm" is "left forearm".
func (r Role) Title() string {
	s := string(r)
	if t, ok := titles[s]; ok {
		return t
	}
	for _, side := range []string{"left", "right"} {
		if rest, ok := strings.CutPrefix(s, side); ok && rest != "" {
			if t, ok := titles[rest]; ok {
				return side + " " + t
			}
			return side + " " + strings.ToLower(rest)
		}
	}
	return s
}
