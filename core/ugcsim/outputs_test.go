package ugcsim

import "testing"

// The formats the simulator cannot make are said to be stand-ins, in either
// case the API spells an output type; the real files are not.
func TestStandInsAreThePlaceholders(t *testing.T) {
	for _, c := range []struct {
		output string
		want   bool
	}{{"MAIN_FBX", true}, {"main_blend", true}, {"ALL_C3D", true}, {"MAIN_GLB", false}, {"motion_data", false}, {"RENDER_VIDEO", false}, {"NOT_A_TYPE", false}} {
		if got := StandIn(c.output); got != c.want {
			t.Errorf("StandIn(%q) = %v, want %v", c.output, got, c.want)
		}
	}
}
