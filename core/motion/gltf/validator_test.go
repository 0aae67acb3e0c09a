package gltf

import (
	"bytes"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf/gltftest"
)

func TestWrittenGLBPassesTheKhronosValidator(t *testing.T) {
	var one, two bytes.Buffer
	if err := Write(&one, motion.DemoClip(1, 30)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&two, motion.DemoClip(2, 30)); err != nil {
		t.Fatal(err)
	}
	still := motion.DemoClip(1, 1) // one frame: no animation at all
	var three bytes.Buffer
	if err := Write(&three, still); err != nil {
		t.Fatal(err)
	}
	reports := gltftest.Validate(t, map[string][]byte{"one-actor.glb": one.Bytes(), "two-actors.glb": two.Bytes(), "still.glb": three.Bytes()})
	for _, r := range reports {
		if r.Warnings > 0 {
			t.Errorf("%s: warnings %v", r.File, r.Messages)
		}
	}
}
