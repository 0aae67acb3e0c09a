package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

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
				r := contrast(th.Color(text, v), th.Color(ground, v))
				if r < 4.5 {
					t.Errorf("variant %d: %s on %s reads at %.2f:1", v, text, ground, r)
				}
				lowest = min(lowest, r)
			}
			t.Logf("variant %d: %s at %.2f:1 or more", v, text, lowest)
		}
		if r := contrast(th.Color(theme.ColorNameForegroundOnPrimary, v), th.Color(theme.ColorNamePrimary, v)); r < 4.5 {
			t.Errorf("variant %d: text on the primary colour reads at %.2f:1", v, r)
		}
	}
}

// A job's phase chip reads at 4.5:1 or more, in both variants.
func TestPhaseChipsRead(t *testing.T) {
	t.Parallel()
	th := readableTheme{theme.DefaultTheme()}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for phase, chip := range phaseColors {
			if r := contrast(th.Color(onColors[chip], v), th.Color(chip, v)); r < 4.5 {
				t.Errorf("variant %d: the %v chip reads at %.2f:1", v, phase, r)
			}
		}
	}
}
