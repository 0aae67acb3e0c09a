package export

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"singlecam/core/motion/load"
)

// Open reads the motion file at path as a Source whose outputs land
// beside it, named after base (BaseName(path) when base is empty).
func Open(ctx context.Context, path, base string) (Source, error) {
	m, err := load.Open(ctx, path, -1)
	if err != nil {
		return Source{}, fmt.Errorf("export: %w", err)
	}
	return SourceOf(path, base, m), nil
}

// SourceOf is the motion m, read from path, as a Source whose outputs land
// beside it, named after base (BaseName(path) when base is empty).
func SourceOf(path, base string, m *load.Motion) Source {
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
	return Source{Clip: m.Clip, Format: format, Dir: filepath.Dir(path), Base: base}
}

// moveOutput matches the names Singlecam saves Move's outputs under
// (main_glb.glb, all_bvh.zip): such a file is named after its folder, the
// job's.
var moveOutput = regexp.MustCompile(`(?i)^(main|all)_[a-z0-9_]+$|^motion_data$`)

// BaseName is what an export of the file at path is named after: the job's
// folder for one of Move's outputs as Singlecam saves them, else the file's
// own name without its ending.
func BaseName(path string) string {
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if moveOutput.MatchString(stem) {
		if dir := filepath.Base(filepath.Dir(path)); dir != "." && dir != string(filepath.Separator) {
			return dir
		}
	}
	return stem
}
