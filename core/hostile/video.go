package hostile

import (
	"bytes"
	"encoding/binary"
)

// box is an ISO BMFF box with a 32-bit size.
func box(typ string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(out, typ...), body...)
}

// boxSized is a box whose header declares size (1 for a 64-bit size,
// given as large) whatever its payload.
func boxSized(typ string, size uint32, large uint64, payload []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, size)
	out = append(out, typ...)
	if size == 1 {
		out = binary.BigEndian.AppendUint64(out, large)
	}
	return append(out, payload...)
}

// fullBox is a box with a version and flags (zero) before its fields.
func fullBox(typ string, fields ...[]byte) []byte {
	return box(typ, append([]byte{0, 0, 0, 0}, bytes.Join(fields, nil)...))
}

func u32(v ...uint32) []byte {
	var out []byte
	for _, x := range v {
		out = binary.BigEndian.AppendUint32(out, x)
	}
	return out
}

var ftyp = box("ftyp", []byte("isom"), u32(0), []byte("isomavc1"))

// nested is depth boxes of typ inside one another, around inner.
func nested(typ string, depth int, inner []byte) []byte {
	// Written from the outside in: the box at level i holds the
	// depth-i-1 boxes inside it and inner.
	out := make([]byte, 0, 8*depth+len(inner))
	for i := range depth {
		out = binary.BigEndian.AppendUint32(out, uint32(8*(depth-i)+len(inner)))
		out = append(out, typ...)
	}
	return append(out, inner...)
}

// riff is a RIFF chunk.
func riff(id string, size uint32, body []byte) []byte {
	out := append([]byte(id), binary.LittleEndian.AppendUint32(nil, size)...)
	return append(out, body...)
}

// Videos are MP4, MOV and AVI files whose boxes and chunks lie about their
// sizes, nest without end or count more entries than they hold.
func Videos() []Case {
	mp4 := func(name string, small bool, make func() []byte) Case {
		return Case{Name: name, Kind: Video, Ext: ".mp4", Small: small, Make: make}
	}
	avi := func(name string, make func() []byte) Case {
		return Case{Name: name, Kind: Video, Ext: ".avi", Small: true, Make: make}
	}
	stts := func(count uint32, entries int) []byte {
		e := make([]byte, 8*entries)
		for i := range entries {
			binary.BigEndian.PutUint32(e[8*i:], 1)
			binary.BigEndian.PutUint32(e[8*i+4:], 1000)
		}
		return fullBox("stts", u32(count), e)
	}
	trak := func(inner ...[]byte) []byte {
		return box("trak", box("mdia", fullBox("hdlr", u32(0), []byte("vide"), make([]byte, 13)),
			box("minf", box("stbl", inner...))))
	}
	return []Case{
		mp4("mp4: a box of size 0 (to the end) inside moov", true, func() []byte {
			return append(ftyp, box("moov", boxSized("trak", 0, 0, box("mdia")))...)
		}),
		mp4("mp4: 64-bit size of 2^64-1", true, func() []byte {
			return append(ftyp, boxSized("moov", 1, ^uint64(0), box("trak"))...)
		}),
		mp4("mp4: 64-bit size wrapping to the start", true, func() []byte {
			return append(ftyp, boxSized("moov", 1, -uint64(len(ftyp)), box("trak"))...)
		}),
		mp4("mp4: sizes smaller than their headers", true, func() []byte {
			return append(ftyp, boxSized("moov", 4, 0, boxSized("trak", 1, 3, nil))...)
		}),
		mp4("mp4: moov 1 GB long in a small file", true, func() []byte {
			return append(ftyp, boxSized("moov", 1<<30, 0, box("trak"))...)
		}),
		mp4("mp4: stts counting 2^32-1 entries, holding one", true, func() []byte {
			return append(ftyp, box("moov", trak(stts(1<<32-1, 1)))...)
		}),
		mp4("mp4: stts of 4 million entries", false, func() []byte {
			return append(ftyp, box("moov", trak(stts(4_000_000, 4_000_000)))...)
		}),
		mp4("mp4: stsz counting 2^32-1 samples", true, func() []byte {
			return append(ftyp, box("moov", trak(fullBox("stsz", u32(0, 1<<32-1, 7))))...)
		}),
		mp4("mp4: trak inside trak 1,000,000 deep", false, func() []byte {
			return append(ftyp, box("moov", nested("trak", 1_000_000, nil))...)
		}),
		mp4("mp4: 1,000,000 traks", false, func() []byte {
			return append(ftyp, box("moov", bytes.Repeat(box("trak"), 1_000_000))...)
		}),
		mp4("mp4: 2,000,000 free boxes", false, func() []byte {
			return append(ftyp, bytes.Repeat(box("free"), 2_000_000)...)
		}),
		avi("avi: RIFF and hdrl sizes past the end", func() []byte {
			return riff("RIFF", 1<<32-1, append([]byte("AVI "), riff("LIST", 1<<32-1, []byte("hdrl"))...))
		}),
		avi("avi: 100,000 stream lists", func() []byte {
			strl := riff("LIST", 4, []byte("strl"))
			hdrl := append([]byte("hdrl"), bytes.Repeat(strl, 100_000)...)
			return riff("RIFF", uint32(4+8+len(hdrl)), append([]byte("AVI "), riff("LIST", uint32(len(hdrl)), hdrl)...))
		}),
		avi("avi: a chunk whose size wraps", func() []byte {
			hdrl := append([]byte("hdrl"), riff("LIST", 1<<32-8, []byte("strl"))...)
			return riff("RIFF", uint32(4+8+len(hdrl)), append([]byte("AVI "), riff("LIST", uint32(len(hdrl)), hdrl)...))
		}),
	}
}
