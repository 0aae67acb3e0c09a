package media

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// bigVideo makes a sparse 4 GB MP4: the boxes of a real fixture around a
// 64-bit mdat of 4 GB, moov before or after it.
func bigVideo(b *testing.B, moovLast bool) string {
	b.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "h264.mp4"))
	if err != nil {
		b.Fatal(err)
	}
	boxes := map[string][]byte{}
	for off := 0; off+8 <= len(src); {
		size := int(binary.BigEndian.Uint32(src[off:]))
		boxes[string(src[off+4:off+8])] = src[off : off+size]
		off += size
	}
	const mdatSize = 4 << 30
	mdatHeader := make([]byte, 16)
	binary.BigEndian.PutUint32(mdatHeader, 1) // 64-bit size follows
	copy(mdatHeader[4:], "mdat")
	binary.BigEndian.PutUint64(mdatHeader[8:], mdatSize)

	path := filepath.Join(b.TempDir(), "big.mp4")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	f.Write(boxes["ftyp"])
	if !moovLast {
		f.Write(boxes["moov"])
	}
	start, _ := f.Seek(0, 1)
	f.Write(mdatHeader)
	f.Seek(start+mdatSize, 0) // the media data: a hole, never read
	if moovLast {
		f.Write(boxes["moov"])
	} else if err := f.Truncate(start + mdatSize); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkProbe4GB probes a 4 GB video: it takes the same few reads
// whatever the size, in constant memory.
func BenchmarkProbe4GB(b *testing.B) {
	for _, tc := range []struct {
		name     string
		moovLast bool
	}{{"moov-first", false}, {"moov-last", true}} {
		b.Run(tc.name, func(b *testing.B) {
			path := bigVideo(b, tc.moovLast)
			b.ReportAllocs()
			for range b.N {
				r, err := Probe(path, Options{})
				if err != nil || r.Codec != "H.264" || r.Size < 4<<30 {
					b.Fatalf("%v %+v", err, r)
				}
			}
		})
	}
}
