package gltf

import (
	"github.com/qmuntal/gltf"
)

// checkLayout checks what a character's file says about its own bytes, as
// the Khronos validator does, before Singlecam writes it back: every buffer
// view within its buffer, every accessor's elements within its view (and a
// count its bytes can hold), every sparse part within its views. A file
// that fails is refused instead of copied into a GLB that tools reject or
// that makes them allocate by a crafted count. All arithmetic is done on
// int64 with each term bounded first, so no sum wraps.
func checkLayout(doc *gltf.Document) error {
	for i, b := range doc.Buffers {
		if b == nil || b.ByteLength < 1 || int64(len(b.Data)) < int64(b.ByteLength) {
			return bad("buffer %d does not hold the bytes it declares", i)
		}
	}
	for i, bv := range doc.BufferViews {
		switch {
		case bv == nil:
			return bad("buffer view %d is null", i)
		case bv.Buffer < 0 || bv.Buffer >= len(doc.Buffers):
			return bad("buffer view %d points at buffer %d, which does not exist", i, bv.Buffer)
		case bv.ByteLength < 1 || !fits(int64(bv.ByteOffset), int64(bv.ByteLength), int64(doc.Buffers[bv.Buffer].ByteLength)):
			return bad("buffer view %d runs past the end of its buffer", i)
		case bv.ByteStride != 0 && (bv.ByteStride < 4 || bv.ByteStride > 252 || bv.ByteStride%4 != 0):
			return bad("buffer view %d has a stride of %d bytes", i, bv.ByteStride)
		}
	}
	for i, a := range doc.Accessors {
		if a == nil {
			return bad("accessor %d is null", i)
		}
		size, comps := int64(a.ComponentType.ByteSize()), int64(a.Type.Components())
		if size == 0 || comps == 0 {
			return bad("accessor %d has an unknown component type or type", i)
		}
		elem := elementBytes(a.ComponentType, a.Type)
		if a.Count < 1 || int64(a.Count) > maxCharacterBytes {
			return bad("accessor %d has %d elements", i, a.Count)
		}
		if a.BufferView != nil {
			if err := checkSpan(doc, *a.BufferView, int64(a.ByteOffset), int64(a.Count), elem, size); err != nil {
				return bad("accessor %d: %v", i, err)
			}
		}
		if sp := a.Sparse; sp != nil {
			if sp.Count < 1 || sp.Count > a.Count {
				return bad("accessor %d has %d sparse elements of %d", i, sp.Count, a.Count)
			}
			isize := int64(sp.Indices.ComponentType.ByteSize())
			if isize == 0 || sp.Indices.ComponentType == gltf.ComponentFloat {
				return bad("accessor %d's sparse indices have an unknown type", i)
			}
			if err := checkSpan(doc, sp.Indices.BufferView, int64(sp.Indices.ByteOffset), int64(sp.Count), isize, isize); err != nil {
				return bad("accessor %d's sparse indices: %v", i, err)
			}
			if err := checkSpan(doc, sp.Values.BufferView, int64(sp.Values.ByteOffset), int64(sp.Count), elem, size); err != nil {
				return bad("accessor %d's sparse values: %v", i, err)
			}
		}
	}
	return nil
}

// checkSpan checks count elements of elem bytes from offset off in view v,
// each aligned to align.
func checkSpan(doc *gltf.Document, v int, off, count, elem, align int64) error {
	if v < 0 || v >= len(doc.BufferViews) {
		return bad("buffer view %d does not exist", v)
	}
	bv := doc.BufferViews[v]
	length := int64(bv.ByteLength) // checked above: within a buffer of at most maxCharacterBytes
	stride := int64(bv.ByteStride)
	if stride == 0 {
		stride = elem
	}
	switch {
	case off < 0 || off > length || off%align != 0 || (int64(bv.ByteOffset)+off)%align != 0:
		return bad("offset %d is outside its view or not aligned", off)
	case stride < elem:
		return bad("its view's stride (%d) is shorter than an element (%d bytes)", stride, elem)
	case count > length: // every element takes a byte at least; bounds the product below
		return bad("%d elements in a view of %d bytes", count, length)
	case !fits(off, stride*(count-1)+elem, length):
		return bad("%d elements run past the end of view %d", count, v)
	}
	return nil
}

// elementBytes is an element's size in bytes, with the padding glTF puts
// after each column of a small matrix (columns start on 4-byte boundaries).
func elementBytes(c gltf.ComponentType, t gltf.AccessorType) int64 {
	size, comps := int64(c.ByteSize()), int64(t.Components())
	switch {
	case t == gltf.AccessorMat2 && size == 1:
		return 8
	case t == gltf.AccessorMat3 && size == 1:
		return 12
	case t == gltf.AccessorMat3 && size == 2:
		return 24
	}
	return size * comps
}
