package export

import (
	"path/filepath"
	"testing"
)

// Issue 23, item 7: an export of an export is named after what the first
// was made from, not "x - blender - blender.glb".
func TestBaseNameLeavesOffAnEarlierPreset(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ path, want string }{
		{"walk.bvh", "walk"},
		{"walk - blender.glb", "walk"},
		{"walk - Blender.glb", "walk"},
		{"walk - blender (2).glb", "walk"},
		{"walk - custom.bvh", "walk"},
		{"walk - unity.glb", "walk"},
		{"walk - run.glb", "walk - run"}, // not a preset: the user's own name
		{" - blender.glb", " - blender"}, // nothing would be left
		{"blender.glb", "blender"},       // a name that is a preset's
		{"walk - blender (x).glb", "walk - blender (x)"},
		{filepath.Join("Jump", "main_glb.glb"), "Jump"},
	} {
		if got := BaseName(tc.path); got != tc.want {
			t.Errorf("BaseName(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// FuzzBaseName: any name gives a base that is never empty when the file's
// own stem was not.
func FuzzBaseName(f *testing.F) {
	for _, s := range []string{"walk - blender (2).glb", " - unity.glb", "é - raw.bvh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if filepath.Base(name) != name || name == "" {
			return
		}
		stem := name[:len(name)-len(filepath.Ext(name))]
		if got := BaseName(name); stem != "" && got == "" {
			t.Errorf("BaseName(%q) is empty", name)
		}
	})
}
