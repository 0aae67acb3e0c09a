package motion

import (
	"archive/zip"
	"path"
	"sort"
	"strings"
)

// ZipEntries are the files of a ZIP whose names end in ext (".bvh", any
// case), sorted by name, leaving out folders and the "._" files macOS adds:
// the per-actor files of Move's ZIP outputs, one actor each.
func ZipEntries(zr *zip.Reader, ext string) []*zip.File {
	var files []*zip.File
	for _, f := range zr.File {
		if !f.FileInfo().IsDir() && strings.EqualFold(path.Ext(f.Name), ext) && !strings.HasPrefix(path.Base(f.Name), "._") {
			files = append(files, f)
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}
