package retarget

import "testing"

func TestRoleOfName(t *testing.T) {
	for _, tc := range []struct{ name, role string }{
		{"mixamorig:LeftForeArm", "leftLowerArm"},
		{"DEF-forearm.L", "leftLowerArm"},
		{"Bip01 L Forearm", "leftLowerArm"},
		{"lowerarm_l", "leftLowerArm"},
		{"J_Bip_L_LowerArm", "leftLowerArm"},
		{"Armature|RightUpLeg", "rightUpperLeg"},
		{"_1:RightLeg", "rightLowerLeg"},
		{"thigh.R", "rightUpperLeg"},
		{"RightHip", "rightUpperLeg"},
		{"pelvis", "hips"},
		{"J_Bip_C_Hips", "hips"},
		{"Spine", "spine"},
		{"neck_01", "neck"},
		{"CC_Base_Head", "head"},
		{"foot_l", "leftFoot"},
		{"LeftToe_End", ""},
		{"Hand", ""},     // a limb without a side
		{"LeftHead", ""}, // a middle bone with one
		{"Tail", ""},
		{"", ""},
	} {
		if got := roleOfName(tc.name); got != tc.role {
			t.Errorf("%q: %q, want %q", tc.name, got, tc.role)
		}
	}
}

func TestRolesPreferTheVRMTableThenTheShapeThenNames(t *testing.T) {
	s := moveSkeleton(t)
	roles, how := Roles(s, map[string]int{"hips": 3, "head": 99})
	if how != ByVRM || roles["hips"] != 3 || s.Joints[roles["head"]].Name != "_1:Head" {
		t.Errorf("table: %v from %s", roles, how)
	}
	roles, how = Roles(s, nil)
	if how != ByShape || s.Joints[roles["leftThumbProximal"]].Name != "_1:LeftHandThumb2" || s.Joints[roles["leftUpperArm"]].Name != "_1:LeftArm" {
		t.Errorf("move: %v from %s", roles, how)
	}
}

func TestRoleTitle(t *testing.T) {
	for role, want := range map[string]string{
		"leftLowerArm": "left forearm", "hips": "hips", "rightUpperLeg": "right thigh",
		"leftIndexProximal": "left index proximal", "upperChest": "upper chest", "rightThumbMetacarpal": "right thumb, 1st joint",
	} {
		if got := RoleTitle(role); got != want {
			t.Errorf("%s: %q, want %q", role, got, want)
		}
	}
}
