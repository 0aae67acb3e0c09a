package gltf

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/qmuntal/gltf"

	"singlecam/core/guard"
)

// ErrNotGLTF is wrapped by every error that says a file is not a glTF file
// Read can use.
var ErrNotGLTF = errors.New("not a usable glTF file")

const (
	glbMagic    = 0x46546C67 // "glTF"
	chunkJSON   = 0x4E4F534A
	chunkBIN    = 0x004E4942
	maxJSON     = 64 << 20 // a document's JSON; real ones are kilobytes to a few megabytes
	maxNodes    = 100_000
	maxDataURIs = 256 << 20
)

func bad(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrNotGLTF, fmt.Sprintf(format, a...))
}

// source is an open glTF document and where its buffers' bytes are.
type source struct {
	ctx     context.Context // done: stop sampling (never nil)
	doc     *gltf.Document
	r       io.ReaderAt
	size    int64 // the file's bytes: no accessor holds more elements than that
	binOff  int64 // the GLB BIN chunk's data, when there is one
	binLen  int64
	hasBin  bool
	files   fs.FS
	buffers map[int][]byte // buffers decoded from data: URIs or read from files
}

// open reads the document's JSON (from a GLB container or a plain .gltf)
// and notes where the binary chunk lies, without reading it.
func open(r io.ReaderAt, size int64, files fs.FS) (*source, error) {
	s := &source{ctx: context.Background(), r: r, size: size, files: files, buffers: map[int][]byte{}}
	var head [20]byte
	n, err := r.ReadAt(head[:], 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read gltf: %w", err)
	}
	var jsonBytes []byte
	if n >= 12 && binary.LittleEndian.Uint32(head[0:]) == glbMagic {
		if n < 20 {
			return nil, bad("the GLB header is cut short")
		}
		if v := binary.LittleEndian.Uint32(head[4:]); v != 2 {
			return nil, bad("GLB version %d; only glTF 2.0 is supported", v)
		}
		jl := int64(binary.LittleEndian.Uint32(head[12:]))
		if binary.LittleEndian.Uint32(head[16:]) != chunkJSON {
			return nil, bad("the GLB's first chunk is not JSON")
		}
		if jl > maxJSON || !fits(20, jl, size) {
			return nil, bad("the GLB's JSON chunk (%d bytes) does not fit the file", jl)
		}
		jsonBytes = make([]byte, jl)
		if _, err := r.ReadAt(jsonBytes, 20); err != nil {
			return nil, fmt.Errorf("read gltf: %w", err)
		}
		// The BIN chunk, if any, follows the JSON chunk.
		off := 20 + jl
		var ch [8]byte
		if size >= off+8 {
			if _, err := r.ReadAt(ch[:], off); err != nil {
				return nil, fmt.Errorf("read gltf: %w", err)
			}
			if binary.LittleEndian.Uint32(ch[4:]) == chunkBIN {
				s.hasBin, s.binOff = true, off+8
				s.binLen = int64(binary.LittleEndian.Uint32(ch[0:]))
				if !fits(s.binOff, s.binLen, size) {
					return nil, bad("the GLB's binary chunk runs past the end of the file")
				}
			}
		}
	} else {
		if size > maxJSON {
			return nil, bad("the file is %d bytes and is neither GLB nor glTF JSON of a usable size", size)
		}
		jsonBytes = make([]byte, size)
		if _, err := r.ReadAt(jsonBytes, 0); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read gltf: %w", err)
		}
		if t := bytes.TrimLeft(jsonBytes, " \t\r\n\xef\xbb\xbf"); len(t) == 0 || t[0] != '{' {
			return nil, bad("the file is neither GLB nor glTF JSON")
		}
	}
	if err := checkShape(jsonBytes); err != nil {
		return nil, err
	}
	doc := new(gltf.Document)
	if err := json.Unmarshal(jsonBytes, doc); err != nil {
		return nil, bad("its JSON does not parse: %v", err)
	}
	if !strings.HasPrefix(doc.Asset.Version, "2.") {
		return nil, bad("glTF version %q; only 2.0 is supported", doc.Asset.Version)
	}
	if len(doc.Nodes) > maxNodes {
		return nil, bad("%d nodes, more than %d", len(doc.Nodes), maxNodes)
	}
	for i, n := range doc.Nodes {
		if n == nil {
			return nil, bad("node %d is null", i)
		}
	}
	s.doc = doc
	return s, nil
}

// fits reports whether the n bytes at off lie within a span of size bytes,
// without computing off+n, which a crafted file can make wrap around.
func fits(off, n, size int64) bool {
	return off >= 0 && n >= 0 && size >= 0 && off <= size && n <= size-off
}

// viewBytes returns n bytes from offset off within buffer view i, reading
// only those (a view may be much larger than what one accessor needs), with
// the view's stride. Every offset is checked against the bytes actually
// there before anything is allocated.
func (s *source) viewBytes(i int, off, n int64) ([]byte, int, error) {
	if i < 0 || i >= len(s.doc.BufferViews) || s.doc.BufferViews[i] == nil {
		return nil, 0, bad("buffer view %d does not exist", i)
	}
	bv := s.doc.BufferViews[i]
	if bv.ByteStride < 0 || bv.ByteStride > 252 {
		return nil, 0, bad("buffer view %d has a stride of %d bytes", i, bv.ByteStride)
	}
	if bv.Buffer < 0 || bv.Buffer >= len(s.doc.Buffers) || s.doc.Buffers[bv.Buffer] == nil {
		return nil, 0, bad("buffer view %d points at buffer %d, which does not exist", i, bv.Buffer)
	}
	buf := s.doc.Buffers[bv.Buffer]
	if !fits(int64(bv.ByteOffset), int64(bv.ByteLength), int64(buf.ByteLength)) {
		return nil, 0, bad("buffer view %d runs past the end of its buffer", i)
	}
	if !fits(off, n, int64(bv.ByteLength)) {
		return nil, 0, bad("buffer view %d is shorter than what is read from it", i)
	}
	start := int64(bv.ByteOffset) + off // both within the buffer's int length: no wrap
	if bv.Buffer == 0 && buf.URI == "" && s.hasBin {
		if !fits(start, n, s.binLen) {
			return nil, 0, bad("buffer view %d runs past the end of the binary chunk", i)
		}
		out := make([]byte, n)
		if _, err := s.r.ReadAt(out, s.binOff+start); err != nil {
			return nil, 0, fmt.Errorf("read gltf: %w", err)
		}
		return out, bv.ByteStride, nil
	}
	if isFileURI(buf.URI) {
		out, err := s.fileRange(bv.Buffer, start, n)
		return out, bv.ByteStride, err
	}
	data, err := s.buffer(bv.Buffer)
	if err != nil {
		return nil, 0, err
	}
	if !fits(start, n, int64(len(data))) {
		return nil, 0, bad("buffer view %d runs past the end of buffer %d", i, bv.Buffer)
	}
	return data[start : start+n], bv.ByteStride, nil
}

// viewStride is buffer view i's stride (0: tightly packed), checked.
func (s *source) viewStride(i int) (int, error) {
	if i < 0 || i >= len(s.doc.BufferViews) || s.doc.BufferViews[i] == nil {
		return 0, bad("buffer view %d does not exist", i)
	}
	if st := s.doc.BufferViews[i].ByteStride; st >= 0 && st <= 252 {
		return st, nil
	}
	return 0, bad("buffer view %d has a stride of %d bytes", i, s.doc.BufferViews[i].ByteStride)
}

// isFileURI reports whether a buffer's uri names a file beside the .gltf
// (not a data: URI, not empty).
func isFileURI(uri string) bool { return uri != "" && !strings.HasPrefix(uri, "data:") }

// fileRange reads the n bytes at off of buffer i, a file beside the .gltf:
// only those, as from a GLB's binary chunk, so a 1 GB .bin costs what the
// chosen animation reads of it, not its size (it was read whole).
func (s *source) fileRange(i int, off, n int64) ([]byte, error) {
	buf := s.doc.Buffers[i]
	if s.files == nil {
		return nil, bad("buffer %d is in a separate file (%s); open the .gltf from its folder, or use a .glb", i, buf.URI)
	}
	name := path.Clean(strings.ReplaceAll(buf.URI, "\\", "/"))
	if !fs.ValidPath(name) {
		return nil, bad("buffer %d's file name %q leaves the folder", i, buf.URI)
	}
	if err := guard.CheckRegular(s.files, name); err != nil {
		return nil, fmt.Errorf("read gltf buffer %s: %w", buf.URI, err)
	}
	f, err := s.files.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read gltf buffer %s: %w", buf.URI, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read gltf buffer %s: %w", buf.URI, err)
	}
	if info.Size() < int64(buf.ByteLength) {
		return nil, bad("buffer %d holds %d bytes, not the %d it declares", i, info.Size(), buf.ByteLength)
	}
	if !fits(off, n, int64(buf.ByteLength)) {
		return nil, bad("a buffer view runs past the end of buffer %d", i)
	}
	out := make([]byte, n)
	if ra, ok := f.(io.ReaderAt); ok {
		_, err = ra.ReadAt(out, off)
	} else {
		if _, err = io.CopyN(io.Discard, f, off); err == nil {
			_, err = io.ReadFull(f, out)
		}
	}
	if err != nil && !(errors.Is(err, io.EOF) && n == 0) {
		return nil, fmt.Errorf("read gltf buffer %s: %w", buf.URI, err)
	}
	return out, nil
}

// buffer returns a whole buffer given as a data URI (no larger than the
// JSON that holds it); a file's is read by ranges (fileRange).
func (s *source) buffer(i int) ([]byte, error) {
	if b, ok := s.buffers[i]; ok {
		return b, nil
	}
	buf := s.doc.Buffers[i]
	var data []byte
	switch {
	case buf.URI == "":
		return nil, bad("buffer %d has no data", i)
	case strings.HasPrefix(buf.URI, "data:"):
		comma := strings.IndexByte(buf.URI, ',')
		if comma < 0 || !strings.HasSuffix(buf.URI[:comma], ";base64") {
			return nil, bad("buffer %d's data URI is not base64", i)
		}
		if len(buf.URI) > maxDataURIs {
			return nil, bad("buffer %d's data URI is too long", i)
		}
		var err error
		data, err = base64.StdEncoding.DecodeString(buf.URI[comma+1:])
		if err != nil {
			return nil, bad("buffer %d's data URI does not decode: %v", i, err)
		}
	default:
		return nil, bad("buffer %d is in a file (%s): read by ranges, never whole", i, buf.URI) // viewBytes' job
	}
	if len(data) < buf.ByteLength {
		return nil, bad("buffer %d holds %d bytes, not the %d it declares", i, len(data), buf.ByteLength)
	}
	s.buffers[i] = data
	return data, nil
}
