package load

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
)

// write saves the demo walk in the format the name's ending asks for.
func write(t *testing.T, dir, name string, c *motion.Clip) string {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch filepath.Ext(name) {
	case ".glb":
		err = gltf.Write(&b, c)
	case ".bvh":
		err = bvh.Write(&b, c, 0, bvh.Options{})
	case ".zip", ".ZIP":
		err = bvh.WriteZip(&b, c, bvh.Options{})
	default:
		b.WriteString("hello")
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEachFormatOpensByItsName(t *testing.T) {
	dir := t.TempDir()
	demo := motion.DemoClip(2, 30)
	for _, c := range []struct {
		name   string
		actors int
	}{{"walk.glb", 2}, {"walk.bvh", 1}, {"walk.zip", 2}, {"WALK.ZIP", 2}} {
		m, err := Open(context.Background(), write(t, dir, c.name, demo), -1)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(m.Clip.Actors) != c.actors || m.Clip.Frames() != 30 || m.Clip.FPS != 30 {
			t.Errorf("%s: %d actors, %d frames at %v fps; want %d, 30 at 30", c.name, len(m.Clip.Actors), m.Clip.Frames(), m.Clip.FPS, c.actors)
		}
		last := c.actors - 1 // the last actor's head, on frame 12
		got, want := m.Clip.WorldPositions(last, 12, nil)[4], demo.WorldPositions(last, 12, nil)[4]
		if d := got.Sub(want).Len(); !(d < 1e-3) || math.IsNaN(d) {
			t.Errorf("%s: the head is %v from where it was written", c.name, d)
		}
	}
}

func TestWhatCannotBeOpenedSaysWhy(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(context.Background(), write(t, dir, "notes.txt", nil), -1); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("a .txt: %v, want ErrUnknownFormat", err)
	}
	if _, err := Open(context.Background(), filepath.Join(dir, "gone.glb"), -1); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
	bad := filepath.Join(dir, "bad.bvh")
	if err := os.WriteFile(bad, []byte("HIERARCHY\nROOT"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), bad, -1); err == nil {
		t.Error("a broken BVH opened")
	}
	if IsMotionFile("a.mp4") || !IsMotionFile("b.GLTF") {
		t.Error("IsMotionFile goes by the wrong endings")
	}
}

// motionData is two frames of Move's MOTION_DATA layout.
const motionData = `{"mocap_data": [
{"timestamp": "0.0", "joint_data": {"Root": {"position": [0, 0, 0.95]}, "Spine1": {"position": [0, 0, 1.1]},
  "Left_toe": {"position": [0.1, 0.1, 0], "reaction_forces": 700.0}}},
{"timestamp": "0.0166666", "joint_data": {"Root": {"position": [0, 0.1, 0.95]}, "Spine1": {"position": [0, 0.1, 1.1]},
  "Left_toe": {"position": [0.1, 0.2, 0], "reaction_forces": 0.0}}}]}`

func TestMotionDataAndVRMAOpen(t *testing.T) {
	dir := t.TempDir()
	json := filepath.Join(dir, "motion_data.json")
	if err := os.WriteFile(json, []byte(motionData), 0o644); err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("character_1.json")
	w.Write([]byte(motionData))
	zw.Close()
	zipPath := filepath.Join(dir, "motion_data.zip")
	if err := os.WriteFile(zipPath, zb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var vb bytes.Buffer
	if err := gltf.WriteVRMA(&vb, motion.DemoClip(1, 10), map[string]int{"hips": 0}); err != nil {
		t.Fatal(err)
	}
	vrma := filepath.Join(dir, "wave.vrma")
	if err := os.WriteFile(vrma, vb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{json, zipPath} {
		m, err := Open(context.Background(), p, -1)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if m.Clip.FPS != 60 || m.Clip.Frames() != 2 || len(m.Notes) != 1 || m.Notes[0] != MotionDataNote {
			t.Errorf("%s: %g fps, %d frames, notes %q", p, m.Clip.FPS, m.Clip.Frames(), m.Notes)
		}
		if m.Space.Up != "Z" || m.Space.MetresPerUnit != 1 {
			t.Errorf("%s: read as %s, want Z up, metres (Move's)", p, m.Space.Describe())
		}
		if c := m.Clip.Actors[0].Contacts; c == nil || !c.Left[0] || c.Left[1] || c.Right[0] {
			t.Errorf("%s: contacts %+v", p, c)
		}
	}
	m, err := Open(context.Background(), vrma, -1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Clip.Frames() != 10 || m.Clip.Actors[0].Skeleton.Joints[0].Name != "hips" {
		t.Errorf("vrma: %d frames, first joint %q", m.Clip.Frames(), m.Clip.Actors[0].Skeleton.Joints[0].Name)
	}
	if !IsMotionFile("a.VRM") || !IsMotionFile("b.vrma") || !IsMotionFile("c.json") {
		t.Error("VRM, VRMA and JSON are motion files")
	}
}
