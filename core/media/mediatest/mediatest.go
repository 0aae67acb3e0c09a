// Package mediatest makes real video files for other packages' tests: a
// valid MP4 (3 s, 480×320, 30 fps, H.264, with sound) padded to any size, so
// that a test of the upload or the submission sends something the probe
// accepts. It is for tests only.
package mediatest

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// fixture is the probe's own H.264 fixture: ftyp, moov, free, mdat.
func fixture() ([]byte, error) {
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		return nil, errors.New("mediatest: cannot find its source folder")
	}
	return os.ReadFile(filepath.Join(filepath.Dir(here), "..", "testdata", "h264.mp4"))
}

// WriteMP4 writes a valid MP4 of exactly size bytes (at least a few kB):
// the fixture's header boxes, then media data filled with a pattern that
// differs along the file, so checksums catch any misplaced byte.
func WriteMP4(path string, size int64) error { return write(path, size, false) }

// WriteSparseMP4 is WriteMP4 with the media data left as a hole: a file of
// gigabytes that costs no disk, for size checks.
func WriteSparseMP4(path string, size int64) error { return write(path, size, true) }

func write(path string, size int64, sparse bool) error {
	src, err := fixture()
	if err != nil {
		return err
	}
	var head []byte
	for off := 0; off+8 <= len(src); {
		n := int(binary.BigEndian.Uint32(src[off:]))
		if typ := string(src[off+4 : off+8]); typ == "ftyp" || typ == "moov" {
			head = append(head, src[off:off+n]...)
		}
		off += n
	}
	payload := size - int64(len(head)) - 16
	if payload < 0 {
		return errors.New("mediatest: too small for a valid MP4")
	}
	mdat := make([]byte, 16)
	binary.BigEndian.PutUint32(mdat, 1) // a 64-bit size follows
	copy(mdat[4:], "mdat")
	binary.BigEndian.PutUint64(mdat[8:], uint64(payload+16))

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(append(head, mdat...)); err != nil {
		return err
	}
	if sparse {
		return f.Truncate(size)
	}
	block := make([]byte, 64<<10)
	for written, n := int64(0), 0; written < payload; written += int64(n) {
		for i := range block {
			block[i] = byte(written/int64(len(block)) + int64(i)*7)
		}
		if n, err = f.Write(block[:min(int64(len(block)), payload-written)]); err != nil {
			return err
		}
	}
	return nil
}
