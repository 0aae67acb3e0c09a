package engine

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"singlecam/core/motion"
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
