package rigs

import (
	"slices"
	"testing"
)

func TestMapsNameMoveOnesBones(t *testing.T) {
	if got := MapNames(); !slices.Equal(got, []string{"mixamo", "ue5", "unity", "vrm"}) {
		t.Fatalf("maps %v", got)
	}
	move := Move()
	want := map[string]map[string]string{
		"mixamo": {"_1:Hips": "mixamorig:Hips", "_1:LeftArm": "mixamorig:LeftArm", "_1:RightHandThumb1": "mixamorig:RightHandThumb1", "_1:LeftToeBase": "mixamorig:LeftToeBase"},
		"ue5":    {"_1:Root": "root", "_1:Hips": "pelvis", "_1:LeftForeArm": "lowerarm_l", "_1:RightUpLeg": "thigh_r", "_1:RightHandIndex1": "index_01_r"},
		"unity":  {"_1:Spine1": "Chest", "_1:LeftHandThumb1": "LeftThumbProximal", "_1:LeftHandThumb2": "LeftThumbIntermediate", "_1:RightLeg": "RightLowerLeg"},
		"vrm":    {"_1:Hips": "hips", "_1:LeftHandThumb1": "leftThumbMetacarpal", "_1:RightHandPinky1": "rightLittleProximal", "_1:LeftToeBase": "leftToes"},
	}
	for name, pairs := range want {
		m, err := LoadMap(name)
		if err != nil {
			t.Fatal(err)
		}
		if m.About == "" {
			t.Errorf("%s: does not say where the convention is documented", name)
		}
		names := move.NamesFor(m)
		for from, to := range pairs {
			if names[from] != to {
				t.Errorf("%s: %s becomes %q, want %q", name, from, names[from], to)
			}
		}
		// Helper bones have no role: a rename keeps their names.
		if _, ok := names["_1:heel.02.L"]; ok {
			t.Errorf("%s renames a helper bone", name)
		}
		// Every humanoid bone of Move's rig gets a name (the root only where
		// the target has one).
		for _, j := range move.Joints {
			if j.Role != "" && j.Role != "root" && names[j.Name] == "" {
				t.Errorf("%s: no name for %s (%s)", name, j.Name, j.Role)
			}
		}
	}
	if _, err := LoadMap("nope"); err == nil {
		t.Error("no error for an unknown map")
	}
}
