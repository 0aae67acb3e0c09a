package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"singlecam/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/motion"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// character writes Move One's rig, renamed by rename, as a character GLB.
func writeTestCharacter(t *testing.T, path string, rename func(string) string, opt retargettest.Options) {
	t.Helper()
	s, err := rigs.Move().Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Joints {
		s.Joints[i].Name = rename(s.Joints[i].Name)
	}
	data, err := retargettest.GLB(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func writeWalk(t *testing.T, path string) *motion.Clip {
	t.Helper()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 2, Name: "walk"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := gltf.Write(f, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRetargetWritesOneGLBPerMotionAndPrintsIt(t *testing.T) {
	dir := t.TempDir()
	char := filepath.Join(dir, "Robot.glb")
	writeTestCharacter(t, char, func(n string) string { return "mixamorig:" + strings.TrimPrefix(n, "_1:") }, retargettest.Options{})
	walk := filepath.Join(dir, "Walk 1", "main_glb.glb")
	writeWalk(t, walk)
	other := filepath.Join(dir, "dance.glb")
	writeWalk(t, other)
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := Run([]string{"retarget", "--character", char, "--fps", "60", "--in-place", "--out", out, walk, other}, Env{Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := []string{filepath.Join(out, "Walk 1 on Robot.glb"), filepath.Join(out, "dance on Robot.glb")}
	if stdout.String() != want[0]+"\n"+want[1]+"\n" {
		t.Errorf("printed %q, want %q", stdout.String(), want)
	}
	f, err := os.Open(want[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	g, err := gltf.Read(f, info.Size(), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatal(err)
	}
	// --fps 60 doubles the frames; --in-place keeps the hips over the origin.
	if g.Clip.FPS != 60 || g.Clip.Frames() != 121 {
		t.Errorf("%d frames at %v fps", g.Clip.Frames(), g.Clip.FPS)
	}
	a := g.Clip.Actors[0]
	hips := a.Skeleton.Index("mixamorig:Hips")
	if p := a.WorldPositions(120, nil)[hips]; p.X*p.X+p.Z*p.Z > 1e-6 {
		t.Errorf("in place, the hips end at %v", p)
	}
}

func TestRetargetRefusesACharacterItCannotMove(t *testing.T) {
	dir := t.TempDir()
	walk := filepath.Join(dir, "walk.glb")
	writeWalk(t, walk)
	statue := filepath.Join(dir, "Statue.glb")
	writeTestCharacter(t, statue, func(n string) string { return n }, retargettest.Options{NoSkin: true})
	armless := filepath.Join(dir, "Armless.glb")
	if s, err := rigs.Move().Skeleton(); err != nil {
		t.Fatal(err)
	} else if data, err := retargettest.GLB(retargettest.WithoutArms(s), retargettest.Options{}); err != nil {
		t.Fatal(err)
	} else if err := os.WriteFile(armless, data, 0o600); err != nil {
		t.Fatal(err)
	}
	badMap := filepath.Join(dir, "map.json")
	os.WriteFile(badMap, []byte(`{"pairs":[{"bone":"Tail","move":"_1:Hips"}]}`), 0o600)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{walk}, 2, "Usage: singlecam retarget"},
		{[]string{"--character", statue}, 2, "Usage: singlecam retarget"},
		{[]string{"--character", statue, walk}, 1, "no skin"},
		{[]string{"--character", armless, walk}, 1, "matched for the left upper arm, right upper arm, left forearm, right forearm"},
		{[]string{"--character", armless, "--map", badMap, walk}, 1, `no bone "Tail"`},
		{[]string{"--character", filepath.Join(dir, "notes.txt"), walk}, 1, "GLB, VRM and glTF"},
		{[]string{"--character", armless, "--fps", "0.5", walk}, 2, "from 1 to 1000"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runRetarget(c.args, &stdout, &stderr); code != c.code || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("retarget %v: exit %d, said %q; want %d and %q", c.args, code, stderr.String(), c.code, c.says)
		}
		if stdout.Len() > 0 {
			t.Errorf("retarget %v printed %q", c.args, stdout.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("files were written: %v", entries)
	}
}

func TestRetargetWithASavedMap(t *testing.T) {
	dir := t.TempDir()
	char := filepath.Join(dir, "Odd.glb")
	// Names no map or rule knows: only a saved map can match them.
	writeTestCharacter(t, char, func(n string) string { return "b" + strings.TrimPrefix(n, "_1:") + "Q" }, retargettest.Options{})
	walk := filepath.Join(dir, "walk.glb")
	src := writeWalk(t, walk)
	// Names no map or rule knows are matched by the skeleton's shape.
	var stderr bytes.Buffer
	if code := runRetarget([]string{"--character", char, walk}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("odd names: exit %d: %s", code, stderr.String())
	}
	os.Remove(filepath.Join(dir, "walk on Odd.glb"))
	ch, err := retarget.OpenCharacter(context.Background(), char)
	if err != nil {
		t.Fatal(err)
	}
	m := ch.Match(src.Actors[0].Skeleton)
	for _, j := range src.Actors[0].Skeleton.Joints {
		m.Set("b"+strings.TrimPrefix(j.Name, "_1:")+"Q", j.Name, "")
	}
	mapPath := filepath.Join(dir, "odd.json")
	f, _ := os.Create(mapPath)
	if err := m.Write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var stdout bytes.Buffer
	if code := runRetarget([]string{"--character", char, "--map", mapPath, walk}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if strings.TrimSpace(stdout.String()) != filepath.Join(dir, "walk on Odd.glb") {
		t.Errorf("printed %q", stdout.String())
	}
}

func TestThePlayerOffersApplyToACharacterWhenItCanAskForOne(t *testing.T) {
	dir := t.TempDir()
	walk := filepath.Join(dir, "walk.glb")
	writeWalk(t, walk)
	char := filepath.Join(dir, "Robot.glb")
	writeTestCharacter(t, char, func(n string) string { return "mixamorig:" + strings.TrimPrefix(n, "_1:") }, retargettest.Options{})
	var a fyne.App
	asked := make(chan []string, 1)
	// The pick is cancelled: a chosen character would be read on a goroutine
	// that outlives the test and races with the next test's app.
	cancelled := errors.New("cancelled")
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		NewApp: func() fyne.App { a = test.NewTempApp(t); return a },
		PickFile: func(title, kind string, extensions []string, dir string) (string, error) {
			asked <- extensions
			return "", cancelled
		},
		CancelledPick: cancelled}
	if code := runPreview([]string{"--paused", walk}, env); code != 0 {
		t.Fatalf("exit %d", code)
	}
	var apply *widget.Button
	for _, w := range a.Driver().AllWindows() {
		if w.Title() == "walk.glb — Singlecam preview" {
			apply = findButton(w.Content(), "Apply to a character…")
		}
	}
	if apply == nil {
		t.Fatal("no Apply to a character… in the player")
	}
	test.Tap(apply)
	if got := <-asked; strings.Join(got, ",") != "glb,vrm,gltf" {
		t.Errorf("the file dialog offered %v", got)
	}
	opened := false
	for _, w := range a.Driver().AllWindows() {
		opened = opened || w.Title() == "walk on a character — Singlecam"
	}
	if !opened {
		t.Error("no window to apply the motion")
	}
}

// findButton finds the button labelled text among o and its children.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *kit.Button:
		if x.Text == text {
			return &x.Button
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// A real character with an animation of its own (CesiumMan's walk) takes a
// real capture in another naming style (CMU's BVH): the capture becomes the
// file's first animation, named after it, or its only one with --only-new,
// and the file gets the user's usual permissions.
func TestRetargetPutsTheMotionFirst(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"CesiumMan.gltf", "cmu_01_01_240.bvh"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "core", "motion", "roles", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		flags []string
		anims int
	}{{nil, 2}, {[]string{"--only-new"}, 1}} {
		out := t.TempDir()
		args := append([]string{"--character", filepath.Join(dir, "CesiumMan.gltf"), "--out", out}, c.flags...)
		var stdout, stderr bytes.Buffer
		if code := runRetarget(append(args, filepath.Join(dir, "cmu_01_01_240.bvh")), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.flags, code, stderr.String())
		}
		path := strings.TrimSpace(stdout.String())
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := f.Stat()
		doc, err := gltf.Read(f, info.Size(), gltf.Options{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Animations) != c.anims || doc.Animations[0].Name != "cmu_01_01_240" {
			t.Errorf("%v: animations %v, want %d with cmu_01_01_240 first", c.flags, doc.Animations, c.anims)
		}
		if runtime.GOOS != "windows" && info.Mode().Perm()&0o044 == 0 {
			t.Errorf("saved with mode %v", info.Mode())
		}
	}
	// A map of CesiumMan's unnamed joints ("#7") saved by the app is read
	// back by --map and used, not refused.
	ch, err := retarget.OpenCharacter(context.Background(), filepath.Join(dir, "CesiumMan.gltf"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := load.Open(context.Background(), filepath.Join(dir, "cmu_01_01_240.bvh"), -1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ch.Match(m.Clip.Actors[0].Skeleton).Write(&buf); err != nil || !strings.Contains(buf.String(), `"#7"`) {
		t.Fatalf("map %s: %v", buf.String(), err)
	}
	mapPath := filepath.Join(dir, "CesiumMan.bonemap.json")
	os.WriteFile(mapPath, buf.Bytes(), 0o644)
	var stdout, stderr bytes.Buffer
	args := []string{"--character", filepath.Join(dir, "CesiumMan.gltf"), "--map", mapPath, "--out", t.TempDir(), filepath.Join(dir, "cmu_01_01_240.bvh")}
	if code := runRetarget(args, &stdout, &stderr); code != 0 {
		t.Fatalf("--map: exit %d: %s", code, stderr.String())
	}
}
