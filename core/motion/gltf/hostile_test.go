package gltf

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"singlecam/core/motion/retarget/retargettest"
)

// hostileHead is a one-joint skin that crafted animations below move.
const hostileHead = `{"asset":{"version":"2.0"},"nodes":[{"name":"hips"}],"skins":[{"joints":[0]}],`

// hostileFiles are crafted files that once panicked or allocated by
// declared counts rather than by bytes present. Each must be refused (or
// read) without a panic and within memoryBudget of allocations.
func hostileFiles() map[string][]byte {
	oneChannel := func(accessors, views string) string {
		return hostileHead + `"buffers":[{"byteLength":64}],"bufferViews":` + views + `,"accessors":` + accessors +
			`,"animations":[{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}]}`
	}
	out := map[string][]byte{
		// An accessor's byteOffset near 2^63: offset + stride × count wrapped
		// around and passed the bounds check (export: slice bounds out of range).
		"accessor offset near 2^63": glb(oneChannel(
			`[{"bufferView":0,"byteOffset":9223372036854775805,"componentType":5126,"count":2,"type":"SCALAR"},`+
				`{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`,
			`[{"buffer":0,"byteLength":64}]`), make([]byte, 64)),
		// A buffer view whose byteOffset + byteLength wraps around (gltf.Read:
		// makeslice: len out of range).
		"buffer view end wraps": glb(oneChannel(
			`[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},`+
				`{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`,
			`[{"buffer":0,"byteOffset":9223372036854775807,"byteLength":9223372036854775807}]`), make([]byte, 64)),
		"buffer view offset wraps negative": glb(oneChannel(
			`[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},`+
				`{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`,
			`[{"buffer":0,"byteOffset":9223372036854775800,"byteLength":16}]`), make([]byte, 64)),
		"accessor stride times count wraps": glb(oneChannel(
			`[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},`+
				`{"bufferView":0,"componentType":5126,"count":9223372036854775,"type":"VEC4"}]`,
			`[{"buffer":0,"byteLength":64,"byteStride":252}]`), make([]byte, 64)),
	}
	// Eight animations whose accessors have no buffer view and claim the
	// most elements an accessor may: 4 GiB over 6.5 s, and no error.
	var anims []string
	for range 8 {
		anims = append(anims, `{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}`)
	}
	out["eight animations of view-less accessors"] = []byte(hostileHead +
		`"accessors":[{"componentType":5126,"count":67108864,"type":"SCALAR"},{"componentType":5126,"count":16777216,"type":"VEC4"}],` +
		`"animations":[` + strings.Join(anims, ",") + `]}`)
	// Two keys a long time apart, one short gap: sampling at 240 fps
	// for days.
	out["two keys a day apart"] = glb(oneChannel(
		`[{"bufferView":0,"componentType":5126,"count":3,"type":"SCALAR"},{"bufferView":1,"componentType":5126,"count":3,"type":"VEC4"}]`,
		`[{"buffer":0,"byteLength":12},{"buffer":0,"byteOffset":12,"byteLength":48}]`),
		append(floatBytes(0, 1.0/240, 86400), floatBytes(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1)...))
	// Fifty joints whose three keys span two hours, one gap 1/240 s: 1.9
	// million frames each, 3 GB of poses when sampled.
	var nodes, joints, channels []string
	for j := range 50 {
		child := ""
		if j < 49 {
			child = fmt.Sprintf(`,"children":[%d]`, j+1)
		}
		nodes = append(nodes, fmt.Sprintf(`{"name":"j%d"%s}`, j, child))
		joints = append(joints, fmt.Sprint(j))
		channels = append(channels, fmt.Sprintf(`{"sampler":0,"target":{"node":%d,"path":"rotation"}}`, j))
	}
	out["fifty joints sampled for two hours"] = glb(`{"asset":{"version":"2.0"},"nodes":[`+strings.Join(nodes, ",")+
		`],"skins":[{"joints":[`+strings.Join(joints, ",")+`]}],"buffers":[{"byteLength":60}],`+
		`"bufferViews":[{"buffer":0,"byteLength":12},{"buffer":0,"byteOffset":12,"byteLength":48}],`+
		`"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"SCALAR"},{"bufferView":1,"componentType":5126,"count":3,"type":"VEC4"}],`+
		`"animations":[{"channels":[`+strings.Join(channels, ",")+`],"samplers":[{"input":0,"output":1}]}]}`,
		append(floatBytes(0, 1.0/240, 7200), floatBytes(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1)...))
	return out
}

// memoryBudget is what reading any one file may allocate in all.
const memoryBudget = 256 << 20

func floatBytes(vals ...float64) []byte {
	b := &builder{}
	b.floats("SCALAR", vals...)
	return b.buf
}

// allocated runs f and returns the bytes it allocated in all.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestHostileFilesAreRefusedWithoutPanicOrBloat(t *testing.T) {
	for name, data := range hostileFiles() {
		t.Run(name, func(t *testing.T) {
			var err error
			used := allocated(func() {
				defer func() {
					if p := recover(); p != nil {
						err = fmt.Errorf("panic: %v", p)
					}
				}()
				_, err = Read(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
			})
			if err == nil || !errors.Is(err, ErrNotGLTF) {
				t.Errorf("Read = %v, want a refusal wrapping ErrNotGLTF", err)
			}
			if used > memoryBudget {
				t.Errorf("allocated %d MB, more than %d MB", used>>20, memoryBudget>>20)
			}
		})
	}
}

// editGLB rewrites a GLB's JSON chunk through edit, keeping its binary chunk.
func editGLB(t testing.TB, data []byte, edit func(doc map[string]any)) []byte {
	t.Helper()
	jl := binary.LittleEndian.Uint32(data[12:])
	var doc map[string]any
	if err := json.Unmarshal(data[20:20+jl], &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	text, _ := json.Marshal(doc)
	rest := data[20+jl:]
	return glb(string(text), rest[8:8+binary.LittleEndian.Uint32(rest)])
}

func TestACharacterThatLiesAboutItsBytesIsRefused(t *testing.T) {
	good := character(t, retargettest.Options{})
	accessor := func(i int) func(map[string]any) map[string]any {
		return func(doc map[string]any) map[string]any { return doc["accessors"].([]any)[i].(map[string]any) }
	}
	view := func(doc map[string]any) map[string]any { return doc["bufferViews"].([]any)[0].(map[string]any) }
	for name, edit := range map[string]func(map[string]any){
		// A mesh accessor claiming 2×10^9 elements was retargeted with exit 0
		// into a GLB with 10 validator errors.
		"2e9 elements":             func(d map[string]any) { accessor(0)(d)["count"] = 2e9 },
		"elements past its view":   func(d map[string]any) { accessor(0)(d)["count"] = accessor(0)(d)["count"].(float64) + 1 },
		"offset near 2^63":         func(d map[string]any) { accessor(0)(d)["byteOffset"] = 9223372036854775800 },
		"misaligned offset":        func(d map[string]any) { accessor(0)(d)["byteOffset"] = 1 },
		"no elements":              func(d map[string]any) { accessor(0)(d)["count"] = 0 },
		"view past its buffer":     func(d map[string]any) { view(d)["byteLength"] = 1e12 },
		"view offset wraps":        func(d map[string]any) { view(d)["byteOffset"] = 9223372036854775807 },
		"view of a missing buffer": func(d map[string]any) { view(d)["buffer"] = 7 },
		"odd stride":               func(d map[string]any) { view(d)["byteStride"] = 6 },
	} {
		data := editGLB(t, good, edit)
		var err error
		func() {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("panic: %v", p)
				}
			}()
			_, err = ReadCharacter(bytes.NewReader(data), nil)
		}()
		if !errors.Is(err, ErrNotGLTF) {
			t.Errorf("%s: %v, want a refusal", name, err)
		}
	}
	if _, err := ReadCharacter(bytes.NewReader(editGLB(t, good, func(map[string]any) {})), nil); err != nil {
		t.Errorf("the character itself, re-packed: %v", err)
	}
}
