package gltf

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/retarget/retargettest"
)

func character(t testing.TB, opt retargettest.Options) []byte {
	t.Helper()
	s := motion.DemoClip(1, 1).Actors[0].Skeleton
	data, err := retargettest.GLB(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadCharacterFindsTheSkinAndTheVRMTable(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  retargettest.Options
		vrm  int
	}{
		{"plain", retargettest.Options{}, -1},
		{"VRM 1.0", retargettest.Options{Humanoid: map[string]int{"hips": 0, "leftThumbMetacarpal": 1}, VRM: 1}, 1},
		{"VRM 0.x", retargettest.Options{Humanoid: map[string]int{"hips": 0, "leftThumbMetacarpal": 1}, VRM: 0}, 0},
	} {
		ch, err := ReadCharacter(bytes.NewReader(character(t, c.opt)), nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !ch.Skinned || ch.VRM != c.vrm || len(ch.Nodes) != len(ch.Skeleton.Joints) {
			t.Errorf("%s: skinned %v, VRM %d, %d nodes", c.name, ch.Skinned, ch.VRM, len(ch.Nodes))
		}
		// VRM 0.x counts the thumb from its proximal joint; roles come out as VRM 1.0's.
		if c.vrm >= 0 && (ch.Humanoid["hips"] != 0 || ch.Humanoid["leftThumbMetacarpal"] != 1) {
			t.Errorf("%s: humanoid %v", c.name, ch.Humanoid)
		}
	}
}

func TestWriteWithAnimationRefusesAMotionOnAnotherSkeleton(t *testing.T) {
	ch, err := ReadCharacter(bytes.NewReader(character(t, retargettest.Options{})), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ch.WriteWithAnimation(&bytes.Buffer{}, longClip(), false); err == nil {
		t.Error("no error for a motion on 60 joints")
	}
}

func FuzzReadCharacter(f *testing.F) {
	f.Add(character(f, retargettest.Options{}))
	f.Add(character(f, retargettest.Options{Humanoid: map[string]int{"hips": 0}, VRM: 0}))
	doc, _ := json.Marshal(map[string]any{"asset": map[string]string{"version": "2.0"},
		"extensions": map[string]any{"VRMC_vrm": map[string]any{"humanoid": map[string]any{"humanBones": map[string]any{"hips": map[string]int{"node": 7}}}}},
		"nodes":      []any{map[string]any{"name": "a", "children": []int{1}}, map[string]any{"name": "b"}},
		"skins":      []any{map[string]any{"joints": []int{0, 1}}}})
	f.Add(doc)
	good := character(f, retargettest.Options{})
	f.Add(editGLB(f, good, func(d map[string]any) { d["accessors"].([]any)[0].(map[string]any)["count"] = 2e9 }))
	f.Add(editGLB(f, good, func(d map[string]any) {
		d["bufferViews"].([]any)[0].(map[string]any)["byteOffset"] = 9223372036854775807
	}))
	f.Fuzz(func(t *testing.T, data []byte) {
		ch, err := ReadCharacter(bytes.NewReader(data), nil)
		if err != nil {
			return
		}
		if err := ch.Skeleton.Validate(); err != nil {
			t.Fatalf("a character read with a bad skeleton: %v", err)
		}
		for role, j := range ch.Humanoid {
			if j < 0 || j >= len(ch.Skeleton.Joints) {
				t.Fatalf("role %s on joint %d of %d", role, j, len(ch.Skeleton.Joints))
			}
		}
	})
}

// glb packs a JSON document and a binary chunk as a GLB container.
func glb(jsonDoc string, bin []byte) []byte {
	for len(jsonDoc)%4 != 0 {
		jsonDoc += " "
	}
	var b bytes.Buffer
	le := func(v uint32) { b.Write([]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}) }
	le(glbMagic)
	le(2)
	le(uint32(12 + 8 + len(jsonDoc) + 8 + len(bin)))
	le(uint32(len(jsonDoc)))
	le(chunkJSON)
	b.WriteString(jsonDoc)
	le(uint32(len(bin)))
	le(chunkBIN)
	b.Write(bin)
	return b.Bytes()
}

func TestReadCharacterRefusesBuffersLargerThanTheirBytes(t *testing.T) {
	const head = `{"asset":{"version":"2.0"},"nodes":[{"name":"a"}],"skins":[{"joints":[0]}],`
	for _, doc := range []string{
		head + `"buffers":[{"byteLength":1000000000}]}`,
		head + `"buffers":[{"byteLength":4},{"byteLength":4}]}`,
	} {
		if _, err := ReadCharacter(bytes.NewReader(glb(doc, make([]byte, 4))), nil); !errors.Is(err, ErrNotGLTF) {
			t.Errorf("%s: got %v", doc, err)
		}
	}
	if _, err := ReadCharacter(bytes.NewReader(glb(head+`"buffers":[{"byteLength":4}]}`, make([]byte, 4))), nil); err != nil {
		t.Errorf("a buffer that fits: %v", err)
	}
}
