package ugcsim

import (
	"fmt"
	"testing"

	"singlecam/core/motion/gltf/gltftest"
)

// TestMotionGLBsPassTheKhronosValidator checks the simulator's GLBs for
// every motion at common frame rates (under make test, which installs the
// validator).
func TestMotionGLBsPassTheKhronosValidator(t *testing.T) {
	files := map[string][]byte{}
	for _, name := range []string{"walk", "jump", "wave"} {
		for _, fps := range []float64{24, 30, 60} {
			m := &jobMotion{jobID: "job-1", jobName: name, fps: fps, seconds: 2}
			files[fmt.Sprintf("%s-%g.glb", name, fps)] = glbFile(m)
		}
	}
	for _, r := range gltftest.Validate(t, files) {
		if r.Warnings > 0 {
			t.Errorf("%s: warnings %v", r.File, r.Messages)
		}
	}
}
