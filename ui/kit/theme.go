package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is Fyne's own theme with every colour that text is drawn in kept
// at 4.5:1 or more against the background it sits on (WCAG AA), in the
// light and the dark variant. Fyne's defaults fall short in a few places:
// disabled text (1.3:1 light, 1.6:1 dark), the light placeholder (3.2:1 on
// a field), the light warning, error and success colours (2.2:1, 3.7:1,
// 1.6:1 on white) and white on the default blue (4.47:1). The app sets it;
// the tests keep Fyne's test theme, so golden renders do not depend on it.
func Theme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

// The looks a user can choose in Settings (PrefLook): the system's, or
// always light, or always dark.
const (
	LookSystem = ""
	LookLight  = "light"
	LookDark   = "dark"
)

// ThemeFor is Theme in the look chosen: the system's variant, or always
// the light or the dark one.
func ThemeFor(look string) fyne.Theme {
	switch look {
	case LookLight:
		return fixedVariant{Theme(), theme.VariantLight}
	case LookDark:
		return fixedVariant{Theme(), theme.VariantDark}
	}
	return Theme()
}

// fixedVariant is a theme that draws one variant whatever the system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color is the theme's colour in the fixed variant.
func (t fixedVariant) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}

// readableColors replace the default colours that read too faintly, per
// variant; the comments give the lowest ratio against the backgrounds text
// is drawn on (window, header, field, disabled button), as the theme test
// measures them.
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameDisabled:    color.NRGBA{R: 0x5f, G: 0x5f, B: 0x5f, A: 0xff}, // 5.0:1 on a disabled button as drawn (#e6e6e6)
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}, // 4.8:1 or more
		theme.ColorNameWarning:     color.NRGBA{R: 0x9e, G: 0x50, B: 0x00, A: 0xff}, // 5.3:1 or more
		theme.ColorNameError:       color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}, // 5.1:1 or more
		theme.ColorNameSuccess:     color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, // 4.6:1 or more
		// The box of an unticked checkbox and a field's border: Fyne's
		// #e3e3e3 is 1.1:1 on white, so the Outputs read as plain text.
		theme.ColorNameInputBorder: color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff}, // 3.1:1 or more
	},
	theme.VariantDark: {
		theme.ColorNameDisabled: color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9c, A: 0xff}, // 5.2:1 or more
		theme.ColorNameError:    color.NRGBA{R: 0xff, G: 0x7b, B: 0x72, A: 0xff}, // 5.8:1 or more
		// Fyne's #39393a is 1.3:1 on the dark window.
		theme.ColorNameInputBorder: color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}, // 3.4:1 or more
	},
}

// defaultBlue is Fyne's default primary colour, under which white reads at
// 4.47:1 (Start, the demo banner); readableBlue is a shade darker, 5.1:1.
// Another primary colour the user chose is left alone.
var (
	defaultBlue  = color.NRGBA{R: 0x29, G: 0x6f, B: 0xf6, A: 0xff}
	readableBlue = color.NRGBA{R: 0x24, G: 0x66, B: 0xe8, A: 0xff}
)

// readableTheme is the theme the app had, with readableColors.
type readableTheme struct{ fyne.Theme }

// Color is the base theme's colour, unless it reads too faintly.
func (t readableTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if c, ok := readableColors[variant][name]; ok {
		return c
	}
	c := t.Theme.Color(name, variant)
	if name == theme.ColorNamePrimary && sameColor(c, defaultBlue) {
		return readableBlue
	}
	return c
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
