package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
)

// jobFolder writes a demo job's main_glb.glb and all_bvh.zip into a folder
// named after the job, as a download does.
func jobFolder(t *testing.T) (glb, zip string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Walk 1")
	os.Mkdir(dir, 0o755)
	c := motion.DemoClip(1, 20)
	var g, z bytes.Buffer
	if err := gltf.Write(&g, c); err != nil {
		t.Fatal(err)
	}
	if err := bvh.WriteZip(&z, c, bvh.Options{}); err != nil {
		t.Fatal(err)
	}
	glb, zip = filepath.Join(dir, "main_glb.glb"), filepath.Join(dir, "all_bvh.zip")
	os.WriteFile(glb, g.Bytes(), 0o644)
	os.WriteFile(zip, z.Bytes(), 0o644)
	return glb, zip
}

func listDir(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestExportWritesBesideTheOriginalsAndPrintsEachFile(t *testing.T) {
	glb, zip := jobFolder(t)
	dir := filepath.Dir(glb)
	before, _ := os.ReadFile(glb)
	var stdout, stderr bytes.Buffer
	if code := runExport([]string{"--preset", "blender", glb, zip}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := filepath.Join(dir, "Walk 1 - blender.glb") + "\n" + filepath.Join(dir, "Walk 1 - blender (2).glb") + "\n"
	if stdout.String() != want {
		t.Errorf("printed %q, want %q", stdout.String(), want)
	}
	if after, _ := os.ReadFile(glb); !bytes.Equal(before, after) {
		t.Error("the original changed")
	}
	m, err := load.Open(t.Context(), filepath.Join(dir, "Walk 1 - blender.glb"), -1)
	if err != nil || m.Clip.FPS != 24 || m.Clip.Actors[0].Skeleton.Index("Hips") < 0 {
		t.Errorf("the export: %v", err)
	}
	// Options over the preset: BVH, in cm, Z up, 60 fps, T-pose kept, into --out.
	out := filepath.Join(t.TempDir(), "exports")
	stdout.Reset()
	if code := runExport([]string{"--preset", "mixamo", "--to", "bvh", "--units", "cm", "--up", "z", "--fps", "60", "--keep-tpose", "--in-place", "--out", out, zip}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if got := strings.TrimSpace(stdout.String()); got != filepath.Join(out, "Walk 1 - mixamo.bvh") {
		t.Errorf("printed %q", got)
	}
	if want := "singlecam export: Made the folder " + out + ", which did not exist."; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q does not say %q", stderr.String(), want)
	}
	// A folder two levels from any that exists, outside the home folder, is
	// more likely mistyped than wished for: refused, nothing made.
	t.Setenv("HOME", t.TempDir()) // wherever the temporary folders are
	t.Setenv("USERPROFILE", os.Getenv("HOME"))
	deep := filepath.Join(t.TempDir(), "typo", "exports")
	stderr.Reset()
	if code := runExport([]string{"--preset", "mixamo", "--out", deep, zip}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "it does not exist, nor does "+filepath.Dir(deep)) {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Dir(deep)); err == nil {
		t.Error("a refused --out was made")
	}
	m, err = load.Open(t.Context(), filepath.Join(out, "Walk 1 - mixamo.bvh"), -1)
	if err != nil || m.Clip.FPS != 60 || m.Clip.Frames() != 39 || m.Clip.MetresPerUnit != 0.01 {
		t.Errorf("the export: %v, %+v", err, m)
	}
}

func TestExportRefusesBadOptionsAndFilesWritingNothing(t *testing.T) {
	glb, _ := jobFolder(t)
	dir := filepath.Dir(glb)
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("hi"), 0o644)
	before := listDir(t, dir)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{glb}, 2, "Usage: singlecam export"},
		{[]string{"--preset", "maya", glb}, 2, "no preset \"maya\""},
		{[]string{"--preset", "unity", "--up", "z", glb}, 2, "A GLB is always Y up in metres"},
		{[]string{"--preset", "unity", "--units", "mm", glb}, 2, "m or cm"},
		{[]string{"--preset", "unity", "--fps", "fast", glb}, 2, "frame rate"},
		{[]string{"--preset", "unity", "--to", "fbx", glb}, 2, "glb, bvh or vrma"},
		{[]string{"--preset", "unity", glb, notes}, 1, "VRM Animation (.vrma) and BVH"},
		{[]string{"--preset", "unity", glb, filepath.Join(dir, "gone.bvh")}, 1, "gone.bvh”: check its name and folder"},
	} {
		var stdout, stderr bytes.Buffer
		code := runExport(c.args, &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.says) || stdout.Len() != 0 {
			t.Errorf("export %v: exit %d, said %q; want %d and %q", c.args, code, stderr.String(), c.code, c.says)
		}
	}
	if after := listDir(t, dir); strings.Join(after, "|") != strings.Join(before, "|") {
		t.Errorf("files written: %v", after)
	}
}
