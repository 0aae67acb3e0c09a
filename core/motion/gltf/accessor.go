package gltf

import (
	"encoding/binary"
	"math"

	"github.com/qmuntal/gltf"
)

// maxAccessorValues bounds one accessor's decoded numbers (a 10-minute,
// 240 fps rotation track is 576,000).
const maxAccessorValues = 64 << 20

// floats decodes accessor i as float64s, components per element in a row,
// checking its type against want. Normalized integer components (allowed for
// rotations) become their [-1, 1] or [0, 1] values.
func (s *source) floats(i int, want gltf.AccessorType, dst []float64) ([]float64, error) {
	if i < 0 || i >= len(s.doc.Accessors) || s.doc.Accessors[i] == nil {
		return nil, bad("accessor %d does not exist", i)
	}
	a := s.doc.Accessors[i]
	if a.Type != want {
		return nil, bad("accessor %d holds %s values where %s are needed", i, a.Type, want)
	}
	if a.Sparse != nil {
		return nil, bad("accessor %d is sparse, which animations here do not support", i)
	}
	comps := a.Type.Components()
	if a.Count < 0 || a.Count > maxAccessorValues/max(1, comps) {
		return nil, bad("accessor %d has %d elements", i, a.Count)
	}
	size := a.ComponentType.ByteSize()
	if a.ComponentType == gltf.ComponentUint || (a.ComponentType != gltf.ComponentFloat && !a.Normalized) {
		return nil, bad("accessor %d's %s components are not floats or normalized integers", i, a.ComponentType)
	}
	n := a.Count * comps
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	if a.BufferView == nil {
		clear(dst) // glTF: an accessor without a view holds zeros
		return dst, nil
	}
	data, stride, err := s.view(*a.BufferView)
	if err != nil {
		return nil, err
	}
	elem := size * comps
	if stride == 0 {
		stride = elem
	}
	if stride < elem {
		return nil, bad("accessor %d's stride %d is shorter than its elements", i, stride)
	}
	if a.ByteOffset < 0 || (a.Count > 0 && a.ByteOffset+stride*(a.Count-1)+elem > len(data)) {
		return nil, bad("accessor %d runs past the end of its buffer view", i)
	}
	for e := range a.Count {
		base := a.ByteOffset + e*stride
		for c := range comps {
			off := base + c*size
			var v float64
			switch a.ComponentType {
			case gltf.ComponentFloat:
				v = float64(math.Float32frombits(binary.LittleEndian.Uint32(data[off:])))
			case gltf.ComponentByte:
				v = math.Max(float64(int8(data[off]))/127, -1)
			case gltf.ComponentUbyte:
				v = float64(data[off]) / 255
			case gltf.ComponentShort:
				v = math.Max(float64(int16(binary.LittleEndian.Uint16(data[off:])))/32767, -1)
			case gltf.ComponentUshort:
				v = float64(binary.LittleEndian.Uint16(data[off:])) / 65535
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad("accessor %d holds a value that is not a number", i)
			}
			dst[e*comps+c] = v
		}
	}
	return dst, nil
}
