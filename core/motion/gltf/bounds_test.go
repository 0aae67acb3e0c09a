package gltf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// chainFile is a chain of joints, every one turned by one sampler whose
// keys are times (the same identity rotation at each).
func chainFile(t testing.TB, joints int, times []float64) []byte {
	var b builder
	in := b.floats("SCALAR", times...)
	vals := make([]float64, 0, 4*len(times))
	for range times {
		vals = append(vals, ident...)
	}
	out := b.floats("VEC4", vals...)
	var nodes, channels []any
	var ids []int
	for j := range joints {
		n := map[string]any{"name": fmt.Sprintf("j%d", j)}
		if j < joints-1 {
			n["children"] = []int{j + 1}
		}
		nodes = append(nodes, n)
		ids = append(ids, j)
		channels = append(channels, map[string]any{"sampler": 0, "target": map[string]any{"node": j, "path": "rotation"}})
	}
	return b.json(t, map[string]any{
		"nodes": nodes,
		"skins": []any{map[string]any{"joints": ids}},
		"animations": []any{map[string]any{
			"samplers": []any{map[string]any{"input": in, "output": out}},
			"channels": channels,
		}},
	})
}

// Three keys, one gap of 1/240 s and the last key at 8000 s, asked for
// 1,920,000 frames (a fuzzed VRM Animation ran seconds an input this way):
// the frames are bounded by the keys the file holds.
func TestFewKeysFarApartAreRefusedForTheFramesTheyAskFor(t *testing.T) {
	data := chainFile(t, 1, []float64{0, 1.0 / 240, 8000})
	var err error
	used := allocated(func() { _, err = readBytes(t, data, Options{Animation: -1}) })
	if !errors.Is(err, ErrNotGLTF) {
		t.Fatalf("Read = %v, want a refusal", err)
	}
	if used > 8<<20 {
		t.Errorf("allocated %d MB before refusing", used>>20)
	}
	// A sparse animation within the free frames still reads: two keys
	// ten minutes apart, one gap of 1/60 s.
	f, err := readBytes(t, chainFile(t, 1, []float64{0, 1.0 / 60, 590}), Options{Animation: -1})
	if err != nil || f.Clip.Frames() != 35_401 {
		t.Fatalf("a sparse animation: %v (%d frames)", err, f.Clip.Frames())
	}
}

// countdown is a context that is done after its Err has been asked n
// times: it cancels a read at a known point of its work, not at a time.
type countdown struct {
	context.Context
	n atomic.Int64
}

func (c *countdown) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// A drop can be cancelled: sampling a large animation (40 joints × 36,000
// frames, 46 MB of rotations) stops at its next look at the context, not
// after the last joint.
func TestACancelledReadStopsSampling(t *testing.T) {
	times := make([]float64, 36_000)
	for i := range times {
		times[i] = float64(i) / 60
	}
	data := chainFile(t, 40, times)
	whole := allocated(func() {
		if _, err := readBytes(t, data, Options{Animation: -1}); err != nil {
			t.Fatal(err)
		}
	})
	var err error
	ctx := &countdown{Context: context.Background()}
	ctx.n.Store(4) // the animations' loop, the first joint, then 2 × 16,384 frames of it
	used := allocated(func() {
		_, err = ReadContext(ctx, bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ReadContext = %v, want context.Canceled", err)
	}
	if used > whole/4 {
		t.Errorf("the cancelled read allocated %d MB, the whole read %d MB", used>>20, whole>>20)
	}
}

// A .gltf whose buffer is a 300 MB file beside it, of which its animation
// uses 60 bytes at the end: the buffer was read whole (up to 1 GB); now
// only the bytes the animation reads are.
func TestAGLTFReadsOnlyTheBytesItUsesOfItsBufferFile(t *testing.T) {
	const size = 300 << 20
	dir := t.TempDir()
	bin, err := os.Create(filepath.Join(dir, "big.bin"))
	if err != nil {
		t.Fatal(err)
	}
	keys := append(floatBytes(0, 1.0/30, 2.0/30), floatBytes(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1)...)
	at := int64(size - len(keys))
	if err := bin.Truncate(size); err != nil { // sparse: no disk space taken
		t.Fatal(err)
	}
	bin.WriteAt(keys, at)
	bin.Close()
	doc := []byte(hostileHead + fmt.Sprintf(`"buffers":[{"byteLength":%d,"uri":"big.bin"}],`, size) +
		fmt.Sprintf(`"bufferViews":[{"buffer":0,"byteOffset":%d,"byteLength":12},{"buffer":0,"byteOffset":%d,"byteLength":48}],`, at, at+12) +
		`"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"SCALAR"},{"bufferView":1,"componentType":5126,"count":3,"type":"VEC4"}],` +
		`"animations":[{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}]}`)
	var f *File
	used := allocated(func() {
		f, err = Read(bytes.NewReader(doc), int64(len(doc)), Options{Animation: -1, Files: os.DirFS(dir)})
	})
	if err != nil || f.Clip.Frames() != 3 {
		t.Fatalf("Read = %v", err)
	}
	if used > 1<<20 {
		t.Errorf("allocated %d KB for 60 bytes of a %d MB buffer", used>>10, size>>20)
	}
	// A buffer file shorter than it declares is refused.
	os.Truncate(filepath.Join(dir, "big.bin"), size-1)
	if _, err := Read(bytes.NewReader(doc), int64(len(doc)), Options{Animation: -1, Files: os.DirFS(dir)}); !errors.Is(err, ErrNotGLTF) {
		t.Errorf("a short buffer file: %v", err)
	}
}

// A character is read whole: one whose buffer file declares 200 MB is
// refused in words before any of it is read (the bound was 1 GB).
func TestACharacterLargerThanTheBoundIsRefusedUnread(t *testing.T) {
	const size = 200 << 20
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Truncate(filepath.Join(dir, "big.bin"), size)
	doc := []byte(hostileHead + fmt.Sprintf(`"buffers":[{"byteLength":%d,"uri":"big.bin"}]}`, size))
	var err error
	used := allocated(func() { _, err = ReadCharacter(bytes.NewReader(doc), os.DirFS(dir)) })
	if !errors.Is(err, ErrNotGLTF) || !strings.Contains(err.Error(), "larger than 128 MB") {
		t.Fatalf("ReadCharacter = %v", err)
	}
	if used > 1<<20 {
		t.Errorf("allocated %d KB before refusing", used>>10)
	}
}
