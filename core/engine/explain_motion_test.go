package engine

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/movedata"
)

func TestMotionDataAndVRMARefusalsSayWhatTheFileLacks(t *testing.T) {
	_, err := movedata.Read(strings.NewReader(`{"cameras": []}`), "sync")
	if got := ExplainMotion(fmt.Errorf("read sync.json: %w", err)); !strings.Contains(got, "not Move's motion data") {
		t.Errorf("a JSON that is not motion data: %q", got)
	}
	var b bytes.Buffer
	if err := gltf.Write(&b, motion.DemoClip(1, 3)); err != nil {
		t.Fatal(err)
	}
	_, err = gltf.ReadVRMA(bytes.NewReader(b.Bytes()), int64(b.Len()), gltf.Options{Animation: -1})
	if got := ExplainMotion(fmt.Errorf("read a.vrma: %w", err)); !strings.Contains(got, "no VRM Animation humanoid table") {
		t.Errorf("a .vrma without its table: %q", got)
	}
}

// A file that does not read says whose it is and what to do, whole and
// first (a status line may cut the rest); the reader's reason is apart.
func TestABrokenMotionFileSaysWhatToDoFirst(t *testing.T) {
	_, err := bvh.Read(strings.NewReader("HIERARCHY\nROOT Hips\n{\n OFFSET 0 0 0\n CHANNELS 3 Xposition Yposition Zposition\n}\nMOTION\nFrames: 3\nFrame Time: 0.1\n0 0 0\n"), "broken")
	err = fmt.Errorf("read broken.bvh: %w", err)
	if got := ExplainMotion(err); got != "“broken.bvh” could not be read as motion: it may be damaged, cut short or not a motion file. Save it again from the program that made it, or choose another file." {
		t.Errorf("the app says %q", got)
	}
	if got := MotionDetails(err); !strings.Contains(got, "the file ends where") || strings.Contains(got, "broken.bvh") {
		t.Errorf("details: %q", got)
	}
	if got := ExplainMotionFile("in/broken.bvh", fmt.Errorf("export: %w", err)); !strings.HasPrefix(got, "“in/broken.bvh” could not be read as motion: it may be damaged, cut short or not a motion file; save it again from the program that made it, or choose another file (") || strings.Contains(got, "read broken.bvh") {
		t.Errorf("the terminal says %q", got)
	}
}
