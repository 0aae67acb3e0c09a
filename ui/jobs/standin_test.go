package jobs

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/joblist"
	"singlecam/core/outputs"
	"singlecam/core/ugc"
)

// In the demo a saved FBX is said to be a stand-in (the simulator writes a
// short text in its place); a GLB, which it makes for real, is not, and
// with a real key nothing is.
func TestTheDemosStandInFilesSaySo(t *testing.T) {
	v := newTestView(t)
	row := &joblist.Row{JobID: "job-1", Name: "Jump", Files: []outputs.Saved{
		{Format: "main_fbx", Path: "/x/Jump - main.fbx", Size: 196},
		{Format: "main_glb", Path: "/x/Jump - main.glb", Size: 52000},
	}}
	sizeOf := func(format string) string {
		line := v.outputLine(row, ugc.Output{Format: format}).(*fyne.Container)
		for _, o := range line.Objects {
			if l, ok := o.(*widget.Label); ok && !strings.Contains(l.Text, "Jump") {
				return l.Text
			}
		}
		return ""
	}
	for _, demo := range []bool{false, true} {
		v.host.Demo = func() bool { return demo }
		fbx, glb := sizeOf("main_fbx"), sizeOf("main_glb")
		if got := strings.Contains(fbx, "stand-in"); got != demo {
			t.Errorf("demo %v: the FBX's line says %q", demo, fbx)
		}
		if strings.Contains(glb, "stand-in") {
			t.Errorf("demo %v: the GLB's line says %q", demo, glb)
		}
	}
}
