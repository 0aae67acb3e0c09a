package newtake

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/ugc"
)

func TestGLBIsTickedByDefaultAndSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	p := newOutputPicker(nil, func(fyne.CanvasObject) func() { return nil })
	if !p.Checks[ugc.OutputMainGLB].Checked {
		t.Error("the main character's GLB is not ticked at first")
	}
	for _, o := range ugc.DefaultOutputs {
		if !p.Checks[o].Checked {
			t.Errorf("%s, one of the service's defaults, is not ticked", o)
		}
	}
	if h := p.Hints[ugc.OutputMainGLB]; h == nil || h.Text != "Needed to preview in Singlecam" {
		t.Errorf("no word why GLB is ticked: %+v", h)
	}
	test.Tap(p.None)
	test.Tap(p.Defaults)
	if !p.Checks[ugc.OutputMainGLB].Checked || p.Checks[ugc.OutputAllGLB].Checked {
		t.Error("Defaults does not tick the main GLB alone")
	}
}
