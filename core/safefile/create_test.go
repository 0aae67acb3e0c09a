package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestWriteNewNeverReplacesAFileAndLeavesNoTemporaryOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Walk - blender.glb")
	if err := WriteNew(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(path, []byte("two"), 0o644); !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "one" {
		t.Errorf("the file holds %q", got)
	}
	if names := list(dir); !slices.Equal(names, []string{"Walk - blender.glb"}) {
		t.Errorf("the folder holds %q", names)
	}
}

func TestWriteNumberedTakesTheFirstFreeName(t *testing.T) {
	dir := t.TempDir()
	var got []string
	for _, data := range []string{"a", "b", "c"} {
		p, err := WriteNumbered(dir, "Walk on Robot.glb", []byte(data), 0o600)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(p))
	}
	want := []string{"Walk on Robot.glb", "Walk on Robot (2).glb", "Walk on Robot (3).glb"}
	if !slices.Equal(got, want) || !slices.Equal(list(dir), slices.Sorted(slices.Values(want))) {
		t.Errorf("wrote %q, the folder holds %q; want %q", got, list(dir), want)
	}
	if info, _ := os.Stat(filepath.Join(dir, want[1])); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode())
	}
}

func TestWriteNewIntoAMissingFolderFailsCleanly(t *testing.T) {
	if err := WriteNew(filepath.Join(t.TempDir(), "gone", "x.glb"), nil, 0o644); err == nil || errors.Is(err, ErrExists) {
		t.Errorf("got %v", err)
	}
}

func TestIsPlain(t *testing.T) {
	for name, want := range map[string]bool{
		"Walk - main.fbx": true, "main (2).glb": true, ".singlecam-job.json": true,
		"": false, ".": false, "..": false, "../x": false, "a/b": false, `a\b`: false, `..\..\x`: false,
		"/etc/passwd": false, "x\x00y": false,
	} {
		if got := IsPlain(name); got != want {
			t.Errorf("IsPlain(%q) = %v, want %v", name, got, want)
		}
	}
}

func list(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
