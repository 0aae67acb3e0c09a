package clean

import (
	"fmt"
	"strings"
)

// Feet is what clean-up does with the feet, named as DeepMotion names its
// foot modes so that users coming from it find the same choices.
type Feet string

// The foot modes.
const (
	// Auto locks planted feet, but lets a foot glide through a contact in
	// which the capture moves it far (a pivot, a slide): an animator keeps
	// a deliberate slide. A walk cycle in place (Report.InPlace) keeps its
	// feet as they are: they slide by design.
	Auto Feet = "auto"
	// Lock keeps every planted foot where it landed.
	Lock Feet = "lock"
	// Ground keeps planted feet on the floor but lets them glide.
	Ground Feet = "ground"
	// Off leaves the feet as the capture has them (smoothing still runs).
	Off Feet = "off"
)

// FeetModes lists the modes in the order a menu shows them.
var FeetModes = []Feet{Auto, Lock, Ground, Off}

// ParseFeet reads a mode's name, in any case.
func ParseFeet(s string) (Feet, error) {
	for _, m := range FeetModes {
		if strings.EqualFold(s, string(m)) {
			return m, nil
		}
	}
	return "", fmt.Errorf("the feet mode is auto, lock, ground or off, not %q", s)
}

// Options say how much to clean.
type Options struct {
	// Feet is the foot mode; empty means Off.
	Feet Feet
	// Smooth is the smoothing strength from 0 (none) to 1 (strongest).
	Smooth float64
}

// Default is what Singlecam offers first: feet locked where the capture
// plants them, and moderate smoothing (about FreeMoCap's 6 Hz where the
// motion is slow).
var Default = Options{Feet: Auto, Smooth: 0.55}

// None reports whether the options change nothing.
func (o Options) None() bool { return (o.Feet == "" || o.Feet == Off) && o.Smooth <= 0 }

// Check reports options out of range.
func (o Options) Check() error {
	if o.Feet != "" {
		if _, err := ParseFeet(string(o.Feet)); err != nil {
			return err
		}
	}
	if !(o.Smooth >= 0 && o.Smooth <= 1) {
		return fmt.Errorf("the smoothing strength is between 0 and 1, not %v", o.Smooth)
	}
	return nil
}
