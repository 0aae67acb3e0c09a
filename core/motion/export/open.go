package export

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"singlecam/core/motion/figure"
	"singlecam/core/motion/load"
)

// Open reads the motion file at path as a Source whose outputs land
// beside it, named after base (BaseName(path) when base is empty).
func Open(ctx context.Context, path, base string) (Source, error) {
	m, err := load.Open(ctx, path, -1)
	if err != nil {
		return Source{}, fmt.Errorf("export: %w", err)
	}
	return SourceOf(ctx, path, base, m)
}

// SourceOf is the motion m, read from path, as a Source whose outputs land
// beside it, named after base (BaseName(path) when base is empty), with
// the figure clean-up stands it on (a character's mesh soles; reading the
// character is the only work, and a cancelled ctx the only error).
func SourceOf(ctx context.Context, path, base string, m *load.Motion) (Source, error) {
	ext := strings.ToLower(filepath.Ext(path))
	format := GLB
	switch {
	case ext == ".bvh" || ext == ".zip" && !slices.Contains(m.Notes, load.MotionDataNote):
		format = BVH
	case ext == ".vrma":
		format = VRMA
	}
	if strings.TrimSpace(base) == "" {
		base = BaseName(path)
	}
	fig, err := figure.Of(ctx, m)
	if err != nil {
		return Source{}, fmt.Errorf("export: %w", err)
	}
	return Source{Clip: m.Clip, Format: format, Dir: absDir(path), Base: base, Figure: fig}, nil
}

// absDir is path's folder as an absolute path: "singlecam preview walk.bvh"
// says where the files go ("in /home/ann/mocap"), not "in .".
func absDir(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return filepath.Dir(abs)
	}
	return filepath.Dir(path)
}

// moveOutput matches the names Singlecam saves Move's outputs under
// (main_glb.glb, all_bvh.zip): such a file is named after its folder, the
// job's.
var moveOutput = regexp.MustCompile(`(?i)^(main|all)_[a-z0-9_]+$|^motion_data$`)

// BaseName is what an export of the file at path is named after: the job's
// folder for one of Move's outputs as Singlecam saves them, else the file's
// own name without its ending.
//
// An export's own name ends in its preset (" - blender", perhaps numbered
// " (2)"): that ending is left off, so exporting an export gives
// "x - unity.glb" or "x - blender (2).glb", never "x - blender - blender.glb".
func BaseName(path string) string {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if moveOutput.MatchString(stem) {
		if dir := filepath.Base(filepath.Dir(path)); dir != "." && dir != string(filepath.Separator) {
			return dir
		}
	}
	return withoutPreset(stem)
}

// numberedStem matches the " (2)" that Plan adds to a name already taken.
var numberedStem = regexp.MustCompile(` \([0-9]+\)$`)

// withoutPreset is stem without the " - preset" ending an export gave it.
func withoutPreset(stem string) string {
	bare := numberedStem.ReplaceAllString(stem, "")
	for _, n := range append(PresetNames(), Custom) {
		suffix := " - " + n
		cut := len(bare) - len(suffix)
		if cut > 0 && strings.EqualFold(bare[cut:], suffix) && strings.TrimSpace(bare[:cut]) != "" {
			return bare[:cut]
		}
	}
	return stem
}
