package newtake

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// outputGroups are the outputs as a user thinks of them, in plain words.
var outputGroups = []struct {
	title   string
	outputs []ugc.OutputType
}{
	{"Videos", []ugc.OutputType{ugc.OutputRenderVideo, ugc.OutputRenderOverlayVideo}},
	{"Main character", []ugc.OutputType{ugc.OutputMainFBX, ugc.OutputMainGLB, ugc.OutputMainBlend, ugc.OutputMainUSDC, ugc.OutputMainUSDZ}},
	{"Every character", []ugc.OutputType{ugc.OutputAllFBX, ugc.OutputAllGLB, ugc.OutputAllBlend, ugc.OutputAllUSDC, ugc.OutputAllUSDZ, ugc.OutputAllBVH, ugc.OutputAllC3D}},
	{"Data", []ugc.OutputType{ugc.OutputMotionData, ugc.OutputSyncData}},
}

// outputLabels name each output within its group (the group's title says
// whose it is).
var outputLabels = map[ugc.OutputType]string{
	ugc.OutputRenderVideo:        "Render video",
	ugc.OutputRenderOverlayVideo: "Render with overlay",
	ugc.OutputMainFBX:            "FBX",
	ugc.OutputMainGLB:            "GLB (glTF)",
	ugc.OutputMainBlend:          "Blender",
	ugc.OutputMainUSDC:           "USDC",
	ugc.OutputMainUSDZ:           "USDZ",
	ugc.OutputAllFBX:             "FBX",
	ugc.OutputAllGLB:             "GLB (glTF)",
	ugc.OutputAllBlend:           "Blender",
	ugc.OutputAllUSDC:            "USDC",
	ugc.OutputAllUSDZ:            "USDZ",
	ugc.OutputAllBVH:             "BVH",
	ugc.OutputAllC3D:             "C3D markers",
	ugc.OutputMotionData:         "Motion data",
	ugc.OutputSyncData:           "Sync data",
}

// pickerDefaults are the outputs ticked at first and by Defaults: the
// service's own defaults plus the main character's GLB, which Singlecam's
// preview plays. Move prices a job by the second, not by the output, so the
// GLB costs nothing more.
var pickerDefaults = append(slices.Clone(ugc.DefaultOutputs), ugc.OutputMainGLB)

// outputHints say, under an output's box, why it is worth ticking.
var outputHints = map[ugc.OutputType]string{
	ugc.OutputMainGLB: "Needed to preview in Singlecam",
}

// OutputPicker is the grouped output checkboxes with Defaults, All, None.
type OutputPicker struct {
	content             fyne.CanvasObject
	Checks              map[ugc.OutputType]*kit.Check
	Hints               map[ugc.OutputType]*widget.Label
	Defaults, All, None *kit.Button
	onChange            func()
}

func newOutputPicker(onChange func(), reveal func(fyne.CanvasObject) func()) *OutputPicker {
	p := &OutputPicker{Checks: map[ugc.OutputType]*kit.Check{}, Hints: map[ugc.OutputType]*widget.Label{}, onChange: onChange}
	var groups []*fyne.Container
	for _, g := range outputGroups {
		box := container.NewVBox(widget.NewLabelWithStyle(g.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range g.outputs {
			check := kit.NewCheck(outputLabels[o], func(bool) { p.changed() })
			check.OnFocus = reveal(check)
			p.Checks[o] = check
			box.Add(check)
			if hint, ok := outputHints[o]; ok {
				p.Hints[o] = &widget.Label{Text: hint, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText,
					TextStyle: fyne.TextStyle{Italic: true}}
				// Under the box's words, close to them: it belongs to that box.
				box.Add(container.New(layout.NewCustomPaddedLayout(-3*theme.Padding(), 0, theme.IconInlineSize()+theme.Padding(), 0), p.Hints[o]))
			}
		}
		groups = append(groups, box)
	}
	p.Defaults = kit.NewButton("Defaults", nil, func() { p.Set(pickerDefaults) })
	p.All = kit.NewButton("All", nil, func() { p.Set(ugc.AllOutputTypes) })
	p.None = kit.NewButton("None", nil, func() { p.Set(nil) })
	for _, b := range []*kit.Button{p.Defaults, p.All, p.None} {
		b.OnFocus = reveal(b)
	}
	buttons := container.NewHBox(p.Defaults, p.All, p.None)
	// Three columns: videos above data, the main character, every character.
	columns := container.NewGridWithColumns(3, container.NewVBox(groups[0], groups[3]), groups[1], groups[2])
	p.content = container.NewVBox(columns, buttons)
	p.Set(pickerDefaults)
	return p
}

// Set ticks exactly the given outputs.
func (p *OutputPicker) Set(outputs []ugc.OutputType) {
	hold := p.onChange
	p.onChange = nil // one change for the whole set, not one per box
	for o, c := range p.Checks {
		c.SetChecked(slices.Contains(outputs, o))
	}
	p.onChange = hold
	p.changed()
}

// Chosen lists the ticked outputs in a stable order.
func (p *OutputPicker) Chosen() []ugc.OutputType {
	var out []ugc.OutputType
	for _, o := range ugc.AllOutputTypes {
		if p.Checks[o].Checked {
			out = append(out, o)
		}
	}
	return out
}

func (p *OutputPicker) changed() {
	if p.onChange != nil {
		p.onChange()
	}
}
