package jobs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"singlecam/ui/kit"
)

// A job's phase dot stands out at 3:1 or more against the window, in both
// variants (its word is in the text colour).
func TestPhaseDotsShow(t *testing.T) {
	t.Parallel()
	th := kit.Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for phase, dot := range phaseColors {
			if r := kit.Contrast(th.Color(dot, v), th.Color(theme.ColorNameBackground, v)); r < 3 {
				t.Errorf("variant %d: the %v dot shows at %.2f:1", v, phase, r)
			}
		}
	}
}
