package engine

import (
	"errors"
	"io/fs"
	"strings"

	"singlecam/core/motion/gltf"
	"singlecam/core/motion/load"
	"singlecam/core/motion/movedata"
	"singlecam/core/words"
)

// ExplainMotion says in one sentence why a motion file did not open, and
// what to do instead: the player's, the terminal's and the character
// window's words, written once.
func ExplainMotion(err error) string {
	switch {
	case errors.Is(err, load.ErrUnknownFormat):
		return "Singlecam plays GLB, glTF, VRM, VRM Animation (.vrma) and BVH files, Move's motion data (.json), and ZIPs of BVH or motion data files: open one of those."
	case errors.Is(err, movedata.ErrNotMotionData):
		return "That JSON file is not Move's motion data (a mocap_data list of frames with joint positions): open a job's MOTION_DATA file, or another motion file."
	case errors.Is(err, gltf.ErrNotVRMA):
		return "That .vrma file has no VRM Animation humanoid table (VRMC_vrm_animation), so its bones have no roles: rename it .glb to play it as a plain glTF file."
	case errors.Is(err, fs.ErrNotExist):
		return "There is no motion file there (moved, renamed, or a name mistyped): check its name, or choose another file."
	case errors.Is(err, fs.ErrPermission):
		return "Singlecam may not read that motion file: check its permissions, or copy it somewhere of yours."
	}
	name := "That file"
	if n := readName(err); n != "" {
		name = words.Quote(n)
	}
	// What to do comes first and whole: a status line may cut what
	// follows. The reader's own reason is MotionDetails, for a Details
	// button.
	return name + " could not be read as motion: it may be damaged, cut short or not a motion file. Save it again from the program that made it, or choose another file."
}

// MotionDetails is the reader's own reason a motion file did not open
// ("not a usable BVH file: line 189: the file ends where…"), without the
// steps that only name the file: for a Details button beside
// ExplainMotion's sentence.
func MotionDetails(err error) string {
	return readerReason(readName(err), err)
}

// readName is the file's name as the reader wrapped it ("read walk.bvh:
// …", the one form load gives every reader's error), or "".
func readName(err error) string {
	msg := err.Error()
	for _, step := range []string{"export: ", "open motion: "} {
		msg = strings.TrimPrefix(msg, step)
	}
	if rest, ok := strings.CutPrefix(msg, "read "); ok {
		if name, _, ok := strings.Cut(rest, ": "); ok && !strings.ContainsAny(name, `/\`) {
			return name
		}
	}
	return ""
}

// ExplainMotionFile is ExplainMotion for a file the user named (the
// terminal's words): the sentence names the file as it was typed, says
// "there is no such file" for a typo, and gives the reader's reason once,
// without the "read walk.bvh:" steps it was wrapped in on its way up.
func ExplainMotionFile(path string, err error) string {
	name := words.Quote(path)
	switch {
	case errors.Is(err, load.ErrUnknownFormat):
		return "Singlecam reads GLB, glTF, VRM, VRM Animation (.vrma) and BVH files, Move's motion data (.json), and ZIPs of BVH or motion data files, not " + name + ": choose one of those."
	case errors.Is(err, fs.ErrNotExist):
		return "There is no file " + name + ": check its name and folder."
	case errors.Is(err, fs.ErrPermission):
		return "Singlecam may not read " + name + ": check its permissions, or copy it somewhere of yours."
	case errors.Is(err, movedata.ErrNotMotionData), errors.Is(err, gltf.ErrNotVRMA):
		return ExplainMotion(err)
	}
	return name + " could not be read as motion: it may be damaged, cut short or not a motion file; save it again from the program that made it, or choose another file (" + readerReason(path, err) + ")."
}

// readerReason is err's message without the steps that only name the file
// again ("export: read walk.bvh: not a usable BVH file…" → "not a usable
// BVH file…"): the sentence around it names the file once.
func readerReason(path string, err error) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	steps := []string{"export: ", "open motion: "}
	if base != "" {
		steps = append(steps, "read "+base+": ", "open "+base+": ", base+": ", path+": ")
	}
	msg := err.Error()
	for {
		before := msg
		for _, s := range steps {
			msg = strings.TrimPrefix(msg, s)
		}
		if msg == before {
			return msg
		}
	}
}
