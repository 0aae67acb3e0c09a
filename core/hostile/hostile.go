// Package hostile makes crafted files that attack Singlecam's readers: ZIP
// bombs, MP4 boxes that lie about their sizes, glTF keys that ask for
// millions of frames, AVI lists past their file's
// end, motion data that asks for more frames than it holds, bone maps and
// job records larger than any real one. The readers' tests read each one
// and must refuse it (or read it) without a panic, within 5 s and within
// 256 MB (see hostile_test.go, which measures both); the fuzz targets take
// the small ones as seeds.
//
// The files are made, not kept: a ZIP bomb standing for gigabytes is a few
// megabytes of repeated deflate blocks, made in well under a second.
package hostile

// Kind says which reader a Case is for, and so how a test opens it.
type Kind int

const (
	Motion   Kind = iota // a motion file, read by load.Motion by its extension
	Video                // a video, read by media.Probe
	MoveFile             // a .move file, checked by media.CheckMove
	BoneMap              // a bone-map file, read by retarget.ReadMatch
	Manifest             // a job folder's manifest, read by outputs.Scan
	Journal              // a journal record, read by submit.Journal.Load
)

// Case is one crafted file.
type Case struct {
	Name string // what the file does, in a few words
	Kind Kind
	Ext  string // the file's extension, with its dot: which reader opens it
	// Small files are seeds for the fuzz targets; large ones (bombs) are not.
	Small bool
	Make  func() []byte
}

// All is every crafted case, each reader's in turn.
func All() []Case {
	var out []Case
	out = append(out, ZIPs()...)
	out = append(out, BVHs()...)
	out = append(out, MotionData()...)
	out = append(out, GLTFs()...)
	out = append(out, Videos()...)
	out = append(out, Others()...)
	return out
}

// Of is the cases of one kind whose file ends in ext ("" for any).
func Of(kind Kind, ext string) []Case {
	var out []Case
	for _, c := range All() {
		if c.Kind == kind && (ext == "" || c.Ext == ext) {
			out = append(out, c)
		}
	}
	return out
}

// maxSeedBytes bounds a fuzz seed: the fuzzer mutates whole inputs, and
// one of a megabyte slows every mutation of it.
const maxSeedBytes = 64 << 10

// Seeds are the small crafted files of one kind whose file ends in ext
// ("" for any), for a fuzz target's seed corpus.
func Seeds(kind Kind, ext string) [][]byte {
	var out [][]byte
	for _, c := range Of(kind, ext) {
		if !c.Small {
			continue
		}
		if data := c.Make(); len(data) <= maxSeedBytes {
			out = append(out, data)
		}
	}
	return out
}
