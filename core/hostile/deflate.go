package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
)

// chunkBytes is about how much plain text one repeated deflate segment
// stands for.
const chunkBytes = 1 << 20

// bomb is a deflate stream of prefix followed by unit repeated until the
// whole is at least total bytes, with its CRC-32 and plain size: the
// stream is one segment compressed once and then repeated, so a stream
// standing for gigabytes is made in a fraction of a second. The segment is
// self-contained because it follows two whole chunks of the same repeated
// text: its back references (at most 32 KB) land on the same bytes
// whichever copy precedes it.
func bomb(prefix, unit []byte, total int64) (data []byte, crc uint32, size uint64) {
	chunk := bytes.Repeat(unit, max(1, chunkBytes/len(unit)))
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(prefix)
	fw.Write(chunk)
	fw.Write(chunk)
	fw.Flush()
	mark := buf.Len()
	fw.Write(chunk)
	fw.Flush()
	segment := bytes.Clone(buf.Bytes()[mark:])
	crc = crc32.Update(0, crc32.IEEETable, prefix)
	size = uint64(len(prefix))
	for range 3 {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
		size += uint64(len(chunk))
	}
	for int64(size) < total {
		buf.Write(segment)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
		size += uint64(len(chunk))
	}
	// The last block: empty, stored, final (the stream is byte-aligned
	// after a flush).
	buf.Write([]byte{0x01, 0x00, 0x00, 0xff, 0xff})
	return buf.Bytes(), crc, size
}

// entry is one file of a ZIP made by zipOf.
type entry struct {
	name string
	data []byte // stored as is, unless deflated is set
	// deflated is a deflate stream whose plain text has crc and size.
	deflated  []byte
	crc       uint32
	size      uint64
	claimSize uint64 // when not 0, the size the headers declare instead
}

// zipOf packs entries into a ZIP, each as given (raw), so that a bomb's
// sizes and a liar's declared sizes reach the file unchanged.
func zipOf(entries ...entry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		body := e.data
		h.CRC32 = crc32.ChecksumIEEE(e.data)
		h.UncompressedSize64 = uint64(len(e.data))
		if e.deflated != nil {
			h.Method, body, h.CRC32, h.UncompressedSize64 = zip.Deflate, e.deflated, e.crc, e.size
		}
		h.CompressedSize64 = uint64(len(body))
		if e.claimSize != 0 {
			h.UncompressedSize64 = e.claimSize
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			panic(err) // only a programming error here: the names are ours
		}
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}
