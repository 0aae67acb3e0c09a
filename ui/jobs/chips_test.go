package jobs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"singlecam/ui/kit"
)

// A job's phase chip reads at 4.5:1 or more, in both variants.
func TestPhaseChipsRead(t *testing.T) {
	t.Parallel()
	th := kit.Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for phase, chip := range phaseColors {
			if r := kit.Contrast(th.Color(onColors[chip], v), th.Color(chip, v)); r < 4.5 {
				t.Errorf("variant %d: the %v chip reads at %.2f:1", v, phase, r)
			}
		}
	}
}
