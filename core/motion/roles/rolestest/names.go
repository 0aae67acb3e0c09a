package rolestest

import (
	"fmt"
	"strings"
)

// namers name each part in each style.
var namers = map[Style]namer{
	Mixamo:  table("mixamorig:", mixamo),
	CGSpeed: table("", cgspeed),
	ASF:     table("", asf),
	Daz:     table("", daz),
	IClone:  table("CC_Base_", iclone),
	Plain:   table("", plain),
	VRoid:   table("", vroid),
	Unreal:  table("", unreal),
	Unnamed: func(string, string) string { return "" },
}

// Each table names a part; "%s" takes the side's word from sides.
type names struct {
	parts map[string]string
	sides [2]string // left, right
}

var (
	mixamo = names{map[string]string{
		"hips": "Hips", "spine": "Spine%n", "neck": "Neck", "head": "Head", "headEnd": "HeadTop_End",
		"clavicle": "%sShoulder", "upperArm": "%sArm", "foreArm": "%sForeArm", "hand": "%sHand", "handEnd": "%sHandMiddle1",
		"finger": "%sHandFinger%n", "fingerEnd": "%sHandFinger%n_End",
		"thigh": "%sUpLeg", "shin": "%sLeg", "foot": "%sFoot", "toe": "%sToeBase", "toeEnd": "%sToe_End",
	}, [2]string{"Left", "Right"}}
	cgspeed = names{map[string]string{
		"hips": "Hips", "spine": "Spine%n", "neck": "Neck", "neck1": "Neck1", "head": "Head", "headEnd": "End",
		"clavicle": "%sShoulder", "upperArm": "%sArm", "foreArm": "%sForeArm", "hand": "%sHand", "handEnd": "End",
		"finger": "%sFinger%n", "fingerEnd": "End",
		"hipJoint": "%sHipJoint", "thigh": "%sUpLeg", "shin": "%sLeg", "foot": "%sFoot", "toe": "%sToeBase", "toeEnd": "End",
	}, [2]string{"Left", "Right"}}
	asf = names{map[string]string{
		"hips": "hip", "spine": "back%n", "neck": "lowerneck", "neck1": "upperneck", "head": "head", "headEnd": "End",
		"clavicle": "%sclavicle", "upperArm": "%shumerus", "foreArm": "%sradius", "hand": "%swrist", "handEnd": "End",
		"finger": "%sfinger%n", "fingerEnd": "End",
		"hipJoint": "%ship", "thigh": "%sfemur", "shin": "%stibia", "foot": "%sfoot", "toe": "%stoes", "toeEnd": "End",
	}, [2]string{"l", "r"}}
	daz = names{map[string]string{
		"hips": "hip", "pelvis": "pelvis", "spine": "abdomen%n", "neck": "neck", "head": "head", "headEnd": "End",
		"clavicle": "%sCollar", "upperArm": "%sShldr", "foreArm": "%sForeArm", "hand": "%sHand", "handEnd": "End",
		"finger": "%sFinger%n", "fingerEnd": "End",
		"thigh": "%sThigh", "shin": "%sShin", "foot": "%sFoot", "toe": "%sToe", "toeEnd": "End",
	}, [2]string{"l", "r"}}
	iclone = names{map[string]string{
		"root": "BoneRoot", "hips": "Hip", "pelvis": "Pelvis", "spine": "Spine0%n", "neck": "NeckTwist01", "head": "Head", "headEnd": "Head_End",
		"clavicle": "%s_Clavicle", "upperArm": "%s_Upperarm", "foreArm": "%s_Forearm", "hand": "%s_Hand", "handEnd": "%s_Mid1",
		"finger": "%s_Finger%n", "fingerEnd": "%s_Finger%n_End",
		"thigh": "%s_Thigh", "shin": "%s_Calf", "foot": "%s_Foot", "toe": "%s_ToeBase", "toeEnd": "%s_Toe_End",
	}, [2]string{"L", "R"}}
	plain = names{map[string]string{
		"hips": "Hip", "spine": "Spine%n", "neck": "Neck", "head": "Head", "headEnd": "End",
		"upperArm": "%sShoulder", "foreArm": "%sElbow", "hand": "%sWrist", "handEnd": "End",
		"finger": "%sFinger%n", "fingerEnd": "End",
		"thigh": "%sHip", "shin": "%sKnee", "foot": "%sAnkle", "toe": "%sToe", "toeEnd": "End",
	}, [2]string{"Left", "Right"}}
	vroid = names{map[string]string{
		"root": "Root", "hips": "J_Bip_C_Hips", "spine": "J_Bip_C_Spine%n", "neck": "J_Bip_C_Neck", "head": "J_Bip_C_Head", "headEnd": "J_Bip_C_Head_end",
		"hair": "J_Sec_Hair%n", "eye": "J_Adj_%s_FaceEye", "skirt": "J_Sec_%s_Skirt%n",
		"clavicle": "J_Bip_%s_Shoulder", "upperArm": "J_Bip_%s_UpperArm", "foreArm": "J_Bip_%s_LowerArm", "hand": "J_Bip_%s_Hand", "handEnd": "J_Bip_%s_Middle1",
		"finger": "J_Bip_%s_Finger%n", "fingerEnd": "J_Bip_%s_Finger%n_end",
		"thigh": "J_Bip_%s_UpperLeg", "shin": "J_Bip_%s_LowerLeg", "foot": "J_Bip_%s_Foot", "toe": "J_Bip_%s_ToeBase", "toeEnd": "J_Bip_%s_ToeBase_end",
	}, [2]string{"L", "R"}}
	unreal = names{map[string]string{
		"root": "root", "hips": "pelvis", "spine": "spine_0%n", "neck": "neck_01", "neck1": "neck_02", "head": "head", "headEnd": "head_end",
		"clavicle": "clavicle_%s", "upperArm": "upperarm_%s", "upperTwist": "upperarm_twist_01_%s", "foreArm": "lowerarm_%s", "hand": "hand_%s", "handEnd": "middle_01_%s",
		"finger": "finger_%n_%s", "fingerEnd": "finger_end_%n_%s",
		"thigh": "thigh_%s", "shin": "calf_%s", "foot": "foot_%s", "toe": "ball_%s", "toeEnd": "ball_end_%s",
	}, [2]string{"l", "r"}}
)

// table makes a namer from a style's table: "%s" is the side's word, "%n"
// the part's number (spine joints count from 1, as most rigs do; a
// one-letter side glued to a number is kept).
func table(prefix string, t names) namer {
	return func(part, arg string) string {
		f, ok := t.parts[part]
		if !ok {
			return prefix + part + arg
		}
		side, num := "", arg
		if len(arg) > 0 && (arg[0] == 'L' || arg[0] == 'R') {
			side, num = t.sides[0], arg[1:]
			if arg[0] == 'R' {
				side = t.sides[1]
			}
		}
		if part == "spine" && num != "" {
			num = fmt.Sprint(int(num[0]-'0') + 1)
		}
		f = strings.ReplaceAll(f, "%s", side)
		f = strings.ReplaceAll(f, "%n", num)
		return prefix + f
	}
}
