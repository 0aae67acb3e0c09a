package character

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"singlecam/core/motion"
	"singlecam/core/motion/clean"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/roles/rolestest"
	"singlecam/core/motion/synth"
	"singlecam/ui/preview"
)

var errCancelled = errors.New("cancelled")

// files writes a walk (as Singlecam saves a job's GLB) and two characters:
// Mixamo-named, and one whose bones no rule can match.
func files(t *testing.T) (dir, walk, mixamo, odd string) {
	t.Helper()
	dir = t.TempDir()
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 1})
	if err != nil {
		t.Fatal(err)
	}
	walk = filepath.Join(dir, "Walk 1", "main_glb.glb")
	os.MkdirAll(filepath.Dir(walk), 0o755)
	f, err := os.Create(walk)
	if err != nil {
		t.Fatal(err)
	}
	if err := gltf.Write(f, c); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write := func(name string, rename func(string) string) string {
		s, _ := rigs.Move().Skeleton()
		for i := range s.Joints {
			s.Joints[i].Name = rename(s.Joints[i].Name)
		}
		if name == "Odd.glb" {
			s = retargettest.WithoutArms(s) // no match can move it
		}
		data, err := retargettest.GLB(s, retargettest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mixamo = write("Robot.glb", func(n string) string { return "mixamorig:" + strings.TrimPrefix(n, "_1:") })
	odd = write("Odd.glb", func(n string) string { return "b" + strings.TrimPrefix(n, "_1:") + "Q" })
	return dir, walk, mixamo, odd
}

// now runs the window's slow work at once, on the test's goroutine.
func now(f func()) { f() }

func TestApplyingAMotionToACharacter(t *testing.T) {
	a := test.NewTempApp(t)
	dir, walk, mixamo, _ := files(t)
	picked := 0
	w := NewWindow(a, walk, "Walk 1", Options{
		Pick:      func(string) (string, error) { picked++; return mixamo, nil },
		Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now,
	})
	defer w.Close()
	if picked != 1 {
		t.Fatalf("the character was asked for %d times on opening", picked)
	}
	if w.Player == nil || len(w.Player.Legend.Objects) == 0 {
		t.Fatal("no player with the motion and the character")
	}
	if !strings.Contains(w.Head.Text, "Move bone") {
		t.Errorf("a Move motion's bones read %q", w.Head.Text)
	}
	if !strings.Contains(w.Summary.Text, "matched by the skeleton's shape") || w.pairCount() != 41 {
		t.Errorf("summary %q, %d pairs", w.Summary.Text, w.pairCount())
	}
	if w.Save.Disabled() || w.Save.Text != "Save “Walk 1 on Robot.glb”" {
		t.Errorf("save button %q, disabled %v", w.Save.Text, w.Save.Disabled())
	}
	if a.Preferences().String(prefCharacterFolder) != dir {
		t.Error("the character's folder is not remembered")
	}

	// Unmatching a core bone says what is missing and saves nothing.
	w.SetPair("mixamorig:LeftForeArm", noBone)
	if !w.Save.Disabled() || !strings.Contains(w.Notice.Text, "left forearm") {
		t.Errorf("notice %q, save disabled %v", w.Notice.Text, w.Save.Disabled())
	}
	// A row shows the pair and changes it.
	row := w.newPairRow().(*pairRow)
	i := pairIndex(t, w, "mixamorig:LeftForeArm")
	w.updatePairRow(i, row)
	if row.move.Selected != noBone {
		t.Errorf("the row shows %q", row.move.Selected)
	}
	row.move.SetSelected("_1:LeftForeArm")
	if w.Save.Disabled() || w.match.Pairs[i].Motion != "_1:LeftForeArm" {
		t.Fatalf("choosing the forearm again: %q, save disabled %v", w.Notice.Text, w.Save.Disabled())
	}

	test.Tap(w.Save)
	want := filepath.Join(dir, "Walk 1", "Walk 1 on Robot.glb")
	if w.Saved != want {
		t.Fatalf("saved %q, want %q (%s)", w.Saved, want, w.Notice.Text)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}

	// A saved map is used the next time this character is chosen.
	w.SetPair("mixamorig:LeftHandIndex1", noBone)
	test.Tap(w.SaveMap)
	if _, err := os.Stat(MapPath(mixamo)); err != nil || !strings.Contains(w.Notice.Text, "Robot.bonemap.json") {
		t.Fatalf("map not saved: %v, %q", err, w.Notice.Text)
	}
	w.Open(mixamo)
	if !strings.Contains(w.Summary.Text, "your saved map") || w.match.Pairs[pairIndex(t, w, "mixamorig:LeftHandIndex1")].Motion != "" {
		t.Errorf("the saved map was not used: %q", w.Summary.Text)
	}
	test.Tap(w.Rematch)
	if w.match.Pairs[pairIndex(t, w, "mixamorig:LeftHandIndex1")].Motion == "" {
		t.Error("Match again kept the change")
	}
}

func pairIndex(t *testing.T, w *Window, bone string) int {
	t.Helper()
	for i, p := range w.match.Pairs {
		if p.Bone == bone {
			return i
		}
	}
	t.Fatalf("no pair for %s", bone)
	return -1
}

func TestACharacterThatCannotTakeTheMotionSaysWhy(t *testing.T) {
	a := test.NewTempApp(t)
	_, walk, _, odd := files(t)
	w := NewWindow(a, walk, "Walk 1", Options{Async: now, Main: now})
	defer w.Close()
	if !w.Choose.Hidden {
		t.Error("Choose shows without a file dialog")
	}
	w.Open(odd)
	if !w.Save.Disabled() || !strings.Contains(w.Notice.Text, "left upper arm, right upper arm") {
		t.Errorf("notice %q", w.Notice.Text)
	}
	// The motion still plays, alone, while the bones are matched by hand.
	if w.Player == nil {
		t.Error("no player")
	}
	w.Open(filepath.Join(filepath.Dir(odd), "notes.txt"))
	if !strings.Contains(w.Notice.Text, "GLB, VRM and glTF") {
		t.Errorf("notice %q", w.Notice.Text)
	}
}

func TestCancellingTheFileDialogChangesNothing(t *testing.T) {
	a := test.NewTempApp(t)
	_, walk, _, _ := files(t)
	w := NewWindow(a, walk, "Walk 1", Options{Pick: func(string) (string, error) { return "", errCancelled },
		Cancelled: errCancelled, Async: now, Main: now})
	defer w.Close()
	if w.Notice.Text != "" || w.match != nil || !w.Save.Disabled() {
		t.Errorf("notice %q after cancelling", w.Notice.Text)
	}
}

func TestBesideSetsTheCharacterApart(t *testing.T) {
	src, _ := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 1})
	s := src.Actors[0].Skeleton
	moved, err := retarget.Clip(src, s, retarget.NewMatch(s, nil, s))
	if err != nil {
		t.Fatal(err)
	}
	both := beside(src, moved, "Motion", "Robot")
	if len(both.Actors) != 2 || both.Actors[1].Name != "Robot" || both.Validate() != nil {
		t.Fatalf("%d actors", len(both.Actors))
	}
	for f := range src.Frames() {
		a, b := both.Actors[0].WorldPositions(f, nil), both.Actors[1].WorldPositions(f, nil)
		for j := range a {
			if d := b[j].Sub(a[j]); d.X < 1.2 || d.Y*d.Y+d.Z*d.Z > 1e-12 {
				t.Fatalf("frame %d joint %d: the character is %v from the motion", f, j, d)
			}
		}
	}
	if src.Actors[0].Name == "Motion" || moved.Actors[0].Skeleton.Joints[0].Rest.T != (motion.Vec3{}) {
		t.Error("the inputs changed")
	}
}

// TestTheMotionIsCleanedBeforeItGoesOnTheCharacter: opened from a player
// whose clean-up is off, the section is off and says the motion is saved as
// captured; choosing a feet mode cleans the motion, says so and the
// numbers, and puts the cleaned motion on the character.
func TestTheMotionIsCleanedBeforeItGoesOnTheCharacter(t *testing.T) {
	a := test.NewTempApp(t)
	_, walk, mixamo, _ := files(t)
	off := clean.Options{Feet: clean.Off}
	w := NewWindow(a, walk, "Walk 1", Options{
		Pick:      func(string) (string, error) { return mixamo, nil },
		Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now, Clean: &off,
	})
	defer w.Close()
	if !strings.HasPrefix(w.CleanUp.Text(), "Not cleaned up") || w.moved == nil {
		t.Fatalf("at first: %q, moved %v", w.CleanUp.Text(), w.moved != nil)
	}
	plain := w.moved
	w.CleanUp.Feet.SetSelectedIndex(1) // lock
	if !strings.HasPrefix(w.CleanUp.Text(), "Cleaned up before writing") || !strings.Contains(w.CleanUp.Text(), "Foot skate ") {
		t.Errorf("numbers %q", w.CleanUp.Text())
	}
	if w.moved == nil || w.moved == plain || w.moved.FloorHeight() == plain.FloorHeight() {
		t.Error("the character does not carry the cleaned motion")
	}
	if w.Save.Disabled() {
		t.Error("the cleaned motion cannot be saved")
	}
}

// TestTheCleanUpStartsAsThePlayers: opened from a player the section starts
// with the player's clean-up; opened elsewhere, with the player's default;
// either way the motion on the character is cleaned and the section says so.
func TestTheCleanUpStartsAsThePlayers(t *testing.T) {
	player := clean.Options{Feet: clean.Ground, Smooth: 0.2}
	for _, tc := range []struct {
		name  string
		given *clean.Options
		want  clean.Options
	}{
		{"from the player", &player, player},
		{"elsewhere", nil, clean.Default},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			_, walk, mixamo, _ := files(t)
			w := NewWindow(a, walk, "Walk 1", Options{
				Pick:      func(string) (string, error) { return mixamo, nil },
				Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now, Clean: tc.given,
			})
			defer w.Close()
			if o := w.CleanUp.Options(); o != tc.want {
				t.Errorf("starts at %+v, want %+v", o, tc.want)
			}
			if !strings.HasPrefix(w.CleanUp.Text(), "Cleaned up before writing") {
				t.Errorf("numbers %q", w.CleanUp.Text())
			}
		})
	}
}

// A character without bone names (as CesiumMan) under a capture that is not
// Move's (CMU's BVH): the list names each joint by its role guess and where
// it stands, says "motion bone", and the skeleton picture follows the row
// being changed; a map saved from it reads back and drives the same bones.
func TestUnnamedJointsReadByRoleAndPlace(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	bvh, err := os.ReadFile(filepath.Join("..", "..", "core", "motion", "roles", "testdata", "cmu_01_01_240.bvh"))
	if err != nil {
		t.Fatal(err)
	}
	capture := filepath.Join(dir, "jumps.bvh")
	os.WriteFile(capture, bvh, 0o644)
	data, err := retargettest.GLB(rolestest.Build(rolestest.Unnamed, rolestest.Options{}).Skeleton, retargettest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	man := filepath.Join(dir, "Nameless.glb")
	os.WriteFile(man, data, 0o644)
	w := NewWindow(a, capture, "Jumps", Options{Async: now, Main: now})
	defer w.Close()
	w.Open(man)
	if w.match == nil || w.Save.Disabled() {
		t.Fatalf("not matched: %q", w.Notice.Text)
	}
	if !strings.Contains(w.Head.Text, "motion bone") || !strings.Contains(w.Summary.Text, "follow a motion bone") ||
		!strings.Contains(w.Notice.Text, "its motion bone") || strings.Contains(w.Head.Text+w.Summary.Text+w.Notice.Text, "Move") {
		t.Errorf("head %q, summary %q, status %q", w.Head.Text, w.Summary.Text, w.Notice.Text)
	}
	row := w.newPairRow().(*pairRow)
	found := false
	for i, p := range w.match.Pairs {
		w.updatePairRow(i, row)
		if !strings.HasPrefix(row.bone.Text, "joint ") {
			t.Errorf("pair %d (%s) reads %q", i, p.Bone, row.bone.Text)
		}
		if strings.Contains(row.bone.Text, "left forearm?") && strings.Contains(row.bone.Text, "left") {
			found = true
			row.move.SetSelected(noBone)
			if w.Picture == nil || w.Picture.Selected() != w.charBone.index[p.Bone] {
				t.Errorf("the picture shows joint %d, not %s", w.Picture.Selected(), p.Bone)
			}
			if !strings.Contains(w.Notice.Text, "left forearm") {
				t.Errorf("unmatching the forearm: %q", w.Notice.Text)
			}
			row.move.SetSelected("LeftForeArm")
		}
	}
	if !found {
		t.Error("no row reads as the left forearm")
	}
	if w.Save.Disabled() {
		t.Fatalf("not matched again: %q", w.Notice.Text)
	}
	test.Tap(w.SaveMap)
	f, err := os.Open(MapPath(man))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := retarget.ReadMatch(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Pairs {
		if !strings.HasPrefix(p.Bone, "#") || p.Motion == "" {
			t.Errorf("saved pair %+v", p)
		}
	}
}

// TestACharacterAppliedElsewhereIsCleanedByItsSoles: a character file
// (CesiumMan, a skinned body) given as the motion is cleaned by its mesh's
// soles before it goes on another character, with the numbers the player
// and `singlecam clean` give for it.
func TestACharacterAppliedElsewhereIsCleanedByItsSoles(t *testing.T) {
	a := test.NewTempApp(t)
	dir, _, mixamo, _ := files(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "core", "motion", "roles", "testdata", "CesiumMan.gltf"))
	if err != nil {
		t.Fatal(err)
	}
	cesium := filepath.Join(dir, "CesiumMan.gltf")
	if err := os.WriteFile(cesium, data, 0o644); err != nil {
		t.Fatal(err)
	}
	o := clean.Default
	w := NewWindow(a, cesium, "CesiumMan", Options{
		Pick:      func(string) (string, error) { return mixamo, nil },
		Cancelled: errCancelled, Prefs: a.Preferences(), Async: now, Main: now, Clean: &o,
	})
	defer w.Close()
	f := w.sourceFigure
	if f == nil || f.Character != nil || len(f.Bodies[0].Soles[0]) == 0 || len(f.Bodies[0].Soles[1]) == 0 {
		t.Fatalf("the motion's figure: %+v", f)
	}
	m, err := load.Open(t.Context(), cesium, -1)
	if err != nil {
		t.Fatal(err)
	}
	want, err := f.Clean(t.Context(), m.Clip, o)
	if err != nil {
		t.Fatal(err)
	}
	// CesiumMan's own walk is a cycle in place, which Auto leaves: said.
	if got := w.CleanUp.Text(); got != preview.CleanSentence(o)+"\n"+preview.Describe(want.Actors)+"\n"+preview.InPlaceNote {
		t.Errorf("the window says\n%s\nnot the soles' numbers\n%s", got, preview.Describe(want.Actors))
	}
}
