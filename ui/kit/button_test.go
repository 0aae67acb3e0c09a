package kit

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// inVariant is a theme fixed to one variant, so a test can draw the dark
// one whatever the test app's settings say.
type inVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t inVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// Issue 23, item 4: focus is visible on every button, the blue ones (Start,
// Open folder) too, at 3:1 or more against what is drawn there without the
// focus, measured on the rendered pixels in the app's theme, light and
// dark.
func TestFocusShowsOnEveryButtonAtThreeToOne(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, imp := range []widget.Importance{widget.HighImportance, widget.MediumImportance, widget.LowImportance, widget.DangerImportance} {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(inVariant{Theme(), v})
			b := NewButton("Start", theme.UploadIcon(), func() {})
			b.Importance = imp
			w := test.NewTempWindow(t, container.NewCenter(b))
			w.Resize(fyne.NewSize(200, 100))
			before := w.Canvas().Capture()
			w.Canvas().Focus(b)
			after := w.Canvas().Capture()
			if !b.Focused() {
				t.Fatal("the button did not take the focus")
			}
			strong := 0
			bounds := after.Bounds()
			for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
				for x := bounds.Min.X; x < bounds.Max.X; x++ {
					if Contrast(opaque(before.At(x, y)), opaque(after.At(x, y))) >= 3 {
						strong++
					}
				}
			}
			// A ring one pixel wide around a button of about 80×36 is some
			// 200 pixels; fewer means no ring anyone would see.
			perimeter := 2 * (b.Size().Width + b.Size().Height)
			if float32(strong) < perimeter {
				t.Errorf("variant %d, importance %d: only %d pixels change by 3:1 or more on focus (ring of %.0f)", v, imp, strong, perimeter)
			}
			w.Canvas().Unfocus()
			if got := w.Canvas().Capture(); !sameImage(got, before) {
				t.Errorf("variant %d, importance %d: the ring stays after the focus left", v, imp)
			}
		}
	}
}

func opaque(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.RGBA64{R: uint16(r), G: uint16(g), B: uint16(b), A: 0xffff}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
