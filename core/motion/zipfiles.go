package motion

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// maxZipDirectory bounds the bytes OpenZip reads to list a ZIP's files:
// archive/zip keeps every entry of the table of contents (about 300 bytes
// each however short the entry), so a table of millions of empty entries
// would take gigabytes before any were looked at. Motion ZIPs list a few
// files; 4 MB is at least 40,000 of them.
const maxZipDirectory = 4 << 20

// errZipDirectory is what the reader OpenZip gives archive/zip fails with
// once it has read maxZipDirectory bytes.
var errZipDirectory = errors.New("the zip's list of files is too long")

// OpenZip opens a ZIP as zip.NewReader does, refusing one whose table of
// contents is longer than any motion ZIP's before archive/zip holds it.
func OpenZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
	lr := &limitedAt{r: r, left: maxZipDirectory + 64<<10} // and the end record's search
	zr, err := zip.NewReader(lr, size)
	if errors.Is(err, errZipDirectory) || lr.left <= 0 {
		return nil, fmt.Errorf("the zip lists more files than a motion ZIP holds (its list is over %d MB)", maxZipDirectory>>20)
	}
	if err != nil {
		return nil, err
	}
	lr.left = -1 // reading the entries themselves is bounded by their readers
	return zr, nil
}

// limitedAt is an io.ReaderAt that fails once it has read left bytes (no
// bound once left is negative).
type limitedAt struct {
	r    io.ReaderAt
	left int64
}

func (l *limitedAt) ReadAt(p []byte, off int64) (int, error) {
	if l.left < 0 {
		return l.r.ReadAt(p, off)
	}
	if l.left == 0 {
		return 0, errZipDirectory
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.ReadAt(p, off)
	l.left -= int64(n)
	if err == nil && l.left == 0 {
		err = errZipDirectory
	}
	return n, err
}

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
