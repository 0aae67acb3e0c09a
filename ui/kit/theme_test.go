package kit

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Every colour text is drawn in reads at 4.5:1 or more on every background
// it is drawn on, in both variants.
func TestTextReadsAtFourAndAHalfToOne(t *testing.T) {
	t.Parallel()
	th := readableTheme{theme.DefaultTheme()}
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
		theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameSuccess}
	grounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameDisabledButton, theme.ColorNameHeaderBackground}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, text := range texts {
			lowest := math.Inf(1)
			for _, ground := range grounds {
				r := Contrast(th.Color(text, v), th.Color(ground, v))
				if r < 4.5 {
					t.Errorf("variant %d: %s on %s reads at %.2f:1", v, text, ground, r)
				}
				lowest = min(lowest, r)
			}
			t.Logf("variant %d: %s at %.2f:1 or more", v, text, lowest)
		}
		// What shows a control is there (an unticked box, a field's
		// edge) stands out at 3:1 (WCAG 1.4.11).
		for _, ground := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			if r := Contrast(th.Color(theme.ColorNameInputBorder, v), th.Color(ground, v)); r < 3 {
				t.Errorf("variant %d: a checkbox's box on %s shows at %.2f:1", v, ground, r)
			}
		}
		if r := Contrast(th.Color(theme.ColorNameForegroundOnPrimary, v), th.Color(theme.ColorNamePrimary, v)); r < 4.5 {
			t.Errorf("variant %d: text on the primary colour reads at %.2f:1", v, r)
		}
	}
}
