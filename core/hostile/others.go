package hostile

import (
	"bytes"
	"strings"
)

// Others are a .move file, bone maps, job manifests and journal records
// larger or deeper than any real one.
func Others() []Case {
	return []Case{
		{Name: "move: 64 MB of zeros", Kind: MoveFile, Ext: ".move", Make: func() []byte { return make([]byte, 64<<20) }},
		{Name: "move: one byte", Kind: MoveFile, Ext: ".move", Small: true, Make: func() []byte { return []byte{0} }},
		{Name: "map: 8 million empty pairs", Kind: BoneMap, Ext: ".json", Make: func() []byte {
			return []byte(`{"pairs":[` + strings.Repeat("{},", 8_000_000) + `{}]}`)
		}},
		{Name: "map: a bone name of 15 MB", Kind: BoneMap, Ext: ".json", Make: func() []byte {
			return []byte(`{"pairs":[{"bone":"` + strings.Repeat("a", 15<<20) + `","motion":"b"}]}`)
		}},
		{Name: "manifest: 64 MB", Kind: Manifest, Ext: ".json", Make: func() []byte {
			return []byte(`{"jobId":"j","name":"` + strings.Repeat("a", 64<<20) + `"}`)
		}},
		{Name: "manifest: nested 100,000 deep", Kind: Manifest, Ext: ".json", Small: true, Make: func() []byte {
			return []byte(`{"jobId":"j","x":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}`)
		}},
		{Name: "journal: 64 MB record", Kind: Journal, Ext: ".json", Make: func() []byte {
			return append([]byte(`{"id":"r","x":"`), bytes.Repeat([]byte("a"), 64<<20)...)
		}},
		{Name: "journal: nested 100,000 deep", Kind: Journal, Ext: ".json", Small: true, Make: func() []byte {
			return []byte(`{"id":"r","x":` + strings.Repeat("{\"a\":", 100_000) + "0" + strings.Repeat("}", 100_000) + `}`)
		}},
	}
}
