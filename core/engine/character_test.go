package engine

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"singlecam/core/motion/retarget"
	"singlecam/core/motion/retarget/retargettest"
	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

func TestSavingOnACharacterNeverReplacesAFile(t *testing.T) {
	dir := t.TempDir()
	s, err := rigs.Move().Skeleton()
	if err != nil {
		t.Fatal(err)
	}
	data, err := retargettest.GLB(s, retargettest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	char := filepath.Join(dir, "Guy.glb")
	if err := os.WriteFile(char, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ch, err := retarget.OpenCharacter(context.Background(), char)
	if err != nil {
		t.Fatal(err)
	}
	src, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Jump, FPS: 30, Seconds: 1})
	if err != nil {
		t.Fatal(err)
	}
	m := ch.Match(src.Actors[0].Skeleton)
	moved, err := ch.Retarget(src, m)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var names []string
	for range 2 {
		p, err := SaveOnCharacter(context.Background(), ch, out, "Jump/2", moved, CharacterSave{})
		if err != nil {
			t.Fatal(err)
		}
		// The user's usual permissions, not a temporary file's 0600.
		if info, err := os.Stat(p); err != nil || info.Mode().Perm()&0o044 == 0 && runtime.GOOS != "windows" {
			t.Errorf("saved with mode %v (%v)", info.Mode(), err)
		}
		names = append(names, filepath.Base(p))
	}
	if names[0] != "Jump_2 on Guy.glb" || names[1] != "Jump_2 on Guy (2).glb" {
		t.Errorf("saved as %q", names)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries: a temporary file was left", len(entries))
	}

	mapPath := filepath.Join(dir, "Guy.bonemap.json")
	unmatched := m.Pairs[3].Bone
	m.Set(unmatched, "", "")
	if err := SaveBoneMap(mapPath, m); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(mapPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	back, err := retarget.ReadMatch(f)
	if err != nil || len(back.Pairs) != m.Matched() {
		t.Fatalf("map read back: %v", err)
	}
	for _, p := range back.Pairs {
		if p.Bone == unmatched {
			t.Errorf("the unmatched bone %q came back matched to %q", p.Bone, p.Motion)
		}
	}
	if err := SaveBoneMap(filepath.Join(dir, "no such folder", "x.json"), m); err == nil || !strings.Contains(err.Error(), "save bone map") {
		t.Errorf("got %v", err)
	}
}
