package export

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"singlecam/core/motion/rigs"
)

// ErrBadSettings is wrapped by every error Check returns.
var ErrBadSettings = errors.New("bad export settings")

// Rates are the frame rates the app offers (0 keeps the source's); Check
// takes any rate from 1 to 1000 fps.
var Rates = []float64{0, 24, 25, 30, 50, 60}

// NameChoices are the values Settings.Names takes.
func NameChoices() []string { return append([]string{"", "plain"}, rigs.MapNames()...) }

// nameTitles are the bone-name choices as people read them.
var nameTitles = map[string]string{"": "As in the file", "plain": "Plain (prefix removed)", "mixamo": "Mixamo (mixamorig:)",
	"ue5": "Unreal Engine 5 mannequin", "unity": "Unity Humanoid", "vrm": "VRM 1.0 humanoid"}

// NameTitle is how the front ends show a value of Settings.Names, one
// title for the dialog and the terminal: "Mixamo (mixamorig:)". A map
// without a title of its own shows its name.
func NameTitle(names string) string {
	if t, ok := nameTitles[names]; ok {
		return t
	}
	return names
}

// Check says whether the settings can be applied, in a sentence that says
// what to change.
func (s Settings) Check() error {
	if !slices.Contains(NameChoices(), s.Names) {
		return fmt.Errorf("%w: there are no bone names %q: choose plain or one of %v", ErrBadSettings, s.Names, rigs.MapNames())
	}
	if s.Up != "" && s.Up != "y" && s.Up != "z" {
		return fmt.Errorf("%w: the up axis is y or z, not %q", ErrBadSettings, s.Up)
	}
	if s.Units != "" && s.Units != "m" && s.Units != "cm" {
		return fmt.Errorf("%w: the units are m or cm, not %q", ErrBadSettings, s.Units)
	}
	if s.FPS != 0 && !(s.FPS >= 1 && s.FPS <= 1000) {
		return fmt.Errorf("%w: the frame rate must be between 1 and 1000 fps, not %g", ErrBadSettings, s.FPS)
	}
	if err := s.Clean.Check(); err != nil {
		return fmt.Errorf("%w: %w", ErrBadSettings, err)
	}
	if s.Format != "" && s.Format != GLB && s.Format != BVH && s.Format != VRMA {
		return fmt.Errorf("%w: the format is glb, bvh or vrma, not %q", ErrBadSettings, s.Format)
	}
	if s.Format == VRMA && s.Names != "vrm" && s.Names != "" {
		return fmt.Errorf("%w: a VRM Animation names its bones by their VRM roles: use the vrm preset to write one", ErrBadSettings)
	}
	return nil
}

// checkFor adds what depends on the format actually written: glTF fixes Y
// up and metres, so a GLB with another axis or unit would import wrong
// everywhere.
func (s Settings) checkFor(f Format) error {
	if err := s.Check(); err != nil {
		return err
	}
	if (f == GLB || f == VRMA) && (s.Up == "z" || s.Units == "cm") {
		return fmt.Errorf("%w: a %s is always Y up in metres (glTF's rule, which importers convert from): write BVH for Z up or centimetres", ErrBadSettings, strings.ToUpper(string(f)))
	}
	return nil
}
