package gltf

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/qmuntal/gltf"
)

// maxAccessorValues bounds one accessor's decoded numbers: a 10-minute,
// 240 fps rotation track is 2,304,000 (576,000 keys of 4), three times
// that as a CUBICSPLINE. At 8 bytes each once decoded (and up to 4 as
// read), with the key times and the sampled clip (maxSampledPoses) beside
// them, a read stays within 256 MB; 64 Mi values took 768 MB.
const maxAccessorValues = 8 << 20

// maxOffset bounds an accessor's byte offset within its view: far above any
// real file, and low enough that offset arithmetic never wraps.
const maxOffset = 1 << 40

// layout is where an accessor's elements lie: checked, so decoding it
// cannot index outside the bytes read.
type layout struct {
	acc         *gltf.Accessor
	comps, size int // components per element, bytes per component
	stride      int // bytes from one element to the next
}

// accessor checks accessor i against want and the bytes its view holds,
// with overflow-safe arithmetic, before anything is allocated for it.
func (s *source) accessor(i int, want gltf.AccessorType) (*layout, error) {
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
	if a.ComponentType == gltf.ComponentUint || (a.ComponentType != gltf.ComponentFloat && !a.Normalized) {
		return nil, bad("accessor %d's %s components are not floats or normalized integers", i, a.ComponentType)
	}
	l := &layout{acc: a, comps: comps, size: a.ComponentType.ByteSize()}
	l.stride = l.size * comps
	if a.BufferView == nil {
		// glTF: an accessor without a view holds zeros. Such zeros take no
		// bytes, so a few hundred bytes could claim gigabytes of them: no
		// more elements than the file has bytes.
		if int64(a.Count) > s.size {
			return nil, bad("accessor %d claims %d elements and has no data", i, a.Count)
		}
		return l, nil
	}
	stride, err := s.viewStride(*a.BufferView)
	if err != nil {
		return nil, err
	}
	if stride != 0 {
		if stride < l.stride {
			return nil, bad("accessor %d's stride %d is shorter than its elements", i, stride)
		}
		l.stride = stride
	}
	if a.ByteOffset < 0 || a.ByteOffset > maxOffset {
		return nil, bad("accessor %d has an offset of %d bytes", i, a.ByteOffset)
	}
	return l, nil
}

// floats decodes accessor i as float64s, components per element in a row,
// checking its type against want. Normalized integer components (allowed for
// rotations) become their [-1, 1] or [0, 1] values.
func (s *source) floats(i int, want gltf.AccessorType, dst []float64) ([]float64, error) {
	l, err := s.accessor(i, want)
	if err != nil {
		return nil, err
	}
	return s.decode(i, l, 0, l.acc.Count, dst)
}

// endFloats decodes only the first and last elements of scalar accessor
// i (0 when it has none).
func (s *source) endFloats(i int) (first, last float64, err error) {
	l, err := s.accessor(i, gltf.AccessorScalar)
	if err != nil || l.acc.Count == 0 {
		return 0, 0, err
	}
	v, err := s.decode(i, l, 0, 1, nil)
	if err != nil {
		return 0, 0, err
	}
	first = v[0]
	if v, err = s.decode(i, l, l.acc.Count-1, 1, v); err != nil {
		return 0, 0, err
	}
	return first, v[0], nil
}

// decode reads elements [first, first+n) of accessor i laid out as l,
// reading only their bytes.
func (s *source) decode(i int, l *layout, first, n int, dst []float64) ([]float64, error) {
	a := l.acc
	values := n * l.comps // at most maxAccessorValues
	if cap(dst) < values {
		dst = make([]float64, values)
	}
	dst = dst[:values]
	if a.BufferView == nil || n == 0 {
		clear(dst)
		return dst, nil
	}
	// Each term is at most 252 × 2^26 (stride × count) or maxOffset: their
	// sums cannot wrap.
	elem := int64(l.size * l.comps)
	span := int64(l.stride)*int64(n-1) + elem
	start := int64(a.ByteOffset) + int64(l.stride)*int64(first)
	data, _, err := s.viewBytes(*a.BufferView, start, span)
	if err != nil {
		return nil, fmt.Errorf("accessor %d: %w", i, err)
	}
	for e := range n {
		base := e * l.stride
		for c := range l.comps {
			off := base + c*l.size
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
			dst[e*l.comps+c] = v
		}
	}
	return dst, nil
}
