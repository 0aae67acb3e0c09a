package settings

import (
	"image/color"
	"singlecam/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The folder label breaks anywhere (a path has no spaces to break at), so a
// sentence on the path's line was cut mid-word, its next line starting with
// a space: the path has its line, the demo's note the next.
func TestTheDownloadFolderHasALineOfItsOwn(t *testing.T) {
	const dir = "/home/me/Downloads/Singlecam"
	for _, demo := range []bool{false, true} {
		lines := strings.Split(downloadFolderText(dir, demo), "\n")
		if lines[0] != dir {
			t.Errorf("demo %v: first line %q, want the folder alone", demo, lines[0])
		}
		if demo && (len(lines) != 2 || !strings.Contains(lines[1], "Demo folder")) {
			t.Errorf("demo: lines %q, want the folder then where the demo's jobs go", lines)
		}
	}
}

// Tester 2: the look is chosen in Settings, not only through FYNE_THEME:
// Dark makes the app dark at once and is kept for the next start.
func TestTheLookIsChosenInSettings(t *testing.T) {
	a := test.NewTempApp(t)
	m := New(Host{App: a})
	m.lookSetting()
	if m.Look.Selected != "As the system" {
		t.Fatalf("the look starts at %q", m.Look.Selected)
	}
	m.Look.SetSelected("Dark")
	if got := a.Preferences().String(kit.PrefLook); got != kit.LookDark {
		t.Errorf("kept %q", got)
	}
	bg := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if kit.Contrast(bg, color.Black) > 2 {
		t.Errorf("the background is %v after choosing Dark", bg)
	}
}
