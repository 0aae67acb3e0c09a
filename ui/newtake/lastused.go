package newtake

import (
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/kit"
)

// The batch settings of the last Start are offered again, in this run and
// the next: an animator's outputs and options rarely change between takes.
// The clip window, the job name and the .move file belong to one video and
// are never carried over. "Ignore limits" is not kept either: it is a
// choice for one take, not a habit.
const (
	prefLastOutputs     = "lastOutputs"     // string list of output types
	prefLastOptions     = "lastOptions"     // string list: "fingers", "floor", "ball"
	prefLastModel       = "lastModel"       // as shown in the model choice
	prefLastDeviceLabel = "lastDeviceLabel" // the device label
)

// saveLastUsed keeps the batch settings as they are now.
func (p *Panel) saveLastUsed() {
	var outputs []string
	for _, o := range p.Outputs.Chosen() {
		outputs = append(outputs, string(o))
	}
	p.prefs.SetStringList(prefLastOutputs, outputs)
	var options []string
	for name, c := range p.optionChecks() {
		if c.Checked {
			options = append(options, name)
		}
	}
	p.prefs.SetStringList(prefLastOptions, options)
	p.prefs.SetString(prefLastModel, p.Model.Selected)
	p.prefs.SetString(prefLastDeviceLabel, p.Label.Text)
}

// loadLastUsed sets the batch settings to the last used, where there are
// any; the first time, the defaults stay.
func (p *Panel) loadLastUsed() {
	if outputs := p.prefs.StringList(prefLastOutputs); len(outputs) > 0 {
		var chosen []ugc.OutputType
		for _, o := range outputs {
			chosen = append(chosen, ugc.OutputType(o))
		}
		p.Outputs.Set(chosen)
	}
	for _, name := range p.prefs.StringList(prefLastOptions) {
		if c, ok := p.optionChecks()[name]; ok {
			c.SetChecked(true)
		}
	}
	if m := p.prefs.String(prefLastModel); m == ModelS1 || m == ModelS2 {
		p.Model.SetSelected(m)
	}
	if l := p.prefs.String(prefLastDeviceLabel); submit.ValidDeviceLabel(l) {
		p.Label.SetText(l)
	}
}

func (p *Panel) optionChecks() map[string]*kit.Check {
	return map[string]*kit.Check{"fingers": p.Fingers, "floor": p.Floor, "ball": p.Ball}
}
