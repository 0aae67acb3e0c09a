package hostile

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// gltfHead is a one-joint skin that the crafted animations below move.
const gltfHead = `{"asset":{"version":"2.0"},"nodes":[{"name":"hips"}],"skins":[{"joints":[0]}],`

// floatURI is a buffer of float32s as a data URI, with its length.
func floatURI(vals ...float64) string {
	var b []byte
	for _, v := range vals {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(v)))
	}
	return fmt.Sprintf(`{"byteLength":%d,"uri":"data:application/octet-stream;base64,%s"}`, len(b), base64.StdEncoding.EncodeToString(b))
}

// oneChannel is a .gltf whose one animation turns the joint by sampler 0
// (input accessor 0, output accessor 1).
func oneChannel(buffers, views, accessors string) []byte {
	return []byte(gltfHead + `"buffers":[` + buffers + `],"bufferViews":` + views + `,"accessors":` + accessors +
		`,"animations":[{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}]}`)
}

// GLTFs are .gltf files whose accessors and keys ask for more than the
// file holds (core/motion/gltf's own tests hold more, GLBs among them).
func GLTFs() []Case {
	gltf := func(name string, make func() []byte) Case {
		return Case{Name: name, Kind: Motion, Ext: ".gltf", Small: true, Make: make}
	}
	return []Case{
		// 582 bytes once allocated 4 GiB over 6.5 s (issue 24).
		gltf("gltf: eight animations of view-less accessors", func() []byte {
			anim := `{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}`
			return []byte(gltfHead + `"accessors":[{"componentType":5126,"count":67108864,"type":"SCALAR"},` +
				`{"componentType":5126,"count":16777216,"type":"VEC4"}],"animations":[` + strings.Repeat(anim+",", 7) + anim + `]}`)
		}),
		// Three keys, one gap of 1/240 s, the last at 8000 s: 1.9 million
		// frames asked of 36 bytes of keys.
		gltf("gltf: three keys asking for 1.9 million frames", func() []byte {
			return oneChannel(floatURI(0, 1.0/240, 8000, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1),
				`[{"buffer":0,"byteLength":12},{"buffer":0,"byteOffset":12,"byteLength":48}]`,
				`[{"bufferView":0,"componentType":5126,"count":3,"type":"SCALAR"},{"bufferView":1,"componentType":5126,"count":3,"type":"VEC4"}]`)
		}),
		gltf("gltf: a buffer view whose end wraps", func() []byte {
			return oneChannel(floatURI(0, 1, 0, 0, 0, 1, 0, 0, 0, 1),
				`[{"buffer":0,"byteOffset":9223372036854775807,"byteLength":9223372036854775807}]`,
				`[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`)
		}),
		gltf("gltf: an accessor offset near 2^63", func() []byte {
			return oneChannel(floatURI(0, 1, 0, 0, 0, 1, 0, 0, 0, 1),
				`[{"buffer":0,"byteLength":40}]`,
				`[{"bufferView":0,"byteOffset":9223372036854775805,"componentType":5126,"count":2,"type":"SCALAR"},{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`)
		}),
		gltf("gltf: a buffer file outside its folder", func() []byte {
			return oneChannel(`{"byteLength":40,"uri":"../../../etc/passwd"}`, `[{"buffer":0,"byteLength":40}]`,
				`[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}]`)
		}),
	}
}
