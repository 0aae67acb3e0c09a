package retarget

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/load"
	"singlecam/core/motion/load/loadtest"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/roles"
	"singlecam/core/motion/roles/rolestest"
	"singlecam/core/motion/synth"
)

// TestWriteDCCCharacters writes characters with a motion put on them, and
// what Blender should find in each, into the folder SINGLECAM_DCC_OUT
// names (characters.json): `make dcc-check` imports them into Blender and
// checks that the animation plays on the character's own armature, that
// the deformed mesh's lowest point stays on the floor (every frame of a
// walk) and that the head stays above the hips.
func TestWriteDCCCharacters(t *testing.T) {
	dir := os.Getenv("SINGLECAM_DCC_OUT")
	if dir == "" {
		t.Skip("SINGLECAM_DCC_OUT is not set: make dcc-check sets it")
	}
	type sample struct {
		File   string   `json:"file"`
		FPS    float64  `json:"fps"`
		Frames int      `json:"frames"`
		Bones  int      `json:"bones"` // -1: not checked (a real file's own count)
		Mesh   string   `json:"mesh"`  // "": every mesh bound to the armature
		Hips   string   `json:"hips"`
		Head   string   `json:"head"`
		Feet   []string `json:"feet"`
		Hand   string   `json:"hand"`
		// Walk asks for the mesh on the floor at every frame (else only at
		// the lowest frame: a jump leaves it).
		Walk bool `json:"walk"`
		// Note says why the floor is measured but not checked.
		Note string `json:"note,omitempty"`
		// RestFloor is the height of the mesh's lowest point in the rest
		// pose, in metres (Blender's z is glTF's y).
		RestFloor float64 `json:"rest_floor"`
	}
	var samples []sample
	src := t.TempDir()
	cmu, err := load.Open(context.Background(), "../roles/testdata/cmu_01_01_240.bvh", -1)
	if err != nil {
		t.Fatal(err)
	}
	walk := sourceClip(t, synth.Walk)
	var move *motion.Clip
	for _, f := range loadtest.Corpus(t) {
		if f.Name != "move_motion_data.json" {
			continue
		}
		p := filepath.Join(src, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := load.Open(context.Background(), p, -1)
		if err != nil {
			t.Fatal(err)
		}
		move = m.Clip
	}
	for _, c := range []struct {
		file string
		real string // a real character in ../roles/testdata
		skel *motion.Skeleton
		opt  retargettest.Options
		clip *motion.Clip
	}{
		{file: "Avatar.vrm", skel: vrmSkeleton(t, false), opt: retargettest.Options{Humanoid: rigs.Move().Roles(), VRM: 1}, clip: sourceClip(t, synth.Wave)},
		{file: "Mixamo guy.glb", skel: renamed(moveSkeleton(t), mixamoNames(t)), clip: walk},
		{file: "Long legs.glb", skel: longLegs(t), clip: sourceClip(t, synth.Jump)},
		{file: "Mixamo in cm.glb", skel: rolestest.Build(rolestest.Mixamo, rolestest.Options{Armature: true, APose: true, Fingers: true}).Skeleton, clip: walk},
		{file: "VRoid.glb", skel: rolestest.Build(rolestest.VRoid, rolestest.Options{APose: true}).Skeleton, clip: walk},
		{file: "Unnamed.glb", skel: rolestest.Build(rolestest.Unnamed, rolestest.Options{}).Skeleton, clip: cmu.Clip},
		{file: "CesiumMan.glb", real: "CesiumMan.gltf", clip: walk},
		{file: "CesiumMan.glb", real: "CesiumMan.gltf", clip: cmu.Clip},
		{file: "CesiumMan.glb", real: "CesiumMan.gltf", clip: move},
		// The three.js robot: its feet stand apart from its legs (IK).
		{file: "RobotExpressive.glb", real: "RobotExpressive.glb", clip: walk},
		{file: "RobotExpressive.glb", real: "RobotExpressive.glb", clip: cmu.Clip},
	} {
		var path string
		if c.real == "" {
			path = writeCharacter(t, src, c.file, c.skel, c.opt)
		} else {
			path = filepath.Join(src, c.file)
			data, err := os.ReadFile(filepath.Join("..", "roles", "testdata", c.real))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(c.real, ".gltf") {
				// A .gltf with its buffer embedded reads as the same character.
				path = filepath.Join(src, strings.TrimSuffix(c.file, ".glb")+".gltf")
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ch, err := OpenCharacter(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		m := ch.Match(c.clip.Actors[0].Skeleton)
		moved, err := ch.Retarget(c.clip, m)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		name := c.clip.Name
		if name == "" {
			name = "motion"
		}
		out := save(t, ch, dir, name, moved)
		h, err := roles.Find(ch.Skeleton())
		if err != nil {
			t.Fatal(err)
		}
		// Blender names a joint without a name after its node: Node_7.
		bone := func(r roles.Role) string {
			j := h.Of(r)
			if j < 0 {
				t.Fatalf("%s: no %s", c.file, r)
			}
			if n := ch.Skeleton().Joints[j].Name; n != "" {
				return n
			}
			return fmt.Sprintf("Node_%d", ch.file.Nodes[j])
		}
		feet := []string{bone(roles.LeftLowerLeg), bone(roles.RightLowerLeg)}
		if h.Of(roles.LeftFoot) >= 0 {
			feet = []string{bone(roles.LeftFoot), bone(roles.RightFoot)}
		}
		sm := sample{
			File: filepath.Base(out), FPS: c.clip.FPS, Frames: c.clip.Frames(), Bones: -1,
			Hips: bone(roles.Hips), Head: bone(roles.Head), Feet: feet, Hand: bone(roles.RightHand),
			Walk: c.clip == walk,
		}
		sm.RestFloor = math.Inf(1)
		for _, v := range ch.vertices() {
			sm.RestFloor = min(sm.RestFloor, v.rest.Y)
		}
		if c.real == "RobotExpressive.glb" && c.clip == cmu.Clip {
			// Its hands hang to its knees: when CMU crouches they go
			// through the floor (28 cm), its feet stay on it.
			sm.Note = "the robot's hands reach its knees, and CMU crouches"
		}
		if c.clip == move {
			// Its ankles stand 19 cm high at the start and reach -7 cm at
			// 2.4 s (clean-up's grounding fixes it): the character follows.
			sm.Note = "the floor of Move's sample sinks over its 4.8 s"
		}
		if c.real == "" {
			sm.Bones, sm.Mesh = ch.Skeleton().Bones(), "Body"
		}
		samples = append(samples, sm)
	}
	data, _ := json.MarshalIndent(samples, "", " ")
	if err := os.WriteFile(filepath.Join(dir, "characters.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
