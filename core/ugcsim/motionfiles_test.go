package ugcsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion/bvh"
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

// TestWriteDCCSamples writes the simulator's GLB and ALL_BVH files for each
// motion, with what a DCC should find in them, into the folder named by
// SINGLECAM_DCC_OUT: `make dcc-check` imports them into Blender.
func TestWriteDCCSamples(t *testing.T) {
	dir := os.Getenv("SINGLECAM_DCC_OUT")
	if dir == "" {
		t.Skip("SINGLECAM_DCC_OUT is not set: make dcc-check sets it")
	}
	type sample struct {
		File   string  `json:"file"`
		Format string  `json:"format"`
		FPS    float64 `json:"fps"`
		Frames int     `json:"frames"`
		Bones  int     `json:"bones"`
	}
	var samples []sample
	for _, name := range []string{"walk", "jump", "wave"} {
		for _, fps := range []float64{30, 60} {
			m := &jobMotion{jobID: "job-1", jobName: name, fps: fps, seconds: 2}
			c := m.motion()
			a := c.Actors[0]
			base := fmt.Sprintf("%s-%g", name, fps)
			for _, f := range []struct {
				ext, format string
				data        []byte
				bones       int
			}{
				// Blender makes a bone of every skin joint, and of every BVH
				// joint but the end sites (they set their parent's tail).
				{".glb", "glb", glbFile(m), len(a.Skeleton.Joints)},
				{".zip", "bvh-zip", bvhZipFile(m), a.Skeleton.Bones()},
			} {
				if err := os.WriteFile(filepath.Join(dir, base+f.ext), f.data, 0o644); err != nil {
					t.Fatal(err)
				}
				samples = append(samples, sample{base + f.ext, f.format, fps, c.Frames(), f.bones})
			}
		}
	}
	data, _ := json.MarshalIndent(samples, "", " ")
	if err := os.WriteFile(filepath.Join(dir, "samples.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMotionBVHRoundTrips: the simulator's ALL_BVH reads back as the motion
// it was made from, and writing what was read gives the same file.
func TestMotionBVHRoundTrips(t *testing.T) {
	for _, name := range []string{"walk", "jump", "wave"} {
		m := &jobMotion{jobID: "job-1", jobName: name, fps: 30, seconds: 2}
		data := bvhZipFile(m)
		c, err := bvh.ReadZip(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		src := m.motion()
		worst := 0.0
		for f := range src.Frames() {
			a, b := src.WorldPositions(0, f, nil), c.WorldPositions(0, f, nil)
			for j, joint := range src.Actors[0].Skeleton.Joints {
				k := c.Actors[0].Skeleton.Index(joint.Name)
				if k < 0 {
					t.Fatalf("%s: bone %s lost", name, joint.Name)
				}
				worst = max(worst, a[j].Sub(b[k]).Len())
			}
		}
		if worst > 1e-5 {
			t.Errorf("%s: positions move by %g m through BVH", name, worst)
		}
		var again bytes.Buffer
		if err := bvh.WriteZip(&again, c, bvh.Options{}); err != nil {
			t.Fatal(err)
		}
		back, _ := bvh.ReadZip(bytes.NewReader(again.Bytes()), int64(again.Len()))
		var first, second bytes.Buffer
		bvh.Write(&first, c, 0, bvh.Options{})
		bvh.Write(&second, back, 0, bvh.Options{})
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("%s: a second round trip changes the BVH", name)
		}
	}
}
