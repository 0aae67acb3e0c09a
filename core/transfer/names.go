package transfer

import (
	"os"
	"path/filepath"

	"singlecam/core/safefile"
)

// UniquePath is dir/name when nothing is there (nor a download of it in
// progress), else the first free "name (2).ext", "name (3).ext", ... (name
// is made safe by the caller, with safefile.SafeName).
func UniquePath(dir, name string) string {
	for n := 1; ; n++ {
		path := filepath.Join(dir, safefile.Numbered(name, n))
		if !exists(path) && !exists(path+PartSuffix) {
			return path
		}
	}
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
