package engine

import (
	"context"

	"singlecam/core/motion/export"
)

// Export writes the files an export planned (export.Plan) beside their
// sources, never over an existing file, all or nothing, and returns the
// paths written: the one place a front end writes motion files.
func Export(ctx context.Context, files []export.File) ([]string, error) {
	return export.Write(ctx, files)
}
