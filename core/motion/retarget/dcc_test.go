package retarget

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// TestWriteDCCCharacters writes characters with a motion put on them, and
// what Blender should find in each, into the folder SINGLECAM_DCC_OUT
// names (characters.json): `make dcc-check` imports them into Blender and
// checks that the animation plays on the character's own armature.
func TestWriteDCCCharacters(t *testing.T) {
	dir := os.Getenv("SINGLECAM_DCC_OUT")
	if dir == "" {
		t.Skip("SINGLECAM_DCC_OUT is not set: make dcc-check sets it")
	}
	type sample struct {
		File   string   `json:"file"`
		FPS    float64  `json:"fps"`
		Frames int      `json:"frames"`
		Bones  int      `json:"bones"`
		Mesh   string   `json:"mesh"`
		Hips   string   `json:"hips"`
		Head   string   `json:"head"`
		Feet   []string `json:"feet"`
		Hand   string   `json:"hand"`
	}
	var samples []sample
	src := t.TempDir()
	for _, c := range []struct {
		file string
		kind synth.Kind
		vrm  bool
	}{
		{"Avatar.vrm", synth.Wave, true},
		{"Mixamo guy.glb", synth.Walk, false},
		{"Long legs.glb", synth.Jump, false},
	} {
		skel := renamed(moveSkeleton(t), mixamoNames(t))
		opt := retargettest.Options{}
		switch {
		case c.vrm:
			skel = vrmSkeleton(t, false)
			opt = retargettest.Options{Humanoid: rigs.Move().Roles(), VRM: 1}
		case c.file == "Long legs.glb":
			skel = longLegs(t)
		}
		ch, err := OpenCharacter(context.Background(), writeCharacter(t, src, c.file, skel, opt))
		if err != nil {
			t.Fatal(err)
		}
		clip := sourceClip(t, c.kind)
		m := ch.Match(clip.Actors[0].Skeleton)
		moved, err := ch.Retarget(clip, m)
		if err != nil {
			t.Fatal(err)
		}
		path := save(t, ch, dir, clip.Name, moved)
		bone := func(role string) string {
			roles, _ := Roles(clip.Actors[0].Skeleton, nil)
			for _, p := range m.Pairs {
				if p.Motion == clip.Actors[0].Skeleton.Joints[roles[role]].Name {
					return p.Bone
				}
			}
			t.Fatalf("%s: no %s", c.file, role)
			return ""
		}
		samples = append(samples, sample{
			File: filepath.Base(path), FPS: clip.FPS, Frames: clip.Frames(), Bones: len(skel.Joints), Mesh: "Body",
			Hips: bone("hips"), Head: bone("head"), Feet: []string{bone("leftFoot"), bone("rightFoot")}, Hand: bone("rightHand"),
		})
	}
	data, _ := json.MarshalIndent(samples, "", " ")
	if err := os.WriteFile(filepath.Join(dir, "characters.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
