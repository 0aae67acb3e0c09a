package export

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"singlecam/core/motion/load"
)

// Open reads the motion file at path as a Source whose outputs land
// beside it, named after base (the file's name without its ending when
// base is empty).
func Open(ctx context.Context, path, base string) (Source, error) {
	m, err := load.Open(ctx, path, -1)
	if err != nil {
		return Source{}, fmt.Errorf("export: %w", err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	format := GLB
	if ext == ".bvh" || ext == ".zip" {
		format = BVH
	}
	if strings.TrimSpace(base) == "" {
		base = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return Source{Clip: m.Clip, Format: format, Dir: filepath.Dir(path), Base: base}, nil
}
