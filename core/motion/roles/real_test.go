package roles_test

import (
	"context"
	"os"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
	"singlecam/core/motion/roles"
)

// The real files in testdata come from outside the project (see its
// README): roles must be found in them as an animator would name them.

func character(t testing.TB, path string) *motion.Skeleton {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := gltf.ReadCharacter(f, os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return c.Skeleton
}

func TestRealFiles(t *testing.T) {
	cmu, err := load.Open(context.Background(), "testdata/cmu_01_01_240.bvh", -1)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		s    *motion.Skeleton
		// want names each role's joint (by name, or by index for
		// unnamed joints as "#N").
		want map[roles.Role]string
		// height is the figure's expected height in its units, within 10%:
		// to the highest joint, which in CMU's files is the head's End Site
		// at the middle of the skull, a little short of the person's height.
		height float64
	}{
		{"CMU in cgspeed names", cmu.Clip.Actors[0].Skeleton, map[roles.Role]string{
			roles.Hips: "Hips", roles.Spine: "LowerBack", roles.Chest: "Spine", roles.UpperChest: "Spine1",
			roles.Neck: "Neck", roles.Head: "Head",
			roles.LeftShoulder: "LeftShoulder", roles.LeftUpperArm: "LeftArm", roles.LeftLowerArm: "LeftForeArm", roles.LeftHand: "LeftHand",
			roles.RightShoulder: "RightShoulder", roles.RightUpperArm: "RightArm", roles.RightLowerArm: "RightForeArm", roles.RightHand: "RightHand",
			roles.LeftUpperLeg: "LeftUpLeg", roles.LeftLowerLeg: "LeftLeg", roles.LeftFoot: "LeftFoot", roles.LeftToes: "LeftToeBase",
			roles.RightUpperLeg: "RightUpLeg", roles.RightLowerLeg: "RightLeg", roles.RightFoot: "RightFoot", roles.RightToes: "RightToeBase",
		}, 26},
		{"CesiumMan, no names", character(t, "testdata/CesiumMan.gltf"), map[roles.Role]string{
			// Node numbers of the file, shifted by the two nodes above the
			// root joint (the scene's root and the armature node).
			roles.Hips: "#2", roles.Spine: "#3", roles.Chest: "#4", roles.Neck: "#5", roles.Head: "#6",
			roles.LeftUpperArm: "#7", roles.LeftLowerArm: "#8", roles.LeftHand: "#9",
			roles.RightUpperArm: "#10", roles.RightLowerArm: "#11", roles.RightHand: "#12",
			roles.LeftUpperLeg: "#13", roles.LeftLowerLeg: "#14", roles.LeftFoot: "#15", roles.LeftToes: "#16",
			roles.RightUpperLeg: "#17", roles.RightLowerLeg: "#18", roles.RightFoot: "#19", roles.RightToes: "#20",
		}, 1.22},
		{"three.js robot", character(t, "testdata/RobotExpressive.glb"), map[roles.Role]string{
			roles.Hips: "Body", roles.Spine: "Hips", roles.Chest: "Abdomen", roles.UpperChest: "Torso_1",
			roles.Neck: "Neck", roles.Head: "Head",
			roles.LeftShoulder: "ShoulderL", roles.LeftUpperArm: "UpperArmL", roles.LeftLowerArm: "LowerArmL", roles.LeftHand: "Palm3L",
			roles.RightShoulder: "ShoulderR", roles.RightUpperArm: "UpperArmR", roles.RightLowerArm: "LowerArmR", roles.RightHand: "Palm3R",
			// Its feet stand apart from its legs, under its root (IK).
			roles.LeftUpperLeg: "UpperLegL", roles.LeftLowerLeg: "LowerLegL", roles.LeftFoot: "FootL",
			roles.RightUpperLeg: "UpperLegR", roles.RightLowerLeg: "LowerLegR", roles.RightFoot: "FootR",
		}, 3.3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, err := roles.Find(c.s)
			if err != nil {
				t.Fatal(err)
			}
			label := func(j int) string {
				if j < 0 {
					return "none"
				}
				if n := c.s.Joints[j].Name; n != "" {
					return n
				}
				return "#" + itoa(j)
			}
			for _, role := range roles.All {
				want, ok := c.want[role]
				if !ok {
					want = "none"
				}
				if got := label(h.Of(role)); got != want {
					t.Errorf("%s is %s, want %s", role, got, want)
				}
			}
			if h.Height < 0.9*c.height || h.Height > 1.1*c.height {
				t.Errorf("height %.3f, want about %.3f", h.Height, c.height)
			}
			t.Logf("up %.2f forward %.2f sides by %s, height %.3f, hips %.3f above the floor", h.Up, h.Forward, h.Sides, h.Height, h.HipsHeight)
		})
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
