package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"singlecam/core/motion/bvh"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/gltf/gltftest"
	"singlecam/core/motion/load"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// walkFiles writes synth's walk on Move One's rig as walk.bvh and walk.glb.
func walkFiles(t *testing.T) (bvhPath, glbPath string) {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 60, Seconds: 6, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b, g bytes.Buffer
	if err := bvh.Write(&b, c, 0, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := gltf.Write(&g, c); err != nil {
		t.Fatal(err)
	}
	bvhPath, glbPath = filepath.Join(dir, "walk.bvh"), filepath.Join(dir, "walk.glb")
	os.WriteFile(bvhPath, b.Bytes(), 0o644)
	os.WriteFile(glbPath, g.Bytes(), 0o644)
	return bvhPath, glbPath
}

func TestCleanWritesBesideAsTheSourceAndNeverOver(t *testing.T) {
	bvhPath, glbPath := walkFiles(t)
	dir := filepath.Dir(bvhPath)
	before, _ := os.ReadFile(bvhPath)
	for round, suffix := range []string{"", " (2)"} {
		var stdout, stderr bytes.Buffer
		if code := runClean([]string{"--feet", "lock", "--smooth", "0.3", bvhPath, glbPath}, &stdout, &stderr); code != 0 {
			t.Fatalf("round %d: exit %d: %s", round, code, stderr.String())
		}
		want := filepath.Join(dir, "walk - clean"+suffix+".bvh") + "\n" + filepath.Join(dir, "walk - clean"+suffix+".glb") + "\n"
		if stdout.String() != want {
			t.Errorf("printed %q, want %q", stdout.String(), want)
		}
		if strings.Count(stderr.String(), "foot skate") != 2 {
			t.Errorf("the numbers are not printed: %q", stderr.String())
		}
	}
	if after, _ := os.ReadFile(bvhPath); !bytes.Equal(before, after) {
		t.Error("the original changed")
	}
	m, err := load.Open(t.Context(), filepath.Join(dir, "walk - clean.glb"), -1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Clip.Frames() != 361 {
		t.Errorf("the cleaned clip has %d frames, want 361", m.Clip.Frames())
	}
}

func TestCleanRefusesBadFlagsInASentence(t *testing.T) {
	bvhPath, _ := walkFiles(t)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--feet", "glide", bvhPath}, "The feet mode is auto, lock, ground or off"},
		{[]string{"--smooth", "2", bvhPath}, "The smoothing is a number from 0 to 1"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runClean(c.args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr.String())
		}
		if code := runExport(append([]string{"--preset", "raw"}, c.args...), &stdout, &stderr); code != 2 {
			t.Errorf("export %v: exit %d", c.args, code)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(bvhPath)); len(entries) != 2 {
		t.Errorf("files were written: %v", listDir(t, filepath.Dir(bvhPath)))
	}
}

func TestExportCleansWhenAsked(t *testing.T) {
	bvhPath, _ := walkFiles(t)
	var stdout, stderr bytes.Buffer
	if code := runExport([]string{"--preset", "raw", "--feet", "lock", bvhPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	m, err := load.Open(t.Context(), strings.TrimSpace(stdout.String()), -1)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := load.Open(t.Context(), bvhPath, -1)
	// The walk's floor is below its origin; cleaning stands it at 0.
	if a, b := m.Clip.FloorHeight(), src.Clip.FloorHeight(); a == b {
		t.Errorf("the export is not cleaned: floor %v as the source's", a)
	}
}

// TestCleanNumbersWriteNoNegativeZero: the line of numbers never says
// "-0.0" for a value that rounds to nothing.
func TestCleanNumbersWriteNoNegativeZero(t *testing.T) {
	got := describeReport(clean.Report{Legs: true,
		Before: clean.Numbers{Lowest: -0.04}, After: clean.Numbers{Lowest: math.Copysign(0, -1), Fidelity: -0.01}})
	if strings.Contains(got, "-0") || !strings.Contains(got, "lowest foot 0.0 → 0.0 cm") {
		t.Errorf("describeReport = %q", got)
	}
}

// TestCleanKeepsACharacter: cleaning a character (CesiumMan, a skinned
// body) writes the character whole (mesh, skin, material, texture) with its
// one animation cleaned in place of the old, beside the capture named with
// it. RobotExpressive (14 animations, legs not found: smoothed only) gets
// its cleaned animation first and keeps its own after it, and passes the
// Khronos validator (CesiumMan's own file does not: its skin weights do not
// add up to one; the cleaned file adds no error of its own).
func TestCleanKeepsACharacter(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"CesiumMan.gltf", "cmu_01_01_240.bvh", "RobotExpressive.glb"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "core", "motion", "roles", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := runClean([]string{"--out", out, filepath.Join(dir, "cmu_01_01_240.bvh"), filepath.Join(dir, "CesiumMan.gltf"), filepath.Join(dir, "RobotExpressive.glb")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, says %q", code, stderr.String())
	}
	path := filepath.Join(out, "CesiumMan - clean.glb")
	if !strings.Contains(stdout.String(), path) || !strings.Contains(stdout.String(), "cmu_01_01_240 - clean.bvh") {
		t.Errorf("wrote %q", stdout.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := gltf.ReadCharacter(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := ch.Doc
	if len(d.Meshes) == 0 || len(d.Skins) == 0 || len(d.Materials) == 0 || len(d.Images) == 0 || len(d.Animations) != 1 {
		t.Errorf("%d meshes, %d skins, %d materials, %d images, %d animations", len(d.Meshes), len(d.Skins), len(d.Materials), len(d.Images), len(d.Animations))
	}
	m, err := load.Open(t.Context(), path, -1)
	if err != nil {
		t.Fatal(err)
	}
	src, err := load.Open(t.Context(), filepath.Join(dir, "CesiumMan.gltf"), -1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Clip.Frames() != src.Clip.Frames() || reflect.DeepEqual(m.Clip.Actors[0].Tracks, src.Clip.Actors[0].Tracks) {
		t.Errorf("the animation is not the source's cleaned: %d frames of %d", m.Clip.Frames(), src.Clip.Frames())
	}
	robot, err := os.ReadFile(filepath.Join(out, "RobotExpressive - clean.glb"))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := gltf.ReadCharacter(bytes.NewReader(robot), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rc.Doc.Animations); n != 15 || !strings.HasSuffix(rc.Doc.Animations[0].Name, " - clean") || len(rc.Doc.Meshes) == 0 {
		t.Errorf("the robot has %d animations, the first %q, and %d meshes", n, rc.Doc.Animations[0].Name, len(rc.Doc.Meshes))
	}
	for _, r := range gltftest.Validate(t, map[string][]byte{"robot.glb": robot}) {
		t.Logf("%s: %d warnings %v", r.File, r.Warnings, r.Messages)
	}
}

// A file that is not motion is refused by clean in clean's words: it was
// not read, so nothing was "exported".
func TestCleanRefusesANonMotionFileInItsOwnWords(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.bvh")
	if err := os.WriteFile(notes, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	code := runClean([]string{notes}, &bytes.Buffer{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "could not be read as motion") || strings.Contains(stderr.String(), "exported") {
		t.Errorf("clean of a text file: exit %d, said %q", code, stderr.String())
	}
}
